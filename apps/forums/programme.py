"""A programme for pages: the snapshot's plain dicts turned into objects in one language, with each session's
times in its forum's time zone. Built once per (release, language) and kept in the process (read-only)."""

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation

from apps.core.languages import other_language

from .models import SessionFormat, SpeakerRole, forum_ends_at

NOW_NEXT_WINDOW = datetime.timedelta(hours=12)  # "now / next" shows when a session starts within this time


def translated(values, language):
    """The value in `language`, else in the other language ("" when neither)."""
    values = values or {}
    return values.get(language) or values.get(other_language(language)) or ""


def parse_utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class CompanyRef:
    id: int
    slug: str
    name: str
    url: str = ""


@dataclass
class ForumView:
    id: int
    slug: str
    title: str
    introduction: str
    venue: str
    time_zone: str
    starts_on: datetime.date
    ends_on: datetime.date
    requires_registration: bool
    capacity: int | None
    hosts: list
    co_organisers: list
    sessions: list = field(default_factory=list)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def ends_at(self):
        return forum_ends_at(self.ends_on, self.time_zone)

    @property
    def is_over(self):
        """Past its last day: registration is closed."""
        return timezone.now() >= self.ends_at

    def days(self):
        """[(date, [sessions])] in the forum's own zone."""
        return group_by_day(self.sessions)


@dataclass
class RoomView:
    id: int
    slug: str
    name: str
    location: str
    capacity: int | None
    position: int


@dataclass
class TopicView:
    id: int
    slug: str
    name: str


@dataclass
class SpeakerView:
    id: int
    slug: str
    name: str
    position: str
    bio: str
    photo: str
    company: CompanyRef | None
    sessions: list = field(default_factory=list)

    @property
    def company_list(self):
        return [self.company] if self.company else []


@dataclass
class Appearance:
    speaker: SpeakerView
    role: str

    role_label: str = ""


@dataclass
class SessionView:
    id: int
    forum: ForumView
    room: RoomView | None
    topic: TopicView | None
    format: str
    starts_at: datetime.datetime  # aware, in the forum's zone
    ends_at: datetime.datetime
    cancelled: bool
    title: str
    abstract: str
    appearances: list
    format_label: str = ""

    @property
    def day(self):
        return self.starts_at.date()

    @property
    def time_zone(self):
        return self.forum.time_zone

    @property
    def time_range(self):
        return f"{self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    @property
    def utc_offset(self):
        offset = self.starts_at.strftime("%z")
        return f"UTC{offset[:3]}:{offset[3:]}"

    @property
    def shown_in_other_zone(self):
        """True when the forum's zone is not the site's default (lists then name the zone)."""
        return self.forum.time_zone != settings.TIME_ZONE

    @property
    def minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def group_by_day(sessions):
    days = {}
    for session in sessions:
        days.setdefault(session.day, []).append(session)
    return sorted(days.items())


def company_url(company_id, slug, language):
    """The company's page ("" where no app serves company pages, or its page is not hooked in); needs no query."""
    from django.urls import NoReverseMatch

    from apps.companies.models import Company
    from apps.companies.signals import company_page_url

    try:
        return company_page_url(Company(pk=company_id, slug=slug), language) or ""
    except NoReverseMatch:
        return ""


def _labels(choices, language):
    with translation.override(language):
        return {value: str(label) for value, label in choices.choices}


