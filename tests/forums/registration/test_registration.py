"""Registration services: places, the waiting list, moving up on cancellation, duplicates, the emails."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from apps.forums.models import Registration, RegistrationState
from apps.forums.registration import selectors, services
from apps.notifications.render import absolute
from tests.factories import ForumFactory, UserFactory
from tests.factories.forums import release
from tests.support import deliver_all

CONFIRMED, WAITLISTED = RegistrationState.CONFIRMED, RegistrationState.WAITLISTED
CANCELLED = RegistrationState.CANCELLED


@pytest.fixture
def small_forum(forums_page):
    forum = ForumFactory(slug="green-tires", title="Green Tire Forum", title_zh="绿色轮胎论坛", venue="Room 201",
                         venue_zh="201会议室", requires_registration=True, capacity=2)
    release()
    return forum


def sign_up(forum, n, language="en", **kw):
    return services.registration_create(forum=forum, name=f"Person {n}", email=f"person{n}@example.com",
                                        language=language, **kw)


def test_places_go_first_then_the_waiting_list_in_order(small_forum):
    people = [sign_up(small_forum, n) for n in range(1, 5)]
    assert [p.state for p in people] == [CONFIRMED, CONFIRMED, WAITLISTED, WAITLISTED]
    assert [selectors.registration_waitlist_position(p) for p in people] == [None, None, 1, 2]


def test_forum_without_capacity_confirms_everyone(forums_page):
    forum = ForumFactory(requires_registration=True, capacity=None)
    assert {sign_up(forum, n).state for n in range(5)} == {CONFIRMED}


def test_forum_without_registration_refuses(forums_page):
    forum = ForumFactory(requires_registration=False)
    with pytest.raises(ValidationError) as error:
        sign_up(forum, 1)
    assert error.value.code == "closed"
    assert not Registration.objects.exists()


def test_duplicate_active_registration_is_refused_whatever_the_case(small_forum):
    sign_up(small_forum, 1)
    with pytest.raises(ValidationError) as error:
        services.registration_create(forum=small_forum, name="Again", email=" PERSON1@Example.com ", language="en")
    assert error.value.code == "duplicate"
    assert "already registered for this forum" in error.value.messages[0]
    assert Registration.objects.count() == 1


def test_cancelled_person_may_register_again(small_forum):
    first = sign_up(small_forum, 1)
    services.registration_cancel(registration=first)
    again = sign_up(small_forum, 1)
    assert again.state == CONFIRMED and again.pk != first.pk


def test_confirmation_email_in_the_registrants_language_with_the_manage_link(small_forum):
    registration = sign_up(small_forum, 1, language="zh-hans", organisation="青岛隆远轮胎")
    deliver_all()
    [email] = mail.outbox
    assert email.to == ["person1@example.com"]
    assert email.subject == "报名成功：绿色轮胎论坛"
    assert absolute(f"/zh-hans/forums/registration/{registration.token}/") in email.body
    assert "201会议室" in email.body
    assert "2026-09-18 – 2026-09-19" in email.body
    html = email.alternatives[0][0]
    assert f'href="{absolute(f"/zh-hans/forums/registration/{registration.token}/")}"' in html


def test_waitlist_email_tells_the_position(small_forum):
    sign_up(small_forum, 1)
    sign_up(small_forum, 2)
    sign_up(small_forum, 3)
    sign_up(small_forum, 4)
    deliver_all()
    last = mail.outbox[-1]
    assert last.to == ["person4@example.com"]
    assert last.subject == "Waiting list: Green Tire Forum"
    assert "You are number 2 on its waiting list" in last.body


def test_cancelling_a_place_moves_the_oldest_waitlisted_up_and_tells_them_in_their_language(small_forum):
    first, _second = sign_up(small_forum, 1), sign_up(small_forum, 2)
    waiting_zh, waiting_en = sign_up(small_forum, 3, language="zh-hans"), sign_up(small_forum, 4)
    deliver_all()
    mail.outbox.clear()

    services.registration_cancel(registration=first)

    states = dict(Registration.objects.values_list("email", "state"))
    assert states == {"person1@example.com": CANCELLED, "person2@example.com": CONFIRMED,
                      "person3@example.com": CONFIRMED, "person4@example.com": WAITLISTED}
    waiting_en.refresh_from_db()
    assert selectors.registration_waitlist_position(waiting_en) == 1
    deliver_all()
    by_address = {email.to[0]: email for email in mail.outbox}
    assert set(by_address) == {"person1@example.com", "person3@example.com"}
    promoted = by_address["person3@example.com"]
    assert promoted.subject == "名额已为您保留：绿色轮胎论坛"
    assert f"/zh-hans/forums/registration/{waiting_zh.token}/" in promoted.body
    assert by_address["person1@example.com"].subject == "Registration cancelled: Green Tire Forum"


def test_leaving_the_waiting_list_promotes_nobody(small_forum):
    sign_up(small_forum, 1), sign_up(small_forum, 2)
    waiting, later = sign_up(small_forum, 3), sign_up(small_forum, 4)
    services.registration_cancel(registration=waiting)
    later.refresh_from_db()
    assert later.state == WAITLISTED
    assert selectors.registration_waitlist_position(later) == 1


def test_each_email_goes_once(small_forum):
    first = sign_up(small_forum, 1)
    sign_up(small_forum, 2), sign_up(small_forum, 3)
    services.registration_cancel(registration=first)
    services.registration_cancel(registration=first)  # twice: nothing more happens
    deliver_all()
    deliver_all()
    assert sorted(email.to[0] for email in mail.outbox) == [
        "person1@example.com", "person1@example.com", "person2@example.com", "person3@example.com",
        "person3@example.com"]  # person 1: confirmed + cancelled; person 3: waitlisted + promoted


def test_raising_the_capacity_fills_places_from_the_waiting_list(small_forum):
    people = [sign_up(small_forum, n) for n in range(1, 6)]
    small_forum.capacity = 4
    small_forum.save()
    promoted = services.registrations_promote(forum=small_forum)
    assert [p.pk for p in promoted] == [people[2].pk, people[3].pk]
    assert Registration.objects.filter(state=CONFIRMED).count() == 4


def test_logged_in_registrant_is_linked(small_forum):
    user = UserFactory(username="visitor")
    registration = sign_up(small_forum, 1, user=user)
    assert registration.user == user
