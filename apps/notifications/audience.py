"""Who an event concerns, resolved into outbox rows (one per recipient and channel)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from .models import Channel, Frequency, Message, State, Subscription, SubscriptionTopic, UserPreference


@dataclass
class Audience:
    users: list = field(default_factory=list)  # users (or ids): email (unless turned off) and inbox
    topics: list = field(default_factory=list)  # topic keys: their confirmed subscribers, by email
    subscriptions: list = field(default_factory=list)  # these subscriptions, confirmed or not (confirmation mail)
    # Bare addresses of people without an account or subscription, as (email, language) pairs: transactional
    # email such as a registration confirmation (no unsubscribe link; the kind's template offers what fits).
    addresses: list = field(default_factory=list)
    inbox: bool = True
    email: bool = True


def _user_rows(event, users, *, inbox, email):
    ids = [getattr(u, "pk", u) for u in users]
    muted = set(UserPreference.objects.filter(user_id__in=ids, email_enabled=False).values_list("user_id", flat=True))
    for user in get_user_model().objects.filter(pk__in=ids, is_active=True):
        base = {"event": event, "recipient": f"user:{user.pk}", "user": user, "language": user.preferred_language}
        if inbox:
            yield Message(channel=Channel.INBOX, state=State.SENT, **base)
        if email and user.email and user.pk not in muted:
            yield Message(channel=Channel.EMAIL, email=user.email, **base)


def _subscription_rows(event, subscriptions, *, digestible, skip_emails):
    for sub in subscriptions:
        if sub.email.lower() in skip_emails:
            continue  # already reached through the account with that address
        daily = digestible and sub.frequency == Frequency.DAILY
        yield Message(event=event, channel=Channel.EMAIL, recipient=f"subscription:{sub.pk}", subscription_id=sub.pk,
                      email=sub.email, language=sub.language, state=State.DIGEST if daily else State.PENDING)


def _address_rows(event, addresses, *, skip_emails):
    for email, language in addresses:
        address = email.strip().lower()
        if address in skip_emails:
            continue
        skip_emails.add(address)
        yield Message(event=event, channel=Channel.EMAIL, recipient=f"address:{address}"[:120], email=email.strip(),
                      language=language, state=State.PENDING)


def audience_rows(event, audience, *, digestible):
    """Outbox rows of users, explicit subscriptions and bare addresses (few), to be created by the caller."""
    rows = list(_user_rows(event, audience.users, inbox=audience.inbox, email=audience.email))
    if audience.subscriptions:
        skip = {row.email.lower() for row in rows if row.channel == Channel.EMAIL}
        rows += _subscription_rows(event, audience.subscriptions, digestible=False, skip_emails=skip)
    if audience.addresses and audience.email:
        skip = {row.email.lower() for row in rows if row.channel == Channel.EMAIL}
        rows += _address_rows(event, audience.addresses, skip_emails=skip)
    return rows


def topic_rows_insert(event, topics, *, digestible, skip_emails):
    """Create the rows of the topics' confirmed subscribers in one INSERT ... SELECT (tens of thousands in a
    second, where building objects would take many). Returns how many rows were created."""
    if not topics:
        return 0
    message, sub, topic = Message._meta.db_table, Subscription._meta.db_table, SubscriptionTopic._meta.db_table
    skip = list(skip_emails) or [""]
    sql = f"""
        INSERT INTO {message} (event_id, channel, recipient, subscription_id, email, language, state, attempts,
                               last_error, subject_line, body, claim, created_at)
        SELECT %s, %s, 'subscription:' || s.id, s.id, s.email, s.language,
               CASE WHEN %s AND s.frequency = %s THEN %s ELSE %s END, 0, '', '', '', '', %s
        FROM {sub} s
        WHERE s.confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL
          AND s.id IN (SELECT t.subscription_id FROM {topic} t WHERE t.key IN ({", ".join(["%s"] * len(topics))}))
          AND LOWER(s.email) NOT IN ({", ".join(["%s"] * len(skip))})
        ON CONFLICT DO NOTHING"""
    params = [event.pk, Channel.EMAIL, digestible, Frequency.DAILY, State.DIGEST, State.PENDING, timezone.now(),
              *topics, *skip]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
