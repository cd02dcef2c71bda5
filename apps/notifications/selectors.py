from django.db.models import Count, Q, Sum

from .models import Channel, Event, Message, State, Subscription


def inbox_messages(*, user):
    return Message.objects.filter(user=user, channel=Channel.INBOX).select_related("event").order_by("-created_at",
                                                                                                     "-id")


def inbox_unread_count(*, user):
    return Message.objects.filter(user=user, channel=Channel.INBOX, read_at__isnull=True).count()


def subscription_get(*, pk):
    return Subscription.objects.prefetch_related("topics").get(pk=pk)


def subscription_topic_keys(subscription):
    return [topic.key for topic in subscription.topics.all()]


def outbox_backlog():
    """Email rows still to deliver, failed for good, and attempts left unconfirmed (indexed counts, for /healthz)."""
    email = Message.objects.filter(channel=Channel.EMAIL)
    waiting = dict(email.filter(state__in=(State.PENDING, State.SENDING, State.FAILED))
                   .values_list("state").annotate(n=Count("pk")).order_by())
    unconfirmed = email.filter(unconfirmed__gt=0).aggregate(
        rows=Count("pk"), attempts=Sum("unconfirmed"), sent=Count("pk", filter=Q(state=State.SENT)))
    return {"pending": waiting.get(State.PENDING, 0), "sending": waiting.get(State.SENDING, 0),
            "failed": waiting.get(State.FAILED, 0), "unconfirmed_rows": unconfirmed["rows"],
            "unconfirmed_attempts": unconfirmed["attempts"] or 0, "unconfirmed_then_sent": unconfirmed["sent"]}


def _events(*, kind, object_id=None, since=None, context=None):
    events = Event.objects.filter(kind=kind)
    if object_id is not None:
        events = events.filter(object_id=str(object_id))
    if since is not None:
        events = events.filter(created_at__gte=since)
    for name, value in (context or {}).items():
        events = events.filter(**{f"context__{name}": value})
    return events


def event_count(*, kind, object_id=None, since=None, context=None):
    """How many events of `kind` were recorded, optionally only about the object with this id, since a moment,
    or with these values in their context ({name: value})."""
    return _events(kind=kind, object_id=object_id, since=since, context=context).count()


def event_times(*, kind, object_id=None, since=None):
    """When the events of `kind` (about the object with this id, since a moment) were recorded, newest first."""
    return list(_events(kind=kind, object_id=object_id, since=since).order_by("-created_at")
                .values_list("created_at", flat=True))


def event_keys_recorded(*, keys):
    """The keys among `keys` under which an event is recorded (an event is recorded once per key)."""
    return set(Event.objects.filter(key__in=list(keys)).values_list("key", flat=True))
