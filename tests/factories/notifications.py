"""Subscriptions to notification topics (confirmed, immediate, English by default), and announcement events."""

import factory
from django.utils import timezone

from apps.notifications.audience import Audience
from apps.notifications.models import Frequency, Subscription, SubscriptionTopic
from apps.notifications.services import event_record

TOPIC = "platform.announcements"
TITLE = {"en": "Expo halls open", "zh-hans": "展馆开放"}
TEXT = {"en": "Halls A to C open at nine.", "zh-hans": "A至C馆九点开放。"}


def announce(key="announce-1", **audience):
    """Record a platform announcement (TITLE, TEXT) for an Audience(**audience), through event_record."""
    return event_record(kind="notifications.announcement", key=key, audience=Audience(**audience),
                        context={"title": TITLE, "text": TEXT})


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A subscription to `topics` (TOPIC by default)."""

    class Meta:
        model = Subscription
        skip_postgeneration_save = True

    class Params:
        confirmed = True

    email = factory.Sequence(lambda n: f"subscriber{n}@example.com")
    language = "en"
    frequency = Frequency.IMMEDIATE
    confirmed_at = factory.LazyAttribute(lambda o: timezone.now() if o.confirmed else None)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create:
            SubscriptionTopic.objects.bulk_create(
                [SubscriptionTopic(subscription=obj, key=key) for key in extracted or (TOPIC,)])

    @classmethod
    def create_bulk(cls, count, *, prefix="reader", topic=TOPIC, **fields):
        """`count` subscriptions of <prefix>0@example.com, <prefix>1@… to `topic`, in two INSERTs (some tests
        need thousands)."""
        subs = Subscription.objects.bulk_create(
            [cls.build(email=f"{prefix}{n}@example.com", **fields) for n in range(count)])
        SubscriptionTopic.objects.bulk_create([SubscriptionTopic(subscription=sub, key=topic) for sub in subs])
        return subs
