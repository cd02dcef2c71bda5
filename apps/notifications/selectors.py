from django.db.models import Count, Q, Sum

from .models import Channel, Message, State, Subscription


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
