"""Double opt-in of agenda alert addresses: a typed address hears nothing until its owner confirms it through a
signed link (7 days, for that address only); confirmation emails are limited per agenda and per address."""

import datetime
import re
import time
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing

from apps.forums.agenda import optin
from apps.forums.agenda.alerts import ALERT_KIND
from apps.forums.agenda.services import agenda_email_set, agenda_save, release_alerts_record
from apps.forums.models import Agenda
from apps.notifications.models import Event, Message
from tests.factories import ForumFactory, RoomFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release
from tests.support import deliver_all

pytestmark = pytest.mark.usefixtures("forums_page")
CONFIRM_PAGE_QUERIES = 11


@pytest.fixture
def sessions(db):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    room = RoomFactory(name="Hall B", name_zh="B厅")
    made = [SessionFactory(forum=forum, room=room, starts_at=at(9 + n), title=f"Talk {n}", title_zh=f"报告{n}")
            for n in range(3)]
    release()
    return made


def _ids(*sessions):
    return ",".join(str(s.pk) for s in sessions)


def _move(session, hour):
    session.starts_at, session.ends_at = at(hour), at(hour) + datetime.timedelta(minutes=45)
    session.save()


def _confirm_path(email_message):
    """The confirmation link's path in an email (checked to be absolute)."""
    url = re.search(r"https?://\S+/forums/agenda/confirm/\S+/", email_message.body).group(0)
    return urlsplit(url).path


def _confirm_path_of(agenda):
    deliver_all()
    return _confirm_path([m for m in mail.outbox if m.to == [agenda.email]][-1])


def _age_confirmations(agenda, minutes):
    """Pretend the agenda's confirmation emails were sent `minutes` earlier (data ageing, no clock mock)."""
    for event in Event.objects.filter(kind=optin.CONFIRM_KIND, object_id=str(agenda.pk)):
        Event.objects.filter(pk=event.pk).update(created_at=event.created_at - datetime.timedelta(minutes=minutes))


def _alerts():
    return Message.objects.filter(event__kind=ALERT_KIND)


def test_unconfirmed_address_gets_no_alert(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "victim@example.com"})
    _move(sessions[0], 16)

    release()
    deliver_all()

    assert not Event.objects.filter(kind=ALERT_KIND).exists()
    assert [m.subject for m in mail.outbox] == ["Confirm your address for forum agenda alerts"]


@pytest.mark.parametrize("language, subject, words", [
    ("en", "Confirm your address for forum agenda alerts", "Confirm my address"),
    ("zh-hans", "请确认您接收论坛日程提醒的邮箱地址", "确认我的邮箱"),
])
def test_confirmation_email_in_the_language_with_a_working_link(client, sessions, language, subject, words):
    client.post(f"/{language}/forums/agenda/link/", {"sessions": _ids(sessions[0], sessions[2]),
                                                     "email": "li@example.com"})
    deliver_all()

    (email,) = mail.outbox
    assert email.to == ["li@example.com"] and email.subject == subject
    assert "7" in email.body and "li@example.com" in email.body
    assert words in email.alternatives[0][0]
    path = _confirm_path(email)
    assert path.startswith(f"/{language}/forums/agenda/confirm/")

    shown = client.get(path)  # a mail scanner opening the link confirms nothing
    agenda = Agenda.objects.get()
    assert shown.status_code == 200 and agenda.email_confirmed_at is None
    html = shown.content.decode()
    assert words in html and 'method="post"' in html
    assert ("Talk 0" if language == "en" else "报告0") in html and ("报告1" not in html and "Talk 1" not in html)

    confirmed = client.post(path)
    agenda.refresh_from_db()
    assert confirmed.status_code == 302 and confirmed["Location"] == path
    assert agenda.email_confirmed_at is not None
    assert "li@example.com" in client.get(path).content.decode()
    manage = client.get(f"/{language}/forums/agenda/manage/{agenda.token}/").content.decode()
    assert 'data-optin="confirmed"' in manage


