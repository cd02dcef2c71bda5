"""Writes of the notifications app: record events into the outbox, deliver outbox rows, manage subscriptions."""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, F, When
from django.utils import timezone

from . import registry
from .audience import Audience, audience_rows, topic_rows_insert
from .digest import digest_item
from .models import Channel, Event, Message, State, Subscription, SubscriptionTopic, UserPreference
from .render import Renderer, message_render
from .smtp import Aborted, PermanentError, TransientError, Unconfirmed, sender_open

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def event_record(*, kind, audience, subject=None, key=None, context=None):
    """Record an event for an audience inside the caller's transaction; deliver after commit.

    One event per key (by default kind + subject): recording it again adds nothing and sends nothing.
    """
    kind_spec = registry.kind_get(kind)
    content_type = ContentType.objects.get_for_model(subject) if subject is not None else None
    if key is None:
        if subject is None:
            raise ValueError("An event without a subject needs an explicit key")
        key = f"{kind}:{content_type.pk}:{subject.pk}"
    with transaction.atomic():
        event, created = Event.objects.get_or_create(key=key, defaults={
            "kind": kind, "content_type": content_type, "object_id": str(subject.pk) if subject else "",
            "context": context or {},
        })
        if not created:
            return event
        rows = audience_rows(event, audience, digestible=kind_spec.digestible)
        for row in rows:
            if row.channel == Channel.INBOX:
                row.subject_line, row.body, _html = message_render(row)
                row.sent_at = timezone.now()
        Message.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        if audience.email:
            reached = {row.email.lower() for row in rows if row.channel == Channel.EMAIL}
            topic_rows_insert(event, list(audience.topics), digestible=kind_spec.digestible, skip_emails=reached)
        transaction.on_commit(lambda: _dispatch_queue(event.pk))
    return event


def _dispatch_queue(event_id):
    from .tasks import dispatch_event

    dispatch_event.delay(event_id)


def pending_batches(*, event_id=None, ids=None, size=None):
    """Ids of pending email rows, in batches for one SMTP connection each."""
    size = size or settings.NOTIFICATIONS_BATCH_SIZE
    rows = Message.objects.filter(channel=Channel.EMAIL, state=State.PENDING)
    if event_id is not None:
        rows = rows.filter(event_id=event_id)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    pks = list(rows.order_by("pk").values_list("pk", flat=True))
    return [pks[i:i + size] for i in range(0, len(pks), size)]


def _claim(ids):
    """Take pending rows for this worker; returns the claim token and the rows taken."""
    claim = uuid.uuid4().hex
    Message.objects.filter(pk__in=ids, state=State.PENDING).update(
        state=State.SENDING, claimed_at=timezone.now(), claim=claim, attempts=F("attempts") + 1)
    rows = (Message.objects.filter(pk__in=ids, state=State.SENDING, claim=claim)
            .select_related("event", "user", "subscription").order_by("pk"))
    return claim, list(rows)


_MARK_SQL = f"UPDATE {Message._meta.db_table} SET {{columns}} WHERE id = %s AND state = %s AND claim = %s"  # noqa: S608
_DOT_SQL = _MARK_SQL.format(columns="dot_at = %s")
_SENT_SQL = _MARK_SQL.format(columns="state = %s, sent_at = %s, dot_at = NULL")


def _mark(sql, values, message, claim):
    """One plain-SQL update of a row this attempt still holds (the hot path of sending); True if it held."""
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, message.pk, State.SENDING, claim])
        return cursor.rowcount == 1


def _mark_dot(message, claim):
    """Record that this row's final "." is about to be written (so a crash after it counts as unconfirmed)."""
    return _mark(_DOT_SQL, [timezone.now()], message, claim)


def _mark_sent(message, claim):
    """The server answered 250 to the final ".": the row is sent."""
    return _mark(_SENT_SQL, [State.SENT, timezone.now()], message, claim)


