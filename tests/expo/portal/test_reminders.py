"""Reminders: members of incomplete companies exhibiting soon are mailed at most once a week, in their language."""

import datetime

from django.core import mail
from django.utils import timezone

from apps.expo.models import ReminderLog
from apps.expo.portal.reminders import profile_reminders_send
from apps.expo.portal.tasks import profile_reminders
from apps.notifications.models import Channel, Message
from tests.factories import CompanyFactory, EditionFactory, MembershipFactory, ParticipationFactory
from tests.support import deliver_all


def test_incomplete_profiles_are_reminded_once_a_week_in_each_members_language(company_a, member_a):
    english = MembershipFactory(company=company_a, user__username="member-a-en", user__preferred_language="en").user
    assert profile_reminders_send() == 2
    assert profile_reminders_send() == 0  # idempotent within the week
    deliver_all()
    by_address = {message.to[0]: message for message in mail.outbox}
    chinese = by_address["member-a@example.com"]
    assert chinese.subject == "请在展会前完善隆远轮胎的展商资料"
    assert "中国橡胶博览会" in chinese.body and "标志" in chinese.body and "英文" in chinese.body
    assert by_address[english.email].subject == "Complete the exhibitor profile of Longyuan Tyre before the expo"
    assert "- logo" in by_address[english.email].body
    assert Message.objects.filter(channel=Channel.INBOX, event__kind="expo.profile_reminder").count() == 2

    a_week_later = timezone.now() + datetime.timedelta(days=7, minutes=1)
    assert profile_reminders_send(now=a_week_later) == 2
    assert ReminderLog.objects.filter(company=company_a, user=member_a).count() == 2


def test_no_reminder_for_expos_far_away_finished_or_unconfirmed(db):
    today = timezone.localdate()
    far = EditionFactory(starts_on=today + datetime.timedelta(days=90))
    over = EditionFactory(starts_on=today - datetime.timedelta(days=10), days=3)
    for edition, confirmed in ((far, True), (over, True), (EditionFactory(starts_on=today), False)):
        company = CompanyFactory()
        ParticipationFactory(company=company, edition=edition, is_confirmed=confirmed)
        MembershipFactory(company=company, user__username=f"m-{company.slug}").user
    assert profile_reminders_send() == 0


def test_the_beat_task_takes_no_arguments_and_sends(company_a, member_a, settings):
    assert settings.CELERY_BEAT_SCHEDULE["expo-profile-reminders"]["task"] == profile_reminders.name
    profile_reminders.apply()
    assert ReminderLog.objects.filter(user=member_a).count() == 1
