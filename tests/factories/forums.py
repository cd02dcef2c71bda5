"""Forum records for tests: bilingual by default. Sessions default to 2026-09-18 in Asia/Shanghai."""

import datetime
import itertools
import zoneinfo

from django.test import TestCase

from apps.forums.models import Forum, Room, Session, SessionSpeaker, Speaker, Topic
from apps.forums.services import schedule_release

_counter = itertools.count(1)
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = datetime.date(2026, 9, 18)


def at(hour, minute=0, day=DAY, zone=SHANGHAI):
    """An aware datetime on `day` at hour:minute in `zone`."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def _translations(obj, values):
    for language, fields in values.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.set_current_language("en")


def _bilingual(kw, names, en, zh):
    """Pop `names` (and their `<name>_zh` twins) from kw into {"en": {...}, "zh-hans": {...}}."""
    values = {"en": {}, "zh-hans": {}}
    for name in names:
        values["en"][name] = kw.pop(name, en.get(name, ""))
        values["zh-hans"][name] = kw.pop(f"{name}_zh", zh.get(name, ""))
    return values


def make_forum(*, hosts=(), co_organisers=(), **kw):
    n = next(_counter)
    kw.setdefault("slug", f"forum-{n}")
    kw.setdefault("starts_on", DAY)
    kw.setdefault("ends_on", kw["starts_on"] + datetime.timedelta(days=1))
    texts = _bilingual(kw, ("title", "introduction", "venue"),
                       {"title": f"Rubber Forum {n}", "introduction": f"About forum {n}.", "venue": "Hall A"},
                       {"title": f"橡胶论坛{n}", "introduction": f"论坛{n}简介。", "venue": "A馆"})
    forum = Forum(**kw)
    _translations(forum, texts)
    forum.save()
    forum.hosts.set(hosts)
    forum.co_organisers.set(co_organisers)
    return forum


def make_room(**kw):
    n = next(_counter)
    kw.setdefault("slug", f"room-{n}")
    texts = _bilingual(kw, ("name", "location"), {"name": f"Room {n}", "location": "Floor 2"},
                       {"name": f"会议室{n}", "location": "二层"})
    room = Room(**kw)
    _translations(room, texts)
    room.save()
    return room


def make_topic(**kw):
    n = next(_counter)
    kw.setdefault("slug", f"topic-{n}")
    texts = _bilingual(kw, ("name",), {"name": f"Topic {n}"}, {"name": f"主题{n}"})
    topic = Topic(**kw)
    _translations(topic, texts)
    topic.save()
    return topic


def make_speaker(**kw):
    n = next(_counter)
    kw.setdefault("slug", f"speaker-{n}")
    texts = _bilingual(kw, ("name", "position", "bio"),
                       {"name": f"Speaker {n}", "position": "Chief Engineer", "bio": f"Biography of speaker {n}."},
                       {"name": f"演讲人{n}", "position": "总工程师", "bio": f"演讲人{n}的简介。"})
    speaker = Speaker(**kw)
    _translations(speaker, texts)
    speaker.save()
    return speaker


def make_session(*, forum=None, room=None, starts_at=None, ends_at=None, speakers=(), **kw):
    """A session (45 minutes by default); `speakers` holds Speakers or (Speaker, role) pairs."""
    n = next(_counter)
    forum = forum or make_forum()
    starts_at = starts_at or at(9)
    ends_at = ends_at or starts_at + datetime.timedelta(minutes=45)
    texts = _bilingual(kw, ("title", "abstract"), {"title": f"Session {n}", "abstract": f"Abstract of session {n}."},
                       {"title": f"议程{n}", "abstract": f"议程{n}的摘要。"})
    session = Session(forum=forum, room=room, starts_at=starts_at, ends_at=ends_at, **kw)
    _translations(session, texts)
    session.save()
    for position, item in enumerate(speakers):
        speaker, role = item if isinstance(item, tuple) else (item, "speaker")
        SessionSpeaker.objects.create(session=session, speaker=speaker, role=role, position=position)
    return session


def release(user=None, **notes):
    """Release the draft schedule (as the system when `user` is None), running its after-commit work as a real
    commit would (the page cache bump, queueing the alerts task), then the alerts task's work in this process, as
    a worker would (tests/forums/test_alerts_worker.py runs it in a real worker)."""
    from apps.forums.agenda.services import release_alerts_record

    with TestCase.captureOnCommitCallbacks(execute=True):
        current = schedule_release(user=user, **notes)
    release_alerts_record(release_id=current.pk)
    return current