def _mark_failed(message, claim, error, *, permanent, unconfirmed=False):
    """Give the row back for a retry (or fail it for good). `unconfirmed`: its "." went out with no reply."""
    if permanent or message.attempts >= MAX_ATTEMPTS:
        state = State.FAILED
    else:
        state = State.PENDING
    Message.objects.filter(pk=message.pk, claim=claim, state=State.SENDING).update(
        state=state, last_error=str(error)[:2000], dot_at=None,
        unconfirmed=F("unconfirmed") + (1 if unconfirmed else 0))
    return state


def messages_send(*, ids):
    """Deliver these email rows over one connection. Rows not pending (sent, taken) are left alone.

    Returns {"sent": n, "failed": n, "unconfirmed": n, "retry": [ids]}: retry lists rows to send again.
    """
    claim, rows = _claim(ids)
    result = {"sent": 0, "failed": 0, "unconfirmed": 0, "retry": []}
    if not rows:
        return result
    try:
        sender = sender_open()
    except (OSError, smtplib.SMTPException) as exc:
        for message in rows:
            _mark_failed(message, claim, f"connection: {exc}", permanent=False)
        result["retry"] = [m.pk for m in rows]
        return result
    renderer = Renderer()
    try:
        for index, message in enumerate(rows):
            try:
                sender.send(renderer, message, before_dot=lambda m=message: _mark_dot(m, claim))
            except Aborted:
                sender = sender_open()
                continue
            except PermanentError as exc:
                _mark_failed(message, claim, exc, permanent=True)
                result["failed"] += 1
                continue
            except (Unconfirmed, TransientError, OSError, smtplib.SMTPException) as exc:
                # The connection may be gone: give this row and the rest back and let the task retry them later.
                unconfirmed = isinstance(exc, Unconfirmed)
                result["unconfirmed"] += unconfirmed
                for rest in rows[index:]:
                    state = _mark_failed(rest, claim, exc, permanent=False, unconfirmed=unconfirmed and rest is message)
                    if state == State.PENDING:
                        result["retry"].append(rest.pk)
                    else:
                        result["failed"] += 1
                break
            _mark_sent(message, claim)
            result["sent"] += 1
    finally:
        sender.close()
    return result


def stale_requeue(*, now=None):
    """Give back rows a dead worker left in "sending" and report pending rows nobody dispatched (lost queue).

    Returns the batches of ids to dispatch again.
    """
    now = now or timezone.now()
    lease = timedelta(seconds=settings.NOTIFICATIONS_LEASE_SECONDS)
    # A row whose final "." was recorded as going out may have reached the server: count it unconfirmed.
    Message.objects.filter(channel=Channel.EMAIL, state=State.SENDING, claimed_at__lt=now - lease).update(
        state=State.PENDING, claim="", last_error="requeued after the worker's lease expired", dot_at=None,
        unconfirmed=F("unconfirmed") + Case(When(dot_at__isnull=False, then=1), default=0))
    grace = timedelta(seconds=settings.NOTIFICATIONS_PENDING_GRACE_SECONDS)
    ids = list(Message.objects.filter(channel=Channel.EMAIL, state=State.PENDING, created_at__lt=now - grace)
               .values_list("pk", flat=True))
    return pending_batches(ids=ids)


@transaction.atomic
def messages_resend(*, ids):
    """Put failed rows back in the queue (admin action)."""
    count = Message.objects.filter(pk__in=ids, state=State.FAILED, channel=Channel.EMAIL).update(
        state=State.PENDING, attempts=0, last_error="", claim="", claimed_at=None)
    transaction.on_commit(lambda: _batches_queue(pending_batches(ids=ids)))
    return count


def _batches_queue(batches):
    from .tasks import send_batch

    for batch in batches:
        send_batch.delay(batch)


