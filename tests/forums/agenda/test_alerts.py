"""Change alerts: one event per agenda and release, listing every affected starred session, in its language."""

import datetime

import pytest
from django.core import mail

from apps.forums.agenda.alerts import ALERT_KIND, alert_key
from apps.forums.agenda.services import agenda_email_confirm, agenda_save, agenda_user_sync, release_alerts_record
from apps.forums.models import AgendaEntry, ScheduleRelease, Session
from apps.forums.services import schedule_release
from apps.notifications.models import Channel, Event, Message
from tests.factories import ForumFactory, RoomFactory, SessionFactory, UserFactory
from tests.factories.forums import at, release
from tests.support import deliver_all

pytestmark = pytest.mark.usefixtures("forums_page")


@pytest.fixture
def schedule(db):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    hall_a = RoomFactory(slug="hall-a", name="Hall A", name_zh="A厅")
    hall_b = RoomFactory(slug="hall-b", name="Hall B", name_zh="B厅")
    sessions = {
        "keynote": SessionFactory(forum=forum, room=hall_a, starts_at=at(9), title="Keynote", title_zh="主旨演讲"),
        "panel": SessionFactory(forum=forum, room=hall_a, starts_at=at(10), title="Panel", title_zh="圆桌"),
        "signing": SessionFactory(forum=forum, room=hall_b, starts_at=at(11), title="Signing", title_zh="签约"),
        "other": SessionFactory(forum=forum, room=hall_b, starts_at=at(15), title="Other", title_zh="其他"),
    }
    release()
    return {"forum": forum, "hall_a": hall_a, "hall_b": hall_b, **sessions}


def _visitor(ids, *, email="", language="en"):
    """A visitor's agenda; its address confirmed (double opt-in) and the confirmation email out of the way."""
    agenda = agenda_save(session_ids=[s.pk for s in ids], language=language, email=email)
    if email:
        agenda_email_confirm(agenda=agenda, email=email)
        deliver_all()
        mail.outbox.clear()
    return agenda


def _move(session, *, hour=None, room=None):
    if hour is not None:
        session.starts_at = at(hour)
        session.ends_at = at(hour) + datetime.timedelta(minutes=45)
    if room is not None:
        session.room = room
    session.save()


def _release_and_alert():
    """Release (its after-commit work records the alerts); the release and how many alerts it recorded."""
    current = release()
    return current, Event.objects.filter(key__startswith=f"{ALERT_KIND}:{current.pk}:").count()


def test_two_moved_sessions_make_one_email_with_old_and_new_times(schedule):
    agenda = _visitor([schedule["keynote"], schedule["panel"], schedule["other"]], email="visitor@example.com")
    _move(schedule["keynote"], hour=16)
    _move(schedule["panel"], room=schedule["hall_b"])

    current, alerted = _release_and_alert()
    deliver_all()

    assert alerted == 1
    assert Event.objects.filter(kind=ALERT_KIND).get().key == alert_key(current.pk, agenda.pk)
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["visitor@example.com"]
    assert email.subject == "2 sessions in your forum agenda have changed"
    assert "Keynote (Tyre Forum)" in email.body
    assert "Before: 2026-09-18 09:00–09:45 (Asia/Shanghai), Hall A" in email.body
    assert "Now: 2026-09-18 16:00–16:45 (Asia/Shanghai), Hall A" in email.body
    assert "Now: 2026-09-18 10:00–10:45 (Asia/Shanghai), Hall B" in email.body
    assert "Other" not in email.body
    assert f"/en/forums/sessions/{schedule['keynote'].pk}/" in email.body
    assert f"/en/forums/agenda/{agenda.token}.ics" in email.body
    assert email.body.index("Keynote") < email.body.index("Panel")  # in the order of their old times


def test_recording_again_for_the_same_release_adds_nothing(schedule):
    _visitor([schedule["keynote"]], email="visitor@example.com")
    _move(schedule["keynote"], hour=16)
    current, _alerted = _release_and_alert()

    assert release_alerts_record(release_id=current.pk) == 0
    deliver_all()

    assert Event.objects.filter(kind=ALERT_KIND).count() == 1
    assert Message.objects.filter(event__kind=ALERT_KIND).count() == 1
    assert len(mail.outbox) == 1


