import json

from django.core.management.base import BaseCommand
from django.db.models import Count, Max, Min

from apps.notifications.models import Message


class Command(BaseCommand):
    help = "Print the outbox's rows per state (and the first and last send time) as JSON."

    def handle(self, *args, **options):
        states = dict(Message.objects.values_list("state").annotate(n=Count("pk")).order_by())
        times = Message.objects.filter(state="sent", channel="email").aggregate(first=Min("sent_at"),
                                                                               last=Max("sent_at"))
        self.stdout.write(json.dumps({"states": states, **{k: v.isoformat() if v else None
                                                           for k, v in times.items()}}))
