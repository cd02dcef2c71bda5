"""Only public content is indexed: drafts, articles in review or scheduled, pending profile changes, private
requirements and expired or withdrawn notices never appear in the site search."""

import datetime

import pytest
from django.utils import timezone

from apps.search import selectors, services
from apps.search.models import Document
from apps.trading import services as trading_services
from tests.factories import ArticleFactory, NoticeFactory, UserFactory
from tests.factories.trading import notice_translations

pytestmark = pytest.mark.django_db


def _found(q, language="en"):
    return [(hit["type"], hit["object_id"]) for hit in
            selectors.search(query=selectors.Query(q=q), language=language).hits]


def test_drafts_reviews_archived_and_scheduled_articles_never_appear(reindex):
    draft = ArticleFactory(state="draft", translations={"en": {"title": "Butadiene draft", "slug": "bd-1"}})
    review = ArticleFactory(state="review", translations={"en": {"title": "Butadiene review", "slug": "bd-2"}})
    archived = ArticleFactory(state="archived", translations={"en": {"title": "Butadiene archive", "slug": "bd-3"}})
    scheduled = ArticleFactory(publish_at=timezone.now() + datetime.timedelta(days=1),
                               translations={"en": {"title": "Butadiene soon", "slug": "bd-4"}})
    public = ArticleFactory(translations={"en": {"title": "Butadiene now", "slug": "bd-5"}})
    reindex()
    assert _found("butadiene") == [("article", public.pk)]
    assert not Document.objects.filter(object_id__in=[draft.pk, review.pk, archived.pk], type="article").exists()
    later = selectors.search(query=selectors.Query(q="butadiene"), language="en",
                             now=timezone.now() + datetime.timedelta(days=2))
    assert {hit["object_id"] for hit in later.hits} == {public.pk, scheduled.pk}  # on time, without a worker


def test_archiving_takes_an_article_out(reindex, editor):
    article = ArticleFactory(translations={"en": {"title": "Isoprene outlook", "slug": "iso-1"}})
    reindex()
    assert _found("isoprene") == [("article", article.pk)]
    from apps.news.services import article_archive

    article_archive(article=article, user=article.author)
    services.object_index(type="article", object_id=article.pk)  # what the task does after commit
    assert _found("isoprene") == []


def test_notices_are_indexed_at_approval_and_leave_the_site_search_when_withdrawn(search_site):
    notice = NoticeFactory(translations=notice_translations("Typhoon warning", "台风预警"))
    draft = NoticeFactory(publish=False, translations=notice_translations("Typhoon draft", "台风草稿"))
    assert _found("typhoon") == [("notice", notice.pk)]  # no reindex: notice_approve indexed it
    assert _found("台风", "zh-hans") == [("notice", notice.pk)]
    trading_services.notice_withdraw(notice=notice, user=UserFactory(role="Editors"))
    assert _found("typhoon") == []
    assert Document.objects.filter(object_id=draft.pk, type="notice").count() == 0


def test_expired_notices_leave_the_site_search(search_site):
    ends = timezone.now() + datetime.timedelta(hours=1)
    notice = NoticeFactory(effective_until=ends, translations=notice_translations("Monsoon fees", "季风费用"))
    assert _found("monsoon") == [("notice", notice.pk)]
    later = selectors.search(query=selectors.Query(q="monsoon"), language="en", now=ends)
    assert later.hits == []


def test_a_pending_profile_change_is_not_searchable(reindex, company_a, member_a, portal_editor):
    from apps.expo.portal.services import profile_change_submit

    reindex()
    profile_change_submit(company=company_a, user=member_a, profile={
        "shared": {"website": "", "email": "", "phone": "", "region": ""},
        "translations": {"en": {"name": "Secret Newname Tyre"}, "zh-hans": {"name": "隆远轮胎"}},
        "participations": {}})
    reindex()
    assert _found("newname") == []
    assert ("company", company_a.pk) in _found("longyuan")
