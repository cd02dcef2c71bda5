"""Generate a large forum programme for benchmarks and release it: `manage.py bench_forum_sessions --count 2000`.

About 40 forums, 30 rooms, 600 speakers and `count` sessions over three days (2026-09-17 to 19), bilingual, bulk
inserted, then one schedule release. Deterministic, so runs compare.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from apps.core.languages import CHINESE
from apps.forums.models import Forum, Room, Session, SessionFormat, SessionSpeaker, Speaker, Topic
from apps.forums.services import schedule_release

BATCH = 1000
FORUMS, ROOMS, SPEAKERS, TOPICS = 40, 30, 600, 8
FIRST_DAY = datetime.date(2026, 9, 17)
FORMATS = list(SessionFormat.values)


def _translated(model, objects, texts):
    """Bulk-create parler translations: texts(n) -> {"en": {...}, CHINESE: {...}} for the n-th object."""
    translation_model = model._parler_meta.root_model
    rows = [translation_model(master_id=obj.pk, language_code=language, **fields)
            for n, obj in enumerate(objects) for language, fields in texts(n).items()]
    translation_model.objects.bulk_create(rows, batch_size=BATCH)


class Command(BaseCommand):
    @property
    def help(self):
        return _("Create a large bilingual forum programme and release it, for benchmarks.")

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=2000)

    def handle(self, *args, count, **options):
        with transaction.atomic():
            self._build(count)
        release = schedule_release(user=None, note_en="Benchmark programme.", note_zh_hans="基准测试日程。")
        self.stdout.write(_("Sessions created: %(count)d; schedule version %(version)d released.")
                          % {"count": count, "version": release.version})

    def _build(self, count):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        forums = Forum.objects.bulk_create([
            Forum(slug=f"bench-forum-{n}", starts_on=FIRST_DAY, ends_on=FIRST_DAY + datetime.timedelta(days=2),
                  time_zone=settings.TIME_ZONE, position=n, requires_registration=n % 4 == 0) for n in range(FORUMS)])
        _translated(Forum, forums, lambda n: {
            "en": {"title": f"Bench forum {n} on rubber and tyres", "introduction": "Generated for benchmarks. " * 8,
                   "venue": f"Hall {n % 6 + 1}"},
            CHINESE: {"title": f"基准论坛{n}：橡胶与轮胎", "introduction": "用于性能测试的生成论坛。" * 8,
                        "venue": f"{n % 6 + 1}号馆"}})
        rooms = Room.objects.bulk_create([Room(slug=f"bench-room-{n}", position=n, capacity=200) for n in range(ROOMS)])
        _translated(Room, rooms, lambda n: {"en": {"name": f"Room {n + 1}", "location": f"Floor {n % 3 + 1}"},
                                            CHINESE: {"name": f"{n + 1}号会议室", "location": f"{n % 3 + 1}层"}})
        topics = Topic.objects.bulk_create([Topic(slug=f"bench-topic-{n}") for n in range(TOPICS)])
        _translated(Topic, topics, lambda n: {"en": {"name": f"Topic {n}"}, CHINESE: {"name": f"议题{n}"}})
        speakers = Speaker.objects.bulk_create([Speaker(slug=f"bench-speaker-{n}") for n in range(SPEAKERS)])
        _translated(Speaker, speakers, lambda n: {
            "en": {"name": f"Speaker {n}", "position": "Chief engineer", "bio": "A generated speaker. " * 10},
            CHINESE: {"name": f"嘉宾{n}", "position": "总工程师", "bio": "生成的演讲嘉宾。" * 10}})
        sessions = []
        per_forum = max(1, -(-count // FORUMS))
        for n in range(count):
            forum, k = n // per_forum, n % per_forum
            start = datetime.datetime.combine(FIRST_DAY + datetime.timedelta(days=k % 3), datetime.time(8),
                                              tzinfo=zone) + datetime.timedelta(minutes=30 * (k // 3))
            sessions.append(Session(forum=forums[forum % FORUMS], room=rooms[(forum + k) % ROOMS],
                                    topic=topics[n % TOPICS], format=FORMATS[n % len(FORMATS)], starts_at=start,
                                    ends_at=start + datetime.timedelta(minutes=25), is_cancelled=n % 97 == 0))
        Session.objects.bulk_create(sessions, batch_size=BATCH)
        _translated(Session, sessions, lambda n: {
            "en": {"title": f"Bench session {n}: natural rubber supply", "abstract": "Market, supply and tyres. " * 6},
            CHINESE: {"title": f"基准议程{n}：天然橡胶供应", "abstract": "市场、供应与轮胎。" * 6}})
        SessionSpeaker.objects.bulk_create(
            [SessionSpeaker(session=session, speaker=speakers[(n * 7) % SPEAKERS], role="speaker", position=0)
             for n, session in enumerate(sessions)]
            + [SessionSpeaker(session=session, speaker=speakers[(n * 13 + 1) % SPEAKERS], role="moderator", position=1)
               for n, session in enumerate(sessions) if (n * 13 + 1) % SPEAKERS != (n * 7) % SPEAKERS],
            batch_size=BATCH)
