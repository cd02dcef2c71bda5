"""The snapshot of the whole draft programme: what a release stores and what public pages read.

Plain JSON (string keys, translated values as {language: ...} with "" for a missing translation,
times as ISO 8601 in UTC): see the forums contract in the module docstring of apps.forums.models.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.db.models import Prefetch

from .models import Forum, Room, Session, SessionSpeaker, Speaker, Topic

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


def _translated(obj, *fields):
    """{field: {language: value}} from the prefetched parler translations (no extra query)."""
    rows = {row.language_code: row for row in obj.translations.all()}
    return {field: {language: getattr(rows[language], field, "") if language in rows else ""
                    for language in LANGUAGES} for field in fields}


def utc_iso(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _company(company):
    if company is None:
        return None
    return {"id": company.pk, "slug": company.slug, **_translated(company, "name")}


def _forums():
    forums = Forum.objects.prefetch_related("translations", "hosts__translations", "co_organisers__translations")
    return {str(forum.pk): {
        "id": forum.pk, "slug": forum.slug, "edition": forum.edition_id, "time_zone": forum.time_zone,
        "starts_on": forum.starts_on.isoformat(), "ends_on": forum.ends_on.isoformat(), "position": forum.position,
        "requires_registration": forum.requires_registration, "capacity": forum.capacity,
        **_translated(forum, "title", "introduction", "venue"),
        "hosts": [_company(company) for company in sorted(forum.hosts.all(), key=lambda c: c.slug)],
        "co_organisers": [_company(company) for company in sorted(forum.co_organisers.all(), key=lambda c: c.slug)],
    } for forum in forums}


def _rooms():
    return {str(room.pk): {"id": room.pk, "slug": room.slug, "position": room.position, "capacity": room.capacity,
                           **_translated(room, "name", "location")}
            for room in Room.objects.prefetch_related("translations")}


def _topics():
    return {str(topic.pk): {"id": topic.pk, "slug": topic.slug, **_translated(topic, "name")}
            for topic in Topic.objects.prefetch_related("translations")}


def _speakers():
    speakers = Speaker.objects.select_related("company").prefetch_related("translations", "company__translations")
    return {str(speaker.pk): {
        "id": speaker.pk, "slug": speaker.slug, "photo": speaker.photo.url if speaker.photo else "",
        "company": _company(speaker.company), **_translated(speaker, "name", "position", "bio"),
    } for speaker in speakers}


def _sessions():
    appearances = Prefetch("appearances", queryset=SessionSpeaker.objects.order_by("position", "id"))
    sessions = Session.objects.prefetch_related("translations", appearances)
    return {str(session.pk): {
        "id": session.pk, "forum": session.forum_id, "room": session.room_id, "topic": session.topic_id,
        "format": session.format, "starts_at": utc_iso(session.starts_at), "ends_at": utc_iso(session.ends_at),
        "cancelled": session.is_cancelled, **_translated(session, "title", "abstract"),
        "speakers": [{"speaker": row.speaker_id, "role": row.role} for row in session.appearances.all()],
    } for session in sessions}


def snapshot_build():
    """The draft programme as a JSON-serialisable dict (a fixed number of queries, whatever its size)."""
    return {"forums": _forums(), "rooms": _rooms(), "topics": _topics(), "speakers": _speakers(),
            "sessions": _sessions()}


def snapshot_digest(snapshot):
    """A short fingerprint of a snapshot (the release form carries the one of the draft the editor reviewed)."""
    return hashlib.sha256(json.dumps(snapshot, sort_keys=True, default=str).encode()).hexdigest()[:32]
