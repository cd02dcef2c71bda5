from django.core.management.base import BaseCommand
from django.db import transaction

from apps.core.languages import CHINESE, ENGLISH
from apps.notifications.audience import Audience
from apps.notifications.kinds import ANNOUNCEMENTS_TOPIC
from apps.notifications.services import event_record


class Command(BaseCommand):
    help = "Send a platform announcement to the subscribers of platform announcements (both languages)."

    def add_arguments(self, parser):
        parser.add_argument("--key", required=True, help="a unique key: the same key is never sent twice")
        parser.add_argument("--title-en", required=True)
        parser.add_argument("--title-zh", required=True)
        parser.add_argument("--text-en", required=True)
        parser.add_argument("--text-zh", required=True)

    def handle(self, *args, key, title_en, title_zh, text_en, text_zh, **options):
        with transaction.atomic():
            event = event_record(kind="notifications.announcement", key=f"announcement:{key}",
                                 audience=Audience(topics=[ANNOUNCEMENTS_TOPIC]),
                                 context={"title": {ENGLISH: title_en, CHINESE: title_zh},
                                          "text": {ENGLISH: text_en, CHINESE: text_zh}})
        self.stdout.write(f"event {event.pk}: {event.messages.count()} messages")