def test_confirming_twice_keeps_the_first_time(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "a@example.com"})
    deliver_all()
    path = _confirm_path(mail.outbox[0])
    client.post(path)
    first = Agenda.objects.get().email_confirmed_at

    again = client.post(path)

    assert again.status_code == 302 and Agenda.objects.get().email_confirmed_at == first


def test_confirmed_address_is_alerted_once(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[1]), "email": "buyer@example.com"})
    deliver_all()
    client.post(_confirm_path(mail.outbox[0]))
    mail.outbox.clear()
    _move(sessions[1], 17)

    current = release()
    assert release_alerts_record(release_id=current.pk) == 0  # recorded again: nothing more
    deliver_all()
    deliver_all()

    assert [m.to for m in mail.outbox] == [["buyer@example.com"]]
    assert mail.outbox[0].subject == "A session in your forum agenda has changed"
    assert _alerts().count() == 1


def test_changed_address_needs_a_new_confirmation(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "a@example.com"})
    deliver_all()
    old_path = _confirm_path(mail.outbox[0])
    client.post(old_path)
    agenda = Agenda.objects.get()
    mail.outbox.clear()

    client.post(f"/en/forums/agenda/manage/{agenda.token}/", {"email": "b@example.com"})
    deliver_all()
    agenda.refresh_from_db()
    assert agenda.email == "b@example.com" and agenda.email_confirmed_at is None
    (new_email,) = mail.outbox
    assert new_email.to == ["b@example.com"]
    old = client.get(old_path)
    assert old.status_code == 400 and "no longer uses" in old.content.decode()
    assert client.post(old_path).status_code == 400

    _move(sessions[0], 16)
    release()
    assert not _alerts().exists()  # b@ did not confirm yet, a@ is no longer the address

    client.post(_confirm_path(new_email))
    _move(sessions[0], 17)
    release()
    assert list(_alerts().values_list("email", flat=True)) == ["b@example.com"]


def test_same_address_again_keeps_the_confirmation_and_sends_nothing(client, sessions):
    agenda = agenda_save(session_ids=[sessions[0].pk], language="en", email="a@example.com")
    client.post(_confirm_path_of(agenda))

    agenda_email_set(agenda=agenda, email=" A@example.com ", language="zh-hans")

    agenda.refresh_from_db()
    assert agenda.email_confirmed_at is not None and agenda.language == "zh-hans"
    assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == 1


class _EightDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)


@pytest.mark.parametrize("language, expected", [("en", "not valid"), ("zh-hans", "此确认链接无效")])
@pytest.mark.parametrize("make", ["tampered", "garbage", "other_salt", "unknown_agenda", "account_agenda"])
def test_bad_tokens_are_400_in_the_language(client, sessions, language, expected, make):
    agenda = agenda_save(session_ids=[sessions[0].pk], language="en", email="a@example.com")
    token = optin.confirm_token(agenda.pk, "a@example.com")
    user_agenda = Agenda.objects.create(user=UserFactory(), token="t" * 43, email="u@example.com")
    token = {
        "tampered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "garbage": "not-a-token",
        "other_salt": signing.dumps({"a": agenda.pk, "e": "a@example.com"}, salt="notifications.confirm"),
        "unknown_agenda": optin.confirm_token(agenda.pk + 1000, "a@example.com"),
        "account_agenda": optin.confirm_token(user_agenda.pk, "u@example.com"),
    }[make]

    for response in (client.get(f"/{language}/forums/agenda/confirm/{token}/"),
                     client.post(f"/{language}/forums/agenda/confirm/{token}/")):
        assert response.status_code == 400
        assert expected in response.content.decode()
    assert not Agenda.objects.filter(email_confirmed_at__isnull=False).exists()


@pytest.mark.parametrize("language, expected", [("en", "has expired"), ("zh-hans", "此确认链接已过期")])
def test_expired_token_is_400(client, sessions, language, expected):
    agenda = agenda_save(session_ids=[sessions[0].pk], language="en", email="a@example.com")
    token = _EightDaysAgo(salt=optin._SALT).sign_object({"a": agenda.pk, "e": "a@example.com"})
    with pytest.raises(signing.SignatureExpired):  # well formed, only too old
        optin.confirm_token_read(token)

    response = client.post(f"/{language}/forums/agenda/confirm/{token}/")

    assert response.status_code == 400 and expected in response.content.decode()
    agenda.refresh_from_db()
    assert agenda.email_confirmed_at is None


