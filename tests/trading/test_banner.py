"""The risk warnings as JSON (/<lang>/trading/banner.json); the banner rendered into every page is tested in
test_banner_rendered.py."""

import datetime
import json

import pytest
from django.utils import timezone, translation

from apps.trading.models import NoticeKind
from tests.factories import NoticeFactory


def warning(center, *, start, end=None, title_en="Typhoon season", title_zh="台风季节"):
    return NoticeFactory(center=center, kind=NoticeKind.RISK, title_en=title_en, title_zh=title_zh,
                         effective_from=start, effective_until=end, at=min(start, timezone.now()))


@pytest.mark.parametrize("language, title", [("en", "Typhoon season"), ("zh-hans", "台风季节")])
def test_banner_data_in_language(client, trading_pages, center, language, title):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=1)
    notice = warning(center, start=start, end=start + datetime.timedelta(days=2))

    response = client.get(f"/{language}/trading/banner.json")
    with translation.override(language):
        serial = str(notice.serial)  # "[2026] No. 1" in English, the catalogue's form in Chinese

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert not response.cookies and "cookie" not in response.headers.get("Vary", "").lower()
    assert json.loads(response.content) == {"warnings": [{
        "id": notice.pk, "serial": serial, "title": title,
        "center": center.safe_translation_getter("name", language_code=language),
        "url": f"/{language}/trading/nr-spot/{notice.year}/risk-1/",
        "from": timezone.localtime(start, datetime.UTC).isoformat(),
        "until": timezone.localtime(start + datetime.timedelta(days=2), datetime.UTC).isoformat(),
    }]}


def test_banner_data_leaves_out_expired_and_later_warnings(client, trading_pages, center):
    now = timezone.now()
    warning(center, start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(seconds=1), title_en="Old")
    warning(center, start=now + datetime.timedelta(minutes=5), title_en="Later")
    warning(center, start=now + datetime.timedelta(seconds=30), title_en="Soon")  # shown by the script at its start
    warning(center, start=now - datetime.timedelta(days=1), title_en="Current")

    data = json.loads(client.get("/en/trading/banner.json").content)

    assert [item["title"] for item in data["warnings"]] == ["Soon", "Current"]


@pytest.mark.parametrize("count", [1, 3])
def test_banner_data_query_count_is_fixed(client, trading_pages, center, django_assert_num_queries, count):
    for index in range(count):
        warning(center, start=timezone.now(), title_en=f"Warning {index}")
    client.get("/en/")

    # warnings, their translations, center translations (the page read the content version: every page shows
    # the warnings, so every page depends on it)
    with django_assert_num_queries(3):
        response = client.get("/en/trading/banner.json")
    with django_assert_num_queries(0):
        cached = client.get("/en/trading/banner.json")

    assert response.status_code == cached.status_code == 200
    titles = sorted(w["title"] for w in json.loads(response.content)["warnings"])
    assert titles == [f"Warning {index}" for index in range(count)]
    assert cached.content == response.content


def test_banner_shows_at_most_five_newest_warnings(client, trading_pages, center):
    now = timezone.now()
    for index in range(7):
        warning(center, start=now - datetime.timedelta(hours=7 - index), title_en=f"Warning {index}")

    data = json.loads(client.get("/en/trading/banner.json").content)

    assert [item["title"] for item in data["warnings"]] == [f"Warning {index}" for index in (6, 5, 4, 3, 2)]
    assert "Warning 0" in client.get("/en/trading/nr-spot/?type=risk").content.decode()
