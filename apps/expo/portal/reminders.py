"""Weekly reminders to the members of companies whose profile is incomplete shortly before their expo."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.expo import notifications
from apps.expo.models import EditionStatus, Participation, ReminderLog

from . import selectors

DAYS_AHEAD = 30
INTERVAL = timedelta(days=7)


def _coming_editions(today, days_ahead):
    """{company id: the earliest edition, not finished and starting within `days_ahead`, it exhibits in}."""
    rows = (Participation.objects.filter(is_confirmed=True, edition__starts_on__lte=today + timedelta(days=days_ahead),
                                         edition__ends_on__gte=today)
            .exclude(edition__status=EditionStatus.CLOSED)
            .select_related("edition").prefetch_related("edition__translations").order_by("edition__starts_on"))
    editions = {}
    for participation in rows:
        editions.setdefault(participation.company_id, participation.edition)
    return editions


def profile_reminders_send(*, now=None, days_ahead=DAYS_AHEAD):
    """Remind each member of each incomplete company at most once a week; returns how many were reminded."""
    now = now or timezone.now()
    editions = _coming_editions(timezone.localdate(now), days_ahead)
    if not editions:
        return 0
    recent = set(ReminderLog.objects.filter(company_id__in=list(editions), sent_at__gt=now - INTERVAL)
                 .values_list("company_id", "user_id"))
    companies = selectors.portal_companies().filter(pk__in=list(editions)).prefetch_related("memberships__user")
    sent = 0
    for company in companies:
        profile = selectors.company_profile(company)
        missing = {language: values["missing"] for language, values in profile.completeness.items()}
        if not any(missing.values()):
            continue
        for membership in company.memberships.all():
            user = membership.user
            if not user.is_active or (company.pk, user.pk) in recent:
                continue
            with transaction.atomic():
                log = ReminderLog.objects.create(company=company, user=user)
                notifications.reminder_record(company=company, user=user, log=log, missing=missing,
                                              edition=editions[company.pk])
            sent += 1
    return sent
