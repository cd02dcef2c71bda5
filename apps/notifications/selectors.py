from .models import Channel, Message, Subscription


def inbox_messages(*, user):
    return Message.objects.filter(user=user, channel=Channel.INBOX).select_related("event").order_by("-created_at",
                                                                                                     "-id")


def inbox_unread_count(*, user):
    return Message.objects.filter(user=user, channel=Channel.INBOX, read_at__isnull=True).count()


def subscription_get(*, pk):
    return Subscription.objects.prefetch_related("topics").get(pk=pk)


def subscription_topic_keys(subscription):
    return [topic.key for topic in subscription.topics.all()]
