import json

from django.core.management.base import BaseCommand
from django.db.models import Count, Max, Min

from apps.notifications.models import Message
from apps.notifications.selectors import outbox_backlog


class Command(BaseCommand):
    help = ("Print the outbox as JSON: rows per state, the first and last send time, and the unconfirmed attempts "
            "(an email's end reached the server with no reply; it was sent again with the same Message-ID).")

    def handle(self, *args, **options):
        states = dict(Message.objects.values_list("state").annotate(n=Count("pk")).order_by())
        times = Message.objects.filter(state="sent", channel="email").aggregate(first=Min("sent_at"),
                                                                               last=Max("sent_at"))
        backlog = outbox_backlog()
        unconfirmed = {key.removeprefix("unconfirmed_"): value for key, value in backlog.items()
                       if key.startswith("unconfirmed_")}
        self.stdout.write(json.dumps({"states": states, "unconfirmed": unconfirmed,
                                      **{k: v.isoformat() if v else None for k, v in times.items()}}))
