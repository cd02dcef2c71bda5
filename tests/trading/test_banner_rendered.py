"""The site-wide risk-warning banner rendered on the server into every page: in the page's language from its first
paint (no layout shift), the same for every visitor (pages stay cached), fresh at once after an approval and at
the moment a scheduled warning takes effect, on every section's cached pages; the script only hides dismissed
and ended warnings."""

import datetime

import pytest
from django.utils import timezone

from apps.trading import services
from apps.trading.models import NoticeKind
from tests.factories import NoticeFactory


def warning(center, *, start, end=None, title_en="Typhoon season", title_zh="台风季节", **fields):
    return NoticeFactory(center=center, kind=NoticeKind.RISK, title_en=title_en, title_zh=title_zh,
                         effective_from=start, effective_until=end, at=min(start, timezone.now()), **fields)


def header_part(html):
    return html.split('<main id="main"')[0]


@pytest.mark.parametrize("language, title, label, other", [
    ("en", "Typhoon season", "Risk warning", "台风季节"),
    ("zh-hans", "台风季节", "风险提示", "Typhoon season"),
])
def test_every_page_renders_the_warnings_in_effect_in_its_language(client, trading_pages, center, language, title,
                                                                   label, other):
    now = timezone.now()
    notice = warning(center, start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(days=2))

    for path in (f"/{language}/", f"/{language}/about/", f"/{language}/trading/nr-spot/"):
        top = header_part(client.get(path).content.decode())
        assert f'<div class="risk-banner" role="region" aria-label="{label}" data-notice="{notice.pk}" ' \
               f'data-until="{notice.effective_until.isoformat()}">' in top, path
        assert f'href="{notice.get_absolute_url(language)}">' in top and title in top and other not in top, path
        assert '<script src="/static/js/trading-banner.js"></script>' in top, path  # not deferred: before paint
        assert "hidden>&times;</button>" in top, path  # the dismiss button shows only with the script


def test_no_banner_without_a_warning_in_effect(client, trading_pages, center):
    now = timezone.now()
    warning(center, start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(seconds=1), title_en="Old")
    warning(center, start=now + datetime.timedelta(hours=1), title_en="Later")
    NoticeFactory(center=center, title_en="Ordinary notice")

    html = client.get("/en/").content.decode()

    assert "risk-banner" not in html and "trading-banner.js" not in html


def test_banner_is_left_out_when_trading_center_is_not_hooked(client, shell_pages):
    assert "risk-banners" not in client.get("/en/").content.decode()


def test_approved_warning_shows_at_once_on_cached_pages(client, trading_pages, center, editor,
                                                        django_capture_on_commit_callbacks):
    paths = ("/en/", "/en/about/", "/en/trading/nr-spot/")
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit", path
    draft = warning(center, start=timezone.now() - datetime.timedelta(minutes=1), publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        services.notice_approve(notice=draft, user=editor)

    for path in paths:
        assert "Typhoon season" in header_part(client.get(path).content.decode()), path


def test_scheduled_warning_appears_on_other_sections_cached_pages_at_its_start(client, portal_site, monkeypatch):
    start = timezone.now() + datetime.timedelta(hours=1)
    warning(portal_site["center"], start=start, title_en="Storm ahead")
    paths = ("/en/news/", portal_site["article"].get_absolute_url("en"), "/en/forums/tyre-forum/")
    for path in paths:
        assert "Storm ahead" not in client.get(path).content.decode(), path
        assert client.get(path)["X-Page-Cache"] == "hit", path

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(hours=1, seconds=1))

    for path in paths:  # the news and forum pages depend on the trading namespace's version too
        assert "Storm ahead" in header_part(client.get(path).content.decode()), path


def test_banner_read_costs_no_query_once_kept(client, trading_pages, center, django_assert_num_queries):
    from apps.trading.templatetags.trading_banner import warnings_shown

    warning(center, start=timezone.now() - datetime.timedelta(minutes=1))
    first = warnings_shown("en")

    with django_assert_num_queries(0):
        again = warnings_shown("en")

    assert again == first and [item["title"] for item in first] == ["Typhoon season"]
