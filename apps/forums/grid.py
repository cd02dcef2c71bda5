"""The day × room grid: rooms as columns, five-minute rows, each session placed by its times."""

import collections
import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

SLOT_MINUTES = 5
LABEL_EVERY = 6  # a time label every 30 minutes


@dataclass
class Cell:
    session: object
    column: int
    row_start: int
    row_end: int


@dataclass
class Grid:
    day: datetime.date
    zone: str
    columns: list  # RoomView, or None for sessions without a room
    cells: list
    labels: list  # (row, "HH:MM")
    rows: int


def _floor_hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


def grid_build(sessions, *, day):
    """The grid of `sessions` (already those of `day`); times lined up in the zone most of them use."""
    if not sessions:
        return Grid(day, settings.TIME_ZONE, [], [], [], 0)
    zone_name = collections.Counter(s.time_zone for s in sessions).most_common(1)[0][0]
    zone = zoneinfo.ZoneInfo(zone_name)
    rooms = {s.room.id: s.room for s in sessions if s.room is not None}
    columns = sorted(rooms.values(), key=lambda r: (r.position, r.slug))
    if any(s.room is None for s in sessions):
        columns.append(None)
    column_of = {(room.id if room else None): index + 2 for index, room in enumerate(columns)}
    start = _floor_hour(min(s.starts_at for s in sessions).astimezone(zone))
    end = max(s.ends_at for s in sessions).astimezone(zone)

    def row(moment):
        return int((moment - start).total_seconds() // (SLOT_MINUTES * 60)) + 2  # row 1 holds the room names

    rows = row(end) - 1 + (1 if (end - start).total_seconds() % (SLOT_MINUTES * 60) else 0)
    cells = [Cell(s, column_of[s.room.id if s.room else None], row(s.starts_at),
                  max(row(s.ends_at), row(s.starts_at) + 1)) for s in sessions]
    labels = [(2 + index, (start + datetime.timedelta(minutes=SLOT_MINUTES * index)).strftime("%H:%M"))
              for index in range(0, rows, LABEL_EVERY)]
    return Grid(day, zone_name, columns, cells, labels, rows)
