"""A release queues its change alerts; a real Celery worker records them (one per agenda) after the commit."""

import datetime

from apps.forums.agenda.alerts import ALERT_KIND, alert_key
from apps.forums.agenda.services import agenda_email_confirm, agenda_save
from apps.forums.services import schedule_release
from apps.notifications.models import Channel, Message
from tests.factories import ForumFactory, RoomFactory, SessionFactory
from tests.factories.forums import at
from tests.support import wait_until


def test_worker_records_one_alert_for_an_agenda_whose_session_moved(forums_page, celery_worker):
    forum = ForumFactory(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    room = RoomFactory(slug="hall-a", name="Hall A", name_zh="A厅")
    keynote = SessionFactory(forum=forum, room=room, starts_at=at(9), title="Keynote", title_zh="主旨演讲")
    schedule_release(user=None)
    agenda = agenda_save(session_ids=[keynote.pk], language="zh-hans", email="li@example.com")
    agenda_email_confirm(agenda=agenda, email="li@example.com")  # double opt-in: only a confirmed address hears
    agenda_save(session_ids=[keynote.pk], language="en", email="never-confirmed@example.com")
    keynote.starts_at, keynote.ends_at = at(14), at(14) + datetime.timedelta(minutes=45)
    keynote.save()

    second = schedule_release(user=None)

    alerts = Message.objects.filter(channel=Channel.EMAIL, event__kind=ALERT_KIND)
    alert = wait_until(lambda: alerts.filter(email="li@example.com").first(), timeout=30)
    assert alert is not None and alert.language == "zh-hans"
    assert alert.event.key == alert_key(second.pk, agenda.pk)
    assert list(alerts.values_list("email", flat=True)) == ["li@example.com"]  # not the unconfirmed address
