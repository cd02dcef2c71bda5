"""The released schedule as JSON: both languages, times in UTC (ISO 8601) with each forum's zone, page and
calendar links in the request's language."""

import json

from django.utils.translation import get_language

from apps.core.languages import CODES
from apps.core.links import url_maker
from apps.forums.snapshot import utc_iso


def schedule_document(*, release, absolute):
    """A JSON-serialisable dict of the release (read-only snapshot: copies what it changes)."""
    snapshot = release.snapshot or {}
    forum_url = url_maker("forums:forum", absolute=absolute)
    forum_ical = url_maker("forums:ical_forum", absolute=absolute)
    session_url = url_maker("forums:session", absolute=absolute)
    session_ical = url_maker("forums:ical_session", absolute=absolute)
    speaker_url = url_maker("forums:speaker", absolute=absolute)
    speaker_ical = url_maker("forums:ical_speaker", absolute=absolute)
    forums = [{**forum, "url": forum_url(forum["slug"]), "ical": forum_ical(forum["slug"])}
              for forum in sorted(snapshot.get("forums", {}).values(),
                                   key=lambda f: (f["starts_on"], f["position"], f["slug"]))]
    speakers = [{**speaker, "url": speaker_url(speaker["slug"]), "ical": speaker_ical(speaker["slug"])}
                for speaker in sorted(snapshot.get("speakers", {}).values(), key=lambda s: s["slug"])]
    sessions = [{**session, "url": session_url(session["id"]), "ical": session_ical(session["id"])}
                for session in sorted(snapshot.get("sessions", {}).values(),
                                       key=lambda s: (s["starts_at"], s["id"]))]
    return {
        "version": release.version,
        "generated_at": utc_iso(release.released_at),
        "language": get_language(),
        "languages": list(CODES),
        "forums": forums,
        "rooms": sorted(snapshot.get("rooms", {}).values(), key=lambda r: (r["position"], r["slug"])),
        "topics": sorted(snapshot.get("topics", {}).values(), key=lambda t: t["slug"]),
        "speakers": speakers,
        "sessions": sessions,
    }


def schedule_json_bytes(*, release, absolute):
    return json.dumps(schedule_document(release=release, absolute=absolute), ensure_ascii=False,
                      separators=(",", ":")).encode()
