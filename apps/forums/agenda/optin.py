"""Double opt-in of the alert address of a visitor's agenda: signed confirmation links and the confirmation email,
limited per agenda (a resend every 10 minutes, 3 emails a day) and per address (5 a day, whatever the agenda)."""

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.utils import timezone

from apps.notifications.audience import Audience
from apps.notifications.selectors import event_count, event_times
from apps.notifications.services import event_record

CONFIRM_KIND = "forums.agenda_email_confirm"
CONFIRM_MAX_AGE = timedelta(days=7)
RESEND_INTERVAL = timedelta(minutes=10)
DAILY_LIMIT = 3  # confirmation emails per agenda in 24 hours
ADDRESS_DAILY_LIMIT = 5  # confirmation emails per address in 24 hours, over all agendas
_SALT = "forums.agenda.email-confirm"


def confirm_token(agenda_id, email):
    """A link token for confirming this address of this agenda; the address is signed in, so a link made for an
    address the agenda no longer uses is refused."""
    return signing.dumps({"a": agenda_id, "e": email.strip().lower()}, salt=_SALT)


def confirm_token_read(token):
    """(agenda id, address) of a token; raises signing.SignatureExpired (older than 7 days) or BadSignature."""
    value = signing.loads(token, salt=_SALT, max_age=CONFIRM_MAX_AGE)
    try:
        return int(value["a"]), str(value["e"])
    except (TypeError, KeyError, ValueError) as exc:
        raise signing.BadSignature("malformed agenda confirmation token") from exc


@dataclass(frozen=True)
class OptinState:
    confirmed: bool
    waiting: bool  # an address waits for confirmation
    sent_today: int
    next_resend_at: object  # datetime or None (now)

    @property
    def limit_reached(self):
        return self.sent_today >= DAILY_LIMIT

    @property
    def can_resend(self):
        return self.waiting and not self.limit_reached and self.next_resend_at is None

    @property
    def wait_minutes(self):
        if self.next_resend_at is None:
            return 0
        return max(1, math.ceil((self.next_resend_at - timezone.now()).total_seconds() / 60))


def optin_state(agenda, *, now=None):
    """Where the agenda's address stands: confirmed, or waiting (and when another email may go). One query."""
    now = now or timezone.now()
    confirmed = bool(agenda.email and agenda.email_confirmed_at)
    waiting = bool(agenda.email) and not confirmed and agenda.user_id is None
    sent = event_times(kind=CONFIRM_KIND, object_id=agenda.pk, since=now - timedelta(days=1)) if waiting else []
    next_resend_at = sent[0] + RESEND_INTERVAL if sent and sent[0] + RESEND_INTERVAL > now else None
    return OptinState(confirmed=confirmed, waiting=waiting, sent_today=len(sent), next_resend_at=next_resend_at)


def confirm_record(agenda, *, now=None):
    """Record the confirmation email for the agenda's current address (the caller holds the agenda's row lock),
    unless a daily limit is reached; returns the event or None. Each call is a new email (a serial in the key),
    recording the same call again adds nothing."""
    now = now or timezone.now()
    address = agenda.email.strip().lower()
    if not address or agenda.user_id is not None:
        return None
    day_ago = now - timedelta(days=1)
    if (event_count(kind=CONFIRM_KIND, object_id=agenda.pk, since=day_ago) >= DAILY_LIMIT
            or event_count(kind=CONFIRM_KIND, since=day_ago, context={"address": address}) >= ADDRESS_DAILY_LIMIT):
        return None
    serial = event_count(kind=CONFIRM_KIND, object_id=agenda.pk) + 1
    digest = hashlib.sha256(address.encode()).hexdigest()[:16]
    return event_record(kind=CONFIRM_KIND, subject=agenda, key=f"{CONFIRM_KIND}:{agenda.pk}:{digest}:{serial}",
                        context={"email": agenda.email, "address": address},
                        audience=Audience(addresses=[(agenda.email, agenda.language)], inbox=False))
