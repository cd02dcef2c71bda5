"""CSV files for spreadsheet programs: UTF-8 with a byte-order mark (so they read Chinese right), one header row,
and every value a spreadsheet would run as a formula (=, +, -, @ first) shown as typed, with an apostrophe first."""

import csv
import io

from django.utils import timezone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def moment(value, zone=None):
    """"2026-09-16 14:30" in `zone` (the current time zone by default); "" for None."""
    return timezone.localtime(value, zone).strftime("%Y-%m-%d %H:%M") if value else ""


def csv_text(header, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()


def csv_bytes(header, rows):
    return csv_text(header, rows).encode("utf-8")
