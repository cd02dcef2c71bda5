from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from apps.core.languages import CHINESE
from apps.notifications.kinds import ANNOUNCEMENTS_TOPIC
from apps.notifications.models import Subscription, SubscriptionTopic


class Command(BaseCommand):
    help = "Benchmark data: N confirmed subscribers of platform announcements, half in each language."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=20000)

    @transaction.atomic
    def handle(self, *args, count, **options):
        now = timezone.now()
        subs = Subscription.objects.bulk_create([
            Subscription(email=f"bench{n}@bench.example", language="en" if n % 2 else CHINESE, confirmed_at=now)
            for n in range(count)], batch_size=2000, ignore_conflicts=True)
        ids = Subscription.objects.filter(email__endswith="@bench.example").values_list("pk", flat=True)
        SubscriptionTopic.objects.bulk_create([SubscriptionTopic(subscription_id=pk, key=ANNOUNCEMENTS_TOPIC)
                                               for pk in ids], batch_size=2000, ignore_conflicts=True)
        self.stdout.write(f"{len(subs)} subscribers")
