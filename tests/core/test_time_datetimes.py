"""Every `datetime` attribute on the main public pages (both languages) is one of the values the HTML standard
allows (the Nu checker's rule): a month, a date, a yearless date, a time, a local or global date and time, a
time-zone offset, a week, a year or a duration. Django's "c" date format and isoformat() write microseconds, six
decimals, where HTML allows three at most."""

import datetime
import re

import pytest

from apps.core.templatetags.portal_tags import html_datetime
from tests.fixtures.site import public_paths

DATETIME_ATTRIBUTE = re.compile(r"<(?:time|ins|del)\b[^>]*\sdatetime=\"([^\"]*)\"")

_DATE = r"(?P<y>\d{4,})-(?P<m>\d\d)-(?P<d>\d\d)"
_TIME = r"(?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:\.\d{1,3})?)?"
_ZONE = r"(?:Z|[+-](?P<zh>\d\d):?(?P<zm>\d\d))"
FORMATS = [
    re.compile(rf"^{_DATE}$"),  # date
    re.compile(r"^(?P<y>\d{4,})-(?P<m>\d\d)$"),  # month
    re.compile(r"^(?:--)?(?P<m>\d\d)-(?P<d>\d\d)$"),  # yearless date
    re.compile(rf"^{_TIME}$"),  # time
    re.compile(rf"^{_DATE}[T ]{_TIME}$"),  # local date and time
    re.compile(rf"^{_DATE}[T ]{_TIME}{_ZONE}$"),  # global date and time
    re.compile(rf"^{_ZONE}$"),  # time-zone offset
    re.compile(r"^(?P<y>\d{4,})-W(?P<w>\d\d)$"),  # week
    re.compile(r"^(?P<y>\d{4,})$"),  # year
    re.compile(r"^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?$"),  # duration
]


def is_valid_datetime_value(value):
    for form in FORMATS:
        found = form.match(value)
        if not found:
            continue
        parts = {key: int(number) for key, number in found.groupdict().items() if number is not None}
        if "m" in parts and not 1 <= parts["m"] <= 12:
            return False
        if "d" in parts:
            try:
                datetime.date(parts.get("y", 2000), parts["m"], parts["d"])  # 2000: a leap year for --02-29
            except ValueError:
                return False
        if parts.get("H", 0) > 23 or parts.get("M", 0) > 59 or parts.get("S", 0) > 59:
            return False
        return parts.get("zh", 0) <= 23 and parts.get("zm", 0) <= 59 and ("w" not in parts or 1 <= parts["w"] <= 53)
    return False


@pytest.mark.parametrize("value", ["2026-09-18", "2026-09", "--09-18", "09:30", "09:30:15.123",
                                   "2026-09-18T09:30", "2026-09-18 09:30:00", "2026-09-18T09:30:00+08:00",
                                   "2026-09-18T01:30:00Z", "+0800", "2026-W38", "2026", "PT45M", "P1DT2H"])
def test_the_checker_accepts_what_html_allows(value):
    assert is_valid_datetime_value(value)


@pytest.mark.parametrize("value", ["", "2026-09-18T09:30:00.123456+08:00", "2026-13-01", "2026-02-30",
                                   "18/09/2026", "2026-09-18T25:00", "P", "PT", "Sept. 18, 2026", "None"])
def test_the_checker_refuses_what_html_does_not(value):
    assert not is_valid_datetime_value(value)


def test_html_datetime_drops_microseconds_and_keeps_the_offset():
    import zoneinfo

    moment = datetime.datetime(2026, 9, 18, 1, 30, 0, 123456, tzinfo=datetime.UTC)
    assert html_datetime(moment) == "2026-09-18T09:30:00+08:00"  # stored in UTC: shown in the site's zone
    berlin = moment.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert html_datetime(berlin) == "2026-09-18T03:30:00+02:00"  # a forum's own zone is kept
    assert html_datetime(datetime.date(2026, 9, 18)) == "2026-09-18"
    assert html_datetime(None) == ""


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_datetime_attribute_on_the_public_pages_is_valid(client, portal_site, language):
    seen = 0
    for path in public_paths(portal_site, language):
        response = client.get(path)
        assert response.status_code == 200, path
        for value in DATETIME_ATTRIBUTE.findall(response.content.decode()):
            seen += 1
            assert is_valid_datetime_value(value), f"{path}: datetime=\"{value}\""
    assert seen >= 10  # the pages do carry dates: news, notices, sessions, the expo's days


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    assert text.startswith("User-agent: *\n")
    assert "Disallow: /en/admin/" in text and "Disallow: /zh-hans/portal/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /en/news/" not in text


def test_favicon_ico_answers_with_an_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert client.head("/favicon.ico").status_code == 200
    assert client.post("/favicon.ico").status_code == 405