def test_user_and_email_visitor_alerted_in_their_languages(schedule):
    user = UserFactory(username="buyer", email="buyer@example.com", preferred_language="zh-hans")
    agenda_user_sync(user=user, session_ids=[schedule["signing"].pk], language="zh-hans")
    _visitor([schedule["signing"]], email="gast@example.com", language="en")
    schedule["signing"].is_cancelled = True
    schedule["signing"].save()

    _current, alerted = _release_and_alert()
    deliver_all()

    assert alerted == 2
    by_address = {email.to[0]: email for email in mail.outbox}
    assert set(by_address) == {"buyer@example.com", "gast@example.com"}
    chinese, english = by_address["buyer@example.com"], by_address["gast@example.com"]
    assert "签约" in chinese.body and "轮胎论坛" in chinese.body and "已取消" in chinese.body
    assert "B厅" in chinese.body
    assert "Signing (Tyre Forum)" in english.body and "Cancelled" in english.body
    inbox = Message.objects.get(channel=Channel.INBOX, user=user)
    assert inbox.language == "zh-hans" and "签约" in inbox.body


def test_removed_session_is_alerted(schedule):
    _visitor([schedule["other"]], email="visitor@example.com")
    Session.objects.filter(pk=schedule["other"].pk).delete()

    _current, alerted = _release_and_alert()
    deliver_all()

    assert alerted == 1
    body = mail.outbox[0].body
    assert "Other (Tyre Forum)" in body and "Removed from the programme" in body
    assert "Before: 2026-09-18 15:00–15:45 (Asia/Shanghai), Hall B" in body
    assert "Now:" not in body
    assert not AgendaEntry.objects.filter(session_id=schedule["other"].pk).exists()  # forgotten once alerted


def test_retitled_only_or_unstarred_sessions_alert_nobody(schedule):
    _visitor([schedule["keynote"]], email="visitor@example.com")
    keynote = schedule["keynote"]
    keynote.set_current_language("en")
    keynote.title = "Keynote, retitled"
    keynote.save()
    _move(schedule["other"], hour=17)  # moved, but nobody starred it

    current, alerted = _release_and_alert()

    assert {entry["change"] for entry in current.changelog} == {"changed", "moved"}
    assert alerted == 0
    assert not Event.objects.filter(kind=ALERT_KIND).exists()


def test_agenda_without_user_or_email_gets_nothing(schedule):
    _visitor([schedule["keynote"]])
    _move(schedule["keynote"], hour=16)

    _current, alerted = _release_and_alert()

    assert alerted == 0
    assert not Event.objects.filter(kind=ALERT_KIND).exists()


def test_each_release_alerts_again(schedule):
    _visitor([schedule["keynote"]], email="visitor@example.com")
    _move(schedule["keynote"], hour=16)
    _release_and_alert()
    _move(schedule["keynote"], hour=17)

    _release_and_alert()
    deliver_all()

    assert Event.objects.filter(kind=ALERT_KIND).count() == 2
    assert len(mail.outbox) == 2
    assert "Now: 2026-09-18 17:00–17:45" in mail.outbox[1].body


def test_schedule_release_leaves_alerts_to_a_task_queued_after_commit(schedule, django_capture_on_commit_callbacks):
    """The release request only queues the alerts (a real worker records them: test_alerts_worker.py)."""
    _visitor([schedule["keynote"]], email="visitor@example.com")
    _move(schedule["keynote"], hour=16)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        current = schedule_release(user=None)
    assert len(callbacks) == 3  # the page-cache bump, queueing the alerts task and the site search's re-indexing
    assert not Event.objects.filter(kind=ALERT_KIND).exists()

    assert release_alerts_record(release_id=current.pk) == 1
    assert Event.objects.filter(key__startswith=f"{ALERT_KIND}:{current.pk}:").count() == 1
    assert ScheduleRelease.objects.count() == 2


def test_unknown_release_records_nothing(db):
    assert release_alerts_record(release_id=123456) == 0
