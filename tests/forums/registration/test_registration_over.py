"""Once a forum is over (midnight after its last day, in its zone) registration is closed: the service refuses,
the form is gone (in both languages), and the forum page no longer offers it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.forums.models import Registration
from apps.forums.registration import services
from tests.factories import ForumFactory
from tests.factories.forums import SHANGHAI, release

REGISTER = "/{lang}/forums/{slug}/register/"
LAST_EVENING = datetime.datetime(2026, 9, 19, 23, 59, tzinfo=SHANGHAI)  # ForumFactory: 2026-09-18 and 19
AFTER = datetime.datetime(2026, 9, 20, 0, 0, 1, tzinfo=SHANGHAI)


@pytest.fixture
def forum(forums_page):
    made = ForumFactory(slug="smart-factory", title="Smart Manufacturing Forum", title_zh="智能制造论坛",
                        requires_registration=True)
    release()
    return made


@pytest.fixture
def clock(monkeypatch):
    from django.utils import timezone

    def travel(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return travel


def test_registration_open_until_the_last_evening_of_the_forum(client, forum, clock):
    clock(LAST_EVENING)
    assert forum.is_over is False
    services.registration_create(forum=forum, name="Li", email="li@example.com", language="en")
    html = client.get("/en/forums/smart-factory/").content.decode()
    assert 'href="/en/forums/smart-factory/register/"' in html


def test_service_refuses_a_registration_once_the_forum_is_over(forum, clock):
    clock(AFTER)
    with pytest.raises(ValidationError) as error:
        services.registration_create(forum=forum, name="Li", email="li@example.com", language="en")
    assert error.value.code == "over"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("lang, closed", [("en", "This forum is over: registration has closed."),
                                          ("zh-hans", "本论坛已结束，报名已截止。")])
def test_pages_say_registration_is_closed_once_the_forum_is_over(client, forum, clock, lang, closed):
    clock(AFTER)
    response = client.get(REGISTER.format(lang=lang, slug=forum.slug))
    html = response.content.decode()
    assert response.status_code == 200 and closed in html and 'name="email"' not in html
    posted = client.post(REGISTER.format(lang=lang, slug=forum.slug),
                         {"name": "Wang Fang", "email": "wang.fang@example.com", "organisation": ""})
    assert posted.status_code == 400 and closed in posted.content.decode()
    assert Registration.objects.count() == 0
    page = client.get(f"/{lang}/forums/smart-factory/").content.decode()
    assert closed in page and "/register/" not in page
