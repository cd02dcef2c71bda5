"""Reads of the forums core. Public pages read only the current release's snapshot, parsed once per process."""

import threading

from .models import ScheduleRelease
from .programme import NOW_NEXT_WINDOW, Programme
from .snapshot import snapshot_build

_lock = threading.Lock()
_snapshots = {}  # (release id, version, released_at) -> snapshot dict, read-only
_programmes = {}  # (release key, language) -> Programme
_KEEP = 4


def _remember(store, key, value):
    with _lock:
        if len(store) >= _KEEP:
            store.pop(next(iter(store)))
        store[key] = value
    return value


def _key(release):
    return (release.pk, release.version, release.released_at.isoformat())


def release_current():
    """The latest ScheduleRelease (None before the first), with its snapshot: one small query when the snapshot
    is already in this process, two otherwise. Treat the snapshot as read-only (it is shared)."""
    release = ScheduleRelease.objects.only("id", "version", "released_at").order_by("-version").first()
    if release is None:
        return None
    snapshot = _snapshots.get(_key(release))
    if snapshot is None:
        snapshot = ScheduleRelease.objects.values_list("snapshot", flat=True).get(pk=release.pk)
        _remember(_snapshots, _key(release), snapshot)
    release.snapshot = snapshot
    return release


def programme(*, release, language):
    """The release's programme in `language` (kept in the process per release and language)."""
    key = (_key(release), language)
    found = _programmes.get(key)
    return found if found is not None else _remember(_programmes, key, Programme(release.snapshot, language=language))


def programme_draft(*, language):
    """The draft, built on the fly for an editor's preview (never kept)."""
    return Programme(snapshot_build(), language=language)


def releases_list():
    """Every release, newest first (the public changelog)."""
    return ScheduleRelease.objects.defer("snapshot").order_by("-version")


def process_caches_clear():
    """Forget the snapshots and programmes kept in this process (tests)."""
    with _lock:
        _snapshots.clear()
        _programmes.clear()


def home_sessions(*, language, now, limit=4):
    """The home page's forum block from the current release (one or two queries, see release_current).

    While a session runs or one starts within NOW_NEXT_WINDOW (the expo's days): {"live": True, "running",
    "upcoming"} as on the programme's "now and next"; otherwise {"live": False, "upcoming": the next `limit`
    sessions}, or, when none lies ahead, {"live": False, "upcoming": [], "past": the latest `limit` forums}.
    None before the first release."""
    release = release_current()
    if release is None:
        return None
    shown = programme(release=release, language=language)
    running, upcoming = shown.now_next(now, limit=limit)
    if running or (upcoming and upcoming[0].starts_at - now <= NOW_NEXT_WINDOW):
        return {"live": True, "running": running, "upcoming": upcoming, "past": []}
    ahead = [session for session in shown.sessions if not session.cancelled and session.starts_at > now][:limit]
    past = [] if ahead else sorted(shown.forums, key=lambda forum: forum.starts_on, reverse=True)[:limit]
    return {"live": False, "running": [], "upcoming": ahead, "past": past}
