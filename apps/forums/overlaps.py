"""Clashes in a programme: the same speaker, or the same room, in two sessions at overlapping times.

Cancelled sessions are ignored; back-to-back sessions (one ends when the next starts) do not overlap.
"""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Overlap:
    kind: str  # "speaker" or "room"
    key: int  # the speaker's or room's id
    first: int  # session ids, `first` starting no later than `second`
    second: int


def _clashes(kind, groups):
    found = []
    for key, sessions in groups.items():
        sessions.sort(key=lambda s: (s["starts_at"], s["id"]))
        running = []  # sessions still running at the current start
        for session in sessions:
            running = [other for other in running if other["ends_at"] > session["starts_at"]]
            found.extend(Overlap(kind, key, other["id"], session["id"]) for other in running)
            running.append(session)
    return found


def schedule_overlaps(snapshot=None):
    """Every overlap in `snapshot` (the draft by default), sorted; times compare as ISO strings in UTC."""
    if snapshot is None:
        from .snapshot import snapshot_build

        snapshot = snapshot_build()
    by_room, by_speaker = defaultdict(list), defaultdict(list)
    for session in snapshot["sessions"].values():
        if session["cancelled"]:
            continue
        if session["room"] is not None:
            by_room[session["room"]].append(session)
        for speaker_id in {row["speaker"] for row in session["speakers"]}:
            by_speaker[speaker_id].append(session)
    found = _clashes("room", by_room) + _clashes("speaker", by_speaker)
    return sorted(found, key=lambda o: (snapshot["sessions"][str(o.first)]["starts_at"], o.kind, o.key, o.second))
