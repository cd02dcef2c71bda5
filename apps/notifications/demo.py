"""Demo subscribers in both languages and a welcome announcement (its emails land in var/mail/ with make run)."""

from django.db import transaction
from django.utils import timezone

from apps.core.languages import CHINESE

from .audience import Audience
from .kinds import ANNOUNCEMENTS_TOPIC
from .models import Event, Subscription, SubscriptionTopic
from .services import event_record

SUBSCRIBERS = [
    ("buyer@tires.example", "en", "immediate"),
    ("analyst@market.example", "en", "daily"),
    ("caigou@luntai.example", CHINESE, "immediate"),
    ("yanjiu@xiangjiao.example", CHINESE, "daily"),
]
WELCOME_KEY = "announcement:demo-welcome"
WELCOME = {
    "title": {"en": "Welcome to the Rubber Valley Industry Portal",
              CHINESE: "欢迎使用橡胶谷产业门户"},
    "text": {"en": "From today you receive the platform's announcements here: expo dates, forum programmes, "
                   "trading-center notices and news from the whole rubber industry chain.",
             CHINESE: "从今天起，您将在这里收到平台公告：博览会日程、论坛议程、交易中心公告以及橡胶全产业链资讯。"},
}


@transaction.atomic
def build(*, author):
    created = 0
    for email, language, frequency in SUBSCRIBERS:
        sub, new = Subscription.objects.get_or_create(email=email, defaults={
            "language": language, "frequency": frequency, "confirmed_at": timezone.now()})
        SubscriptionTopic.objects.get_or_create(subscription=sub, key=ANNOUNCEMENTS_TOPIC)
        created += new
    if not Event.objects.filter(key=WELCOME_KEY).exists():
        event_record(kind="notifications.announcement", key=WELCOME_KEY, context=WELCOME,
                     audience=Audience(topics=[ANNOUNCEMENTS_TOPIC]))
        created += 1
    return created


@transaction.atomic
def delete():
    deleted, _ = Event.objects.filter(key=WELCOME_KEY).delete()
    count, _ = Subscription.objects.filter(email__in=[email for email, _l, _f in SUBSCRIBERS]).delete()
    return count + bool(deleted)
