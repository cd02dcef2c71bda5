"""A stored company page goes stale when the company changes (apps.companies.signals.company_changed, received by
expo) and when a section's content changes (the forums' release), without expo importing those apps."""

import pytest

from apps.companies.services import company_index
from tests.factories import CompanyFactory, ForumFactory, SessionFactory, SpeakerFactory
from tests.factories.forums import release

pytestmark = pytest.mark.usefixtures("expo_page", "media_root")
URL = "/en/expo/companies/longyuan/"


@pytest.fixture
def longyuan(db):
    return CompanyFactory(slug="longyuan", translations={"en": {"name": "Longyuan Tire"},
                                                         "zh-hans": {"name": "隆远轮胎"}})


def test_a_company_change_makes_its_stored_page_stale(client, longyuan, django_capture_on_commit_callbacks):
    assert [client.get(URL).headers["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    longyuan.set_current_language("en")
    longyuan.name = "Longyuan Tire Group"
    longyuan.save()

    with django_capture_on_commit_callbacks(execute=True):
        company_index(company=longyuan)
    response = client.get(URL)

    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Longyuan Tire Group" in response.content.decode()


def test_a_forum_release_makes_the_stored_page_of_a_speakers_company_stale(client, longyuan):
    forum = ForumFactory(title="Green Tire Forum", title_zh="绿色轮胎论坛")
    SessionFactory(forum=forum, speakers=[SpeakerFactory(company=longyuan, name="Wang Lei", name_zh="王磊")],
                   title="Low rolling resistance", title_zh="低滚阻轮胎")
    assert [client.get(URL).headers["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    assert "Low rolling resistance" not in client.get(URL).content.decode()  # not released yet

    release()
    response = client.get(URL)

    assert response.headers["X-Page-Cache"] == "miss"
    assert "<strong>Low rolling resistance</strong> · Green Tire Forum" in response.content.decode()


def test_a_visitor_with_a_session_sees_a_company_change_at_once(client, longyuan, django_capture_on_commit_callbacks):
    """Such visitors get no stored page but the page's kept parts (apps.expo.company_page.company_page_parts): it
    goes stale on the same signal."""
    client.cookies["sessionid"] = "no-such-session"
    assert "Longyuan Tire" in client.get(URL).content.decode()
    longyuan.set_current_language("en")
    longyuan.name = "Longyuan Tire Group"
    longyuan.save()

    with django_capture_on_commit_callbacks(execute=True):
        company_index(company=longyuan)
    response = client.get(URL)

    assert response.status_code == 200 and "X-Page-Cache" not in response.headers
    assert "Longyuan Tire Group" in response.content.decode()


def test_a_visitor_with_a_session_sees_a_release_at_once(client, longyuan):
    client.cookies["sessionid"] = "no-such-session"
    forum = ForumFactory(title="Green Tire Forum", title_zh="绿色轮胎论坛")
    SessionFactory(forum=forum, speakers=[SpeakerFactory(company=longyuan, name="Wang Lei", name_zh="王磊")],
                   title="Low rolling resistance", title_zh="低滚阻轮胎")
    assert "Low rolling resistance" not in client.get(URL).content.decode()

    release()

    assert "<strong>Low rolling resistance</strong> · Green Tire Forum" in client.get(URL).content.decode()


def test_a_missing_company_is_a_404_and_leaves_no_memo(client, db):
    import redis
    from django.conf import settings

    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    for n in range(5):
        assert client.get(f"/en/expo/companies/no-such-{n}/").status_code == 404

    assert not list(server.scan_iter(match="*no-such*", count=1000))
    assert client.get(URL.replace("longyuan", "no-such-0")).status_code == 404