def digests_build(*, now=None):
    """Bundle each subscription's waiting rows into one digest email; returns how many digests were made."""
    now = now or timezone.now()
    made = 0
    sub_ids = (Message.objects.filter(state=State.DIGEST, subscription__isnull=False)
               .values_list("subscription_id", flat=True).distinct())
    for sub in Subscription.objects.filter(pk__in=list(sub_ids)):
        with transaction.atomic():
            waiting = list(Message.objects.select_for_update().filter(subscription=sub, state=State.DIGEST)
                           .select_related("event").order_by("created_at"))
            if not waiting:
                continue
            items = [digest_item(subject_line, text) for subject_line, text, _html in map(message_render, waiting)]
            event = event_record(kind="notifications.digest", key=f"notifications.digest:{sub.pk}:{waiting[-1].pk}",
                                 audience=Audience(subscriptions=[sub]), context={"items": items})
            digest = event.messages.get(recipient=f"subscription:{sub.pk}")
            Message.objects.filter(pk__in=[row.pk for row in waiting]).update(
                state=State.SENT, digest=digest, sent_at=now)
            made += 1
    return made


# --- Subscriptions -------------------------------------------------------------------------------------------

@transaction.atomic
def subscription_request(*, email, language, topics, frequency):
    """Ask for a subscription (or a change to one): mail a confirmation link carrying these wishes. An address
    that already has a subscription keeps it as it is until the link is followed, so whoever types an address
    cannot change what its owner receives; a new one starts unconfirmed, and nothing is sent on its topics until
    the link is followed."""
    wishes = {"language": language, "frequency": frequency, "topics": sorted(set(topics))}
    sub, created = Subscription.objects.get_or_create(email=email.strip().lower(),
                                                      defaults={"language": language, "frequency": frequency})
    if created:
        _topics_set(sub, topics)
    event_record(kind="notifications.subscription_confirm", subject=sub, audience=Audience(subscriptions=[sub]),
                 key=f"notifications.subscription_confirm:{sub.pk}:{uuid.uuid4().hex}", context={"wishes": wishes})
    return sub


def _topics_set(sub, topics):
    SubscriptionTopic.objects.filter(subscription=sub).exclude(key__in=topics).delete()
    SubscriptionTopic.objects.bulk_create([SubscriptionTopic(subscription=sub, key=key) for key in topics],
                                          ignore_conflicts=True)


@transaction.atomic
def subscription_confirm(*, subscription_id, wishes=None):
    """Confirm (again, after an unsubscribe) and apply the wishes the link carries."""
    sub = Subscription.objects.select_for_update().get(pk=subscription_id)
    if wishes:
        sub.language = wishes.get("language") or sub.language
        sub.frequency = wishes.get("frequency") or sub.frequency
        _topics_set(sub, [str(key) for key in wishes.get("topics", [])])
    if sub.confirmed_at is None or sub.unsubscribed_at is not None:
        sub.confirmed_at, sub.unsubscribed_at = timezone.now(), None
    sub.save(update_fields=["language", "frequency", "confirmed_at", "unsubscribed_at"])
    return sub


@transaction.atomic
def subscription_update(*, subscription, language, topics, frequency):
    subscription.language, subscription.frequency = language, frequency
    subscription.save(update_fields=["language", "frequency"])
    _topics_set(subscription, topics)
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, subscription_id):
    sub = Subscription.objects.get(pk=subscription_id)
    if sub.unsubscribed_at is None:
        sub.unsubscribed_at = timezone.now()
        sub.save(update_fields=["unsubscribed_at"])
        # Nothing more reaches an unsubscribed address, digests included.
        Message.objects.filter(subscription=sub, state__in=(State.PENDING, State.DIGEST)).update(
            state=State.FAILED, last_error="unsubscribed")
    return sub


@transaction.atomic
def subscription_resume(*, subscription_id):
    sub = Subscription.objects.get(pk=subscription_id)
    if sub.unsubscribed_at is not None and sub.confirmed_at is not None:
        sub.unsubscribed_at = None
        sub.save(update_fields=["unsubscribed_at"])
    return sub


def user_email_set(*, user_id, enabled):
    UserPreference.objects.update_or_create(user_id=user_id, defaults={"email_enabled": enabled})


# --- Inbox ---------------------------------------------------------------------------------------------------

def inbox_mark_read(*, user, ids=None):
    rows = Message.objects.filter(user=user, channel=Channel.INBOX, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())