class Programme:
    def __init__(self, snapshot, *, language):
        self.language = language
        self.rendered_rows = {}  # (session id, show_forum, link pattern) -> HTML, see forums_tags.session_row
        formats, roles = _labels(SessionFormat, language), _labels(SpeakerRole, language)
        tr = lambda values: translated(values, language)  # noqa: E731

        def company(data):
            url = company_url(data["id"], data["slug"], language)
            return CompanyRef(data["id"], data["slug"], tr(data["name"]), url)

        self.forums = sorted((ForumView(
            id=f["id"], slug=f["slug"], title=tr(f["title"]), introduction=tr(f["introduction"]), venue=tr(f["venue"]),
            time_zone=f["time_zone"], starts_on=datetime.date.fromisoformat(f["starts_on"]),
            ends_on=datetime.date.fromisoformat(f["ends_on"]), requires_registration=f["requires_registration"],
            capacity=f["capacity"], hosts=[company(c) for c in f["hosts"]],
            co_organisers=[company(c) for c in f["co_organisers"]],
        ) for f in snapshot.get("forums", {}).values()), key=lambda f: (f.starts_on, _position(snapshot, f), f.slug))
        self.rooms = sorted((RoomView(r["id"], r["slug"], tr(r["name"]), tr(r["location"]), r["capacity"],
                                      r["position"]) for r in snapshot.get("rooms", {}).values()),
                            key=lambda r: (r.position, r.slug))
        self.topics = sorted((TopicView(t["id"], t["slug"], tr(t["name"]))
                              for t in snapshot.get("topics", {}).values()), key=lambda t: t.slug)
        self.speakers = sorted((SpeakerView(
            s["id"], s["slug"], tr(s["name"]), tr(s["position"]), tr(s["bio"]), s["photo"],
            company(s["company"]) if s["company"] else None) for s in snapshot.get("speakers", {}).values()),
            key=lambda s: (s.name.casefold(), s.slug))
        forums = {f.id: f for f in self.forums}
        rooms, topics = {r.id: r for r in self.rooms}, {t.id: t for t in self.topics}
        speakers = {s.id: s for s in self.speakers}
        self.sessions = []
        for s in snapshot.get("sessions", {}).values():
            forum = forums[s["forum"]]
            self.sessions.append(SessionView(
                id=s["id"], forum=forum, room=rooms.get(s["room"]), topic=topics.get(s["topic"]), format=s["format"],
                starts_at=parse_utc(s["starts_at"]).astimezone(forum.zone),
                ends_at=parse_utc(s["ends_at"]).astimezone(forum.zone), cancelled=s["cancelled"],
                title=tr(s["title"]), abstract=tr(s["abstract"]),
                appearances=[Appearance(speakers[a["speaker"]], a["role"], roles.get(a["role"], a["role"]))
                             for a in s["speakers"] if a["speaker"] in speakers],
                format_label=formats.get(s["format"], s["format"]),
            ))
        self.sessions.sort(key=lambda s: (s.starts_at, s.room.position if s.room else 1 << 16, s.id))
        for session in self.sessions:
            session.forum.sessions.append(session)
            for speaker in {a.speaker.id: a.speaker for a in session.appearances}.values():
                speaker.sessions.append(session)
        self.forum_by_slug = {f.slug: f for f in self.forums}
        self.room_by_slug, self.topic_by_slug = {r.slug: r for r in self.rooms}, {t.slug: t for t in self.topics}
        self.speaker_by_slug = {s.slug: s for s in self.speakers}
        self.session_by_id = {s.id: s for s in self.sessions}
        self.days = sorted({s.day for s in self.sessions})
        live = [s for s in self.sessions if not s.cancelled]
        # moments when "now / next" changes by itself: a session starts or ends, or comes within the window
        # (and when a forum is over: its registration closes)
        self.boundaries = sorted({s.starts_at for s in live} | {s.ends_at for s in live}
                                 | {s.starts_at - NOW_NEXT_WINDOW for s in live} | {f.ends_at for f in self.forums})
        self._live_by_start = sorted(live, key=lambda s: (s.starts_at, s.id))

    def filtered(self, *, day=None, forum=None, room=None, topic=None):
        return [s for s in self.sessions
                if (day is None or s.day == day) and (forum is None or s.forum is forum)
                and (room is None or s.room is room) and (topic is None or s.topic is topic)]

    def now_next(self, now, sessions=None, *, limit=6):
        """(running now, starting next: every session at the next start time) among non-cancelled `sessions`."""
        live = self._live_by_start if sessions is None else [s for s in sessions if not s.cancelled]
        running = [s for s in live if s.starts_at <= now < s.ends_at][:limit]
        upcoming = [s for s in live if s.starts_at > now]
        first = min((s.starts_at for s in upcoming), default=None)
        return running, [s for s in upcoming if s.starts_at == first][:limit]


def _position(snapshot, forum_view):
    return snapshot["forums"][str(forum_view.id)]["position"]