def test_resend_once_per_ten_minutes_and_three_a_day(client, sessions):
    client.post("/en/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "a@example.com"})
    agenda = Agenda.objects.get()
    manage, resend = (f"/en/forums/agenda/manage/{agenda.token}/", f"/en/forums/agenda/manage/{agenda.token}/resend/")
    page = client.get(manage).content.decode()
    assert "waiting for confirmation" in page and "data-optin-resend disabled" in page
    assert "You can ask again in 10 minutes." in page

    too_soon = client.post(resend, follow=True).content.decode()
    assert "Please wait 10 minutes before asking for another email." in too_soon
    assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == 1

    for sent in (2, 3):
        _age_confirmations(agenda, 11)
        assert "data-optin-resend>" in client.get(manage).content.decode()
        response = client.post(resend, follow=True)
        assert "We sent the confirmation link again to a@example.com." in response.content.decode()
        assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == sent

    _age_confirmations(agenda, 11)
    refused = client.post(resend, follow=True).content.decode()
    assert "enough confirmation emails for today" in refused
    client.post(manage, {"email": "c@example.com"})  # a new address does not lift the daily limit
    assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == 3

    _age_confirmations(agenda, 24 * 60)
    client.post(resend)
    deliver_all()
    assert Event.objects.filter(kind=optin.CONFIRM_KIND).count() == 4
    assert mail.outbox[-1].to == ["c@example.com"]
    assert len(mail.outbox) == Message.objects.filter(event__kind=optin.CONFIRM_KIND).count() == 4


def test_resend_page_in_chinese_and_refusals(client, sessions):
    client.post("/zh-hans/forums/agenda/link/", {"sessions": _ids(sessions[0]), "email": "a@example.com"})
    agenda = Agenda.objects.get()

    page = client.get(f"/zh-hans/forums/agenda/manage/{agenda.token}/").content.decode()
    refused = client.post(f"/zh-hans/forums/agenda/manage/{agenda.token}/resend/", follow=True).content.decode()

    assert "a@example.com 正在等待确认" in page and "重新发送确认邮件" in page
    assert "请等待 10 分钟后再请求发送邮件。" in refused
    assert client.get(f"/en/forums/agenda/manage/{agenda.token}/resend/").status_code == 405
    assert client.post(f"/en/forums/agenda/manage/{agenda.token}x/resend/").status_code == 404


def test_one_request_sends_one_email_and_accounts_get_none(client, sessions):
    user = UserFactory(email="member@example.com")
    agenda_save(session_ids=[sessions[0].pk], language="en", email="member2@example.com", user=user)
    agenda_save(session_ids=[sessions[0].pk], language="en", email="once@example.com")

    deliver_all()
    deliver_all()

    assert [m.to for m in mail.outbox] == [["once@example.com"]]


def test_an_address_gets_at_most_five_confirmations_a_day_over_all_agendas(sessions):
    for _n in range(7):
        agenda_save(session_ids=[sessions[0].pk], language="en", email="victim@example.com")

    deliver_all()

    assert Agenda.objects.count() == 7
    assert len(mail.outbox) == optin.ADDRESS_DAILY_LIMIT == 5


@pytest.mark.parametrize("count", [1, 3])
def test_confirm_page_queries(client, sessions, django_assert_num_queries, count):
    agenda = agenda_save(session_ids=[s.pk for s in sessions[:count]], language="en", email="a@example.com")
    path = f"/en/forums/agenda/confirm/{optin.confirm_token(agenda.pk, 'a@example.com')}/"

    with django_assert_num_queries(CONFIRM_PAGE_QUERIES):
        response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert all(f"Talk {n}" in html for n in range(count)) and f"Talk {count}" not in html
