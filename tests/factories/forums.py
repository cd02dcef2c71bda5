"""Forum records for tests: bilingual by default. Sessions default to 2026-09-18 in Asia/Shanghai."""

import datetime
import zoneinfo

import factory
from django.test import TestCase

from apps.forums.models import Forum, Room, Session, SessionSpeaker, Speaker, Topic
from apps.forums.services import schedule_release

from .translations import TranslatedFactory, bilingual

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = datetime.date(2026, 9, 18)


def at(hour, minute=0, day=DAY, zone=SHANGHAI):
    """An aware datetime on `day` at hour:minute in `zone`."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


class ForumFactory(TranslatedFactory):
    """ForumFactory(title="Tyre Forum", title_zh="轮胎论坛", hosts=[company]); two days from 2026-09-18."""

    class Meta:
        model = Forum

    class Params:
        title = factory.Sequence(lambda n: f"Rubber Forum {n}")
        title_zh = factory.Sequence(lambda n: f"橡胶论坛{n}")
        introduction = factory.Sequence(lambda n: f"About forum {n}.")
        introduction_zh = factory.Sequence(lambda n: f"论坛{n}简介。")
        venue = "Hall A"
        venue_zh = "A馆"

    slug = factory.Sequence(lambda n: f"forum-{n}")
    starts_on = DAY
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=1))
    translations = factory.LazyAttribute(lambda o: bilingual(o, "title", "introduction", "venue"))

    @factory.post_generation
    def hosts(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.hosts.set(extracted)

    @factory.post_generation
    def co_organisers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.co_organisers.set(extracted)


class RoomFactory(TranslatedFactory):
    class Meta:
        model = Room

    class Params:
        name = factory.Sequence(lambda n: f"Room {n}")
        name_zh = factory.Sequence(lambda n: f"会议室{n}")
        location = "Floor 2"
        location_zh = "二层"

    slug = factory.Sequence(lambda n: f"room-{n}")
    translations = factory.LazyAttribute(lambda o: bilingual(o, "name", "location"))


class TopicFactory(TranslatedFactory):
    class Meta:
        model = Topic

    class Params:
        name = factory.Sequence(lambda n: f"Topic {n}")
        name_zh = factory.Sequence(lambda n: f"主题{n}")

    slug = factory.Sequence(lambda n: f"topic-{n}")
    translations = factory.LazyAttribute(lambda o: bilingual(o, "name"))


class SpeakerFactory(TranslatedFactory):
    class Meta:
        model = Speaker

    class Params:
        name = factory.Sequence(lambda n: f"Speaker {n}")
        name_zh = factory.Sequence(lambda n: f"演讲人{n}")
        position = "Chief Engineer"
        position_zh = "总工程师"
        bio = factory.Sequence(lambda n: f"Biography of speaker {n}.")
        bio_zh = factory.Sequence(lambda n: f"演讲人{n}的简介。")

    slug = factory.Sequence(lambda n: f"speaker-{n}")
    translations = factory.LazyAttribute(lambda o: bilingual(o, "name", "position", "bio"))


class SessionFactory(TranslatedFactory):
    """A session of 45 minutes from 09:00 Shanghai time; `speakers` holds Speakers or (Speaker, role) pairs."""

    class Meta:
        model = Session

    class Params:
        title = factory.Sequence(lambda n: f"Session {n}")
        title_zh = factory.Sequence(lambda n: f"议程{n}")
        abstract = factory.Sequence(lambda n: f"Abstract of session {n}.")
        abstract_zh = factory.Sequence(lambda n: f"议程{n}的摘要。")

    forum = factory.SubFactory(ForumFactory)
    room = None
    starts_at = factory.LazyFunction(lambda: at(9))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=45))
    translations = factory.LazyAttribute(lambda o: bilingual(o, "title", "abstract"))

    @factory.post_generation
    def speakers(obj, create, extracted, **kwargs):
        if not create:
            return
        for position, item in enumerate(extracted or ()):
            speaker, role = item if isinstance(item, tuple) else (item, "speaker")
            SessionSpeaker.objects.create(session=obj, speaker=speaker, role=role, position=position)


def release(user=None, **notes):
    """Release the draft schedule (as the system when `user` is None), running its after-commit work as a real
    commit would (the page cache bump, queueing the alerts task), then the alerts task's work in this process, as
    a worker would (tests/forums/agenda/test_alerts_worker.py runs it in a real worker)."""
    from apps.forums.agenda.services import release_alerts_record

    with TestCase.captureOnCommitCallbacks(execute=True):
        current = schedule_release(user=user, **notes)
    release_alerts_record(release_id=current.pk)
    return current
