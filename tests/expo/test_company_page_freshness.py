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
