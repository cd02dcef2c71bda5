"""Both parties are told by email and in the inbox, each in their language, on request, acceptance, decline,
proposal and cancellation; the reminder the day before goes once per meeting, however often beat runs it."""

import datetime

import pytest
from django.core import mail

from apps.meetings import services, tasks
from apps.notifications.models import Channel, Message
from tests.support import deliver_all

from .support import at, book, someone


def mails_to(user):
    return [email for email in mail.outbox if user.email in email.to]


def inbox_of(user):
    return list(Message.objects.filter(user=user, channel=Channel.INBOX).order_by("pk").values_list(
        "subject_line", flat=True))


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            result = call()
        deliver_all()
        return result
    return run


def test_a_request_tells_the_visitor_and_the_members_in_their_language(days_a, visitor, member_a, sent):
    meeting = sent(lambda: book(visitor, days_a, 10, message="Let us talk about radial tyres"))
    [to_visitor], [to_member] = mails_to(visitor), mails_to(member_a)
    assert to_visitor.subject == "Your meeting request to Longyuan Tyre"
    assert "We will tell you when they answer." in to_visitor.body and "/en/meetings/" in to_visitor.body
    assert "Let us talk about radial tyres" not in to_visitor.body  # the exhibitor's email quotes the message
    assert to_member.subject == "来自Anna Smith的洽谈预约"  # member_a reads Chinese
    assert "Let us talk about radial tyres" in to_member.body
    assert f"/zh-hans/portal/meetings/{meeting.company.slug}/" in to_member.body
    when = f"{days_a.day:%Y-%m-%d} 10:00–10:30"
    assert f"{when} (Beijing time)" in to_visitor.body and f"{when} (北京时间)" in to_member.body
    assert "展位 A101" in to_member.body and "Booth A101" in to_visitor.body
    assert inbox_of(visitor) == ["Your meeting request to Longyuan Tyre"]
    assert inbox_of(member_a) == ["来自Anna Smith的洽谈预约"]


def test_accept_decline_proposal_and_cancel_reach_both(days_a, days_b, visitor, visitor_zh, member_a, member_b,
                                                       sent):
    meeting = sent(lambda: book(visitor, days_a, 10))
    mail.outbox.clear()
    sent(lambda: services.meeting_accept(meeting=meeting))
    when = f"{days_a.day:%Y-%m-%d} 10:00–10:30"
    assert [m.subject for m in mails_to(visitor)] == [f"Meeting confirmed: {when} (Beijing time)"]
    assert [m.subject for m in mails_to(member_a)] == [f"洽谈已确认：{when} (北京时间)"]
    mail.outbox.clear()
    sent(lambda: services.meeting_cancel(meeting=meeting))
    assert [m.subject for m in mails_to(member_a)] == [f"洽谈已取消：{when} (北京时间)"]
    assert len(mails_to(visitor)) == 1

    other = sent(lambda: book(visitor_zh, days_b, 14))
    mail.outbox.clear()
    sent(lambda: services.meeting_propose(meeting=other, availability=days_b, start=at(days_b.day, 14, 30)))
    proposed = f"{days_b.day:%Y-%m-%d} 14:30–14:45"
    [to_visitor] = mails_to(visitor_zh)
    assert to_visitor.subject == f"对方提议了其他洽谈时间：{proposed} (北京时间)"
    assert "Table 7" in to_visitor.body and "海湾化工" in to_visitor.body
    assert [m.subject for m in mails_to(member_b)] == [f"Another meeting time proposed: {proposed} (Beijing time)"]
    mail.outbox.clear()
    third = sent(lambda: book(visitor, days_b, 14))
    mail.outbox.clear()
    sent(lambda: services.meeting_decline(meeting=third))
    assert [m.subject for m in mails_to(visitor)] == ["Meeting request declined: Haiwan Chemical"]
    assert [m.subject for m in mails_to(member_b)] == ["Meeting request declined: Haiwan Chemical"]


def test_the_reminder_goes_once_the_day_before(days_a, visitor, member_a, sent, django_capture_on_commit_callbacks):
    meeting = sent(lambda: services.meeting_accept(meeting=book(visitor, days_a, 10)))
    waiting = sent(lambda: book(someone("zh-hans"), days_a, 11))  # not confirmed: no reminder
    mail.outbox.clear()
    two_days_before = at(days_a.day - datetime.timedelta(days=2), 9)
    assert services.reminders_send(now=two_days_before) == 0
    day_before = at(days_a.day - datetime.timedelta(days=1), 8, 15)
    assert sent(lambda: services.reminders_send(now=day_before)) == 1
    assert sent(lambda: services.reminders_send(now=day_before + datetime.timedelta(hours=1))) == 0
    when = f"{days_a.day:%Y-%m-%d} 10:00–10:30"
    assert [m.subject for m in mails_to(visitor)] == [f"Reminder: meeting tomorrow, {when} (Beijing time)"]
    assert [m.subject for m in mails_to(member_a)] == [f"提醒：明日洽谈，{when} (北京时间)"]
    meeting.refresh_from_db()
    assert meeting.reminded_at == day_before
    assert not waiting.reminded_at


def test_the_beat_task_runs_twice_without_a_second_reminder(days_a, visitor, member_a, sent, monkeypatch):
    from django.utils import timezone

    sent(lambda: services.meeting_accept(meeting=book(visitor, days_a, 10)))
    mail.outbox.clear()
    monkeypatch.setattr(timezone, "now", lambda: at(days_a.day - datetime.timedelta(days=1), 9))
    assert sent(tasks.send_reminders) == 1
    assert sent(tasks.send_reminders) == 0
    assert len(mails_to(visitor)) == 1 and len(mails_to(member_a)) == 1


def test_beat_schedules_the_reminders():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["meetings-reminders"]
    assert entry["task"] == "meetings.send_reminders" == tasks.send_reminders.name

