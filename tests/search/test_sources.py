"""The sources of the forums (released programme only) and of Supply & Demand (public requirements only), and
`manage.py search_reindex`."""

import json

import pytest
import redis
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.accounts import roles
from apps.forums.selectors import process_caches_clear
from apps.search import selectors, services
from apps.search.models import Document
from apps.search.registry import Entry
from tests.docking.factories import requirement_draft, requirement_open, texts
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    PageFactory,
    ProductCategoryFactory,
    SessionFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.factories.cms_pages import apphook_detach
from tests.factories.forums import release

pytestmark = pytest.mark.django_db


def _found(q, language="en"):
    return [(hit["type"], hit["object_id"]) for hit in
            selectors.search(query=selectors.Query(q=q), language=language).hits]


def test_only_released_sessions_and_speakers_are_found(search_site):
    process_caches_clear()
    speaker = SpeakerFactory(name="Maria Vulcan", name_zh="马丽亚")
    released = SessionFactory(title="Silica dispersion", title_zh="白炭黑分散", speakers=[speaker])
    release()
    queued = [json.loads(message)["headers"] for message in redis.Redis.from_url(settings.CELERY_BROKER_URL).lrange(
        "celery", 0, -1)]
    assert sorted(headers["argsrepr"] for headers in queued if headers["task"] == "search.index_type") == [
        "('session',)", "('speaker',)"]  # the release re-indexes both sources after commit
    draft = SessionFactory(title="Silica recycling", title_zh="白炭黑回收")  # added after the release
    services.type_reindex(type="session")  # what the task queued by the release does
    services.type_reindex(type="speaker")
    assert _found("silica") == [("session", released.pk)]
    assert _found("白炭黑", "zh-hans") == [("session", released.pk)]
    assert _found("vulcan") == [("speaker", speaker.pk), ("session", released.pk)]  # name in the title first
    assert not Document.objects.filter(type="session", object_id=draft.pk).exists()
    process_caches_clear()


@pytest.fixture
def docking_world(search_site, editor):
    page = PageFactory(title_en="Supply & Demand", title_zh="供需对接", slug="docking", template="cms/section.html",
                       apphook="DockingApphook", apphook_namespace="docking")
    lead = CompanyFactory(slug="lead-co", verified_at=timezone.now(),
                          translations={"en": {"name": "Lead Co"}, "zh-hans": {"name": "龙头企业"}})
    poster = UserFactory(role=roles.EXHIBITORS, username="poster")
    MembershipFactory(company=lead, user=poster)
    category = ProductCategoryFactory(slug="mixers", en="Mixers", zh="密炼机")
    yield {"lead": lead, "poster": poster, "categories": [category], "editor": editor}
    apphook_detach(page)


def test_only_public_requirements_are_found(docking_world):
    world = docking_world
    common = {"company": world["lead"], "user": world["poster"], "categories": world["categories"]}
    public = requirement_open(editor=world["editor"], translations=texts("Internal mixer wanted", "求购密炼机"),
                              **common)
    verified_only = requirement_open(editor=world["editor"], visibility="verified",
                                     translations=texts("Internal mixer for members", "会员求购密炼机"), **common)
    draft = requirement_draft(translations=texts("Internal mixer draft", "密炼机草稿"), **common)
    call_command("search_reindex", "--no-progress", "--type=requirement", verbosity=0)
    assert _found("mixer") == [("requirement", public.pk)]
    assert _found("密炼机", "zh-hans") == [("requirement", public.pk)]
    assert not Document.objects.filter(type="requirement", object_id__in=[verified_only.pk, draft.pk]).exists()
    facet = selectors.search(query=selectors.Query(q="mixer"), language="en").facets["category"][0]
    assert (facet.value, facet.label, facet.count) == ("mixers", "Mixers", 1)


def test_reindex_removes_what_is_no_longer_public_and_refuses_unknown_types(reindex):
    services.documents_replace(type="article", entries={999999: [  # an article deleted since it was indexed
        Entry(language="en", title="Ghost article", url="/en/news/ghost/")]})
    assert _found("ghost") == [("article", 999999)]
    reindex("article")
    assert not Document.objects.filter(object_id=999999).exists()
    assert _found("ghost") == []
    with pytest.raises(CommandError, match="Unknown type"):
        call_command("search_reindex", "--type=nope", verbosity=0)
