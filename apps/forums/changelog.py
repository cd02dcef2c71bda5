"""What changed for the public between two snapshots: one entry per session that was added, moved, cancelled,
removed or changed.

Entry: {"session": id, "forum": id, "change": ..., "before": {...} | None, "after": {...} | None}, where
before/after hold the session's "starts_at", "ends_at", "room" and "title".
Precedence: removed > cancelled > moved (start, end or room)
> changed (title, abstract, speakers, topic or format). A session that comes back after a cancellation is "added"
again (with its "before"); a new session already cancelled is not announced.
"""

ADDED, MOVED, CANCELLED, REMOVED, CHANGED = "added", "moved", "cancelled", "removed", "changed"
CHANGES = (ADDED, MOVED, CANCELLED, REMOVED, CHANGED)
CONTENT_FIELDS = ("title", "abstract", "speakers", "topic", "format")


def _summary(session):
    return {"starts_at": session["starts_at"], "ends_at": session["ends_at"], "room": session["room"],
            "title": session["title"]}


def _change(before, after):
    """The kind of change of one session, or None when nothing the public sees changed."""
    if after is None:
        return REMOVED
    if before is None:
        return None if after["cancelled"] else ADDED
    if after["cancelled"] != before["cancelled"]:
        return CANCELLED if after["cancelled"] else ADDED
    if any(before[key] != after[key] for key in ("starts_at", "ends_at", "room")):
        return MOVED
    if any(before.get(key) != after.get(key) for key in CONTENT_FIELDS):
        return CHANGED
    return None


def changelog_compute(*, previous, current):
    """Entries from snapshot `previous` (None before the first release) to `current`, in time order."""
    before_all = (previous or {}).get("sessions", {})
    after_all = current.get("sessions", {})
    entries = []
    for key in before_all.keys() | after_all.keys():
        before, after = before_all.get(key), after_all.get(key)
        change = _change(before, after)
        if change is None:
            continue
        entries.append({"session": int(key), "forum": (after or before)["forum"], "change": change,
                        "before": _summary(before) if before else None,
                        "after": _summary(after) if after else None})
    entries.sort(key=lambda entry: ((entry["after"] or entry["before"])["starts_at"], entry["session"]))
    return entries
