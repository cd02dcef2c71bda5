"""Who an event concerns, resolved into outbox rows (one per recipient and channel)."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from .models import Channel, Frequency, Message, State, Subscription, UserPreference


@dataclass
class Audience:
    users: list = field(default_factory=list)  # users (or ids): email (unless turned off) and inbox
    topics: list = field(default_factory=list)  # topic keys: their confirmed subscribers, by email
    subscriptions: list = field(default_factory=list)  # these subscriptions, confirmed or not (confirmation mail)
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


def audience_rows(event, audience, *, digestible):
    rows = list(_user_rows(event, audience.users, inbox=audience.inbox, email=audience.email))
    skip = {row.email.lower() for row in rows if row.channel == Channel.EMAIL}
    if audience.email and audience.topics:
        subs = (Subscription.objects.filter(topics__key__in=audience.topics, confirmed_at__isnull=False,
                                            unsubscribed_at__isnull=True)
                .distinct().only("pk", "email", "language", "frequency"))
        rows += _subscription_rows(event, subs.iterator(chunk_size=2000), digestible=digestible, skip_emails=skip)
    if audience.subscriptions:
        rows += _subscription_rows(event, audience.subscriptions, digestible=False, skip_emails=skip)
    return rows
