"""Public pages of the Trading Center: notice board, notice page, archive, feeds, in both languages."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.trading import services
from apps.trading.cache import content_version_bump
from apps.trading.models import Notice, NoticeKind
from tests.factories import NoticeFactory

BOARD = "/{language}/trading/nr-spot/"
MOMENT = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))


def rows(html):
    """The notice titles of a board, in order."""
    return re.findall(r'class="notice-title" href="[^"]+"(?: lang="[^"]+")?>([^<]+)</a>', html)


@pytest.fixture
def notices(center):
    return [
        NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Trading fees for 2025", title_zh="2025年度手续费",
                      at=MOMENT.replace(year=2025)),
        NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Trading fees for 2026", title_zh="2026年度手续费",
                      at=MOMENT),
        NoticeFactory(center=center, kind=NoticeKind.HOLIDAY, title_en="Qingming holiday", title_zh="清明节休市",
                      at=MOMENT + datetime.timedelta(days=20)),
        NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Typhoon season", title_zh="台风季节",
                      at=MOMENT + datetime.timedelta(days=30)),
    ]


@pytest.mark.parametrize("language, titles", [
    ("en", ["Typhoon season", "Qingming holiday", "Trading fees for 2026", "Trading fees for 2025"]),
    ("zh-hans", ["台风季节", "清明节休市", "2026年度手续费", "2025年度手续费"]),
])
def test_board_lists_notices_newest_first_in_language(client, trading_pages, notices, language, titles):
    response = client.get(BOARD.format(language=language))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert rows(html) == titles
    assert f'href="/{language}/trading/nr-spot/2026/risk-1/"' in html


def test_board_puts_pinned_notices_first(client, trading_pages, notices, trading_staff):
    services.notice_pin(notice=notices[0], user=trading_staff, pinned=True)

    html = client.get("/en/trading/nr-spot/").content.decode()

    assert rows(html)[0] == "Trading fees for 2025"


@pytest.mark.parametrize("query, titles", [
    ("?type=fees", ["Trading fees for 2026", "Trading fees for 2025"]),
    ("?year=2025", ["Trading fees for 2025"]),
    ("?type=fees&year=2026", ["Trading fees for 2026"]),
    ("?q=typhoon", ["Typhoon season"]),
    ("?q=清明", ["Qingming holiday"]),
    ("?q=[2025] No. 1", ["Trading fees for 2025"]),
    ("?q=〔2026〕第1号", ["Typhoon season", "Qingming holiday", "Trading fees for 2026"]),
    ("?q=2025-1", ["Trading fees for 2025"]),
    ("?q=1&type=holiday", ["Qingming holiday"]),
    ("?q=nothing+like+this", []),
])
def test_board_filters_by_type_year_and_serial_or_title(client, trading_pages, notices, query, titles):
    response = client.get(f"/en/trading/nr-spot/{query}")

    assert response.status_code == 200
    assert rows(response.content.decode()) == titles


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_board_with_invalid_filter_answers_400_with_error(client, trading_pages, notices, language):
    response = client.get(f"/{language}/trading/nr-spot/?type=rumours&year=1999")

    html = response.content.decode()
    assert response.status_code == 400
    assert html.count('class="field-error"') == 2
    assert rows(html) == []


@pytest.mark.parametrize("url", ["/en/trading/nr-spot/?page=9", "/en/trading/nr-spot/?page=x",
                                 "/en/trading/elsewhere/", "/en/trading/nr-spot/2026/fees-9/",
                                 "/en/trading/nr-spot/2026/gossip-1/", "/en/trading/nr-spot/rss/gossip/",
                                 "/en/trading/elsewhere/rss/fees/", "/en/trading/elsewhere/archive/"])
def test_unknown_addresses_answer_404(client, trading_pages, notices, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("language, title, other", [("en", "Typhoon season", "zh-hans"),
                                                     ("zh-hans", "台风季节", "en")])
def test_notice_page_in_language_links_same_notice_in_other(client, trading_pages, notices, language, title, other):
    response = client.get(f"/{language}/trading/nr-spot/2026/risk-1/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="page-title">{title}</h1>' in html
    assert f'<link rel="alternate" hreflang="{other}" href="http://testserver/{other}/trading/nr-spot/2026/risk-1/">' in html
    assert '<time datetime="2026-04-01">2026-04-01</time>' in html


def test_notice_page_shows_effect_period_and_prevailing_language(client, trading_pages, center):
    NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Typhoon season", at=MOMENT,
                  effective_until=MOMENT + datetime.timedelta(days=90), prevailing_language="en")

    html = client.get("/en/trading/nr-spot/2026/risk-1/").content.decode()

    assert '<dd class="notice-effect">No longer in effect</dd>' in html
    assert '<time datetime="2026-03-02T09:00:00+08:00">2026-03-02 09:00</time>' in html
    assert "If the English and Chinese versions of this notice differ, the English version prevails." in html


def test_superseded_notice_links_its_correction_and_back(client, trading_pages, center):
    original = NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Fees", at=MOMENT)
    NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Fees (corrected)", supersedes=original,
                  at=MOMENT + datetime.timedelta(days=1))

    old = client.get("/en/trading/nr-spot/2026/fees-1/").content.decode()
    new = client.get("/en/trading/nr-spot/2026/fees-2/").content.decode()

    assert 'Superseded by <a href="/en/trading/nr-spot/2026/fees-2/">[2026] No. 2 Fees (corrected)</a>' in old
    assert '<dd class="notice-effect">Superseded</dd>' in old
    assert 'This notice supersedes <a href="/en/trading/nr-spot/2026/fees-1/">[2026] No. 1 Fees</a>' in new
    board = client.get("/en/trading/nr-spot/").content.decode()
    assert '<span class="badge badge-effect">Superseded</span>' in board


def test_withdrawn_notice_keeps_its_page(client, trading_pages, notices, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.notice_withdraw(notice=notices[3], user=editor, at=MOMENT + datetime.timedelta(days=31))

    html = client.get("/en/trading/nr-spot/2026/risk-1/").content.decode()

    assert "This notice was withdrawn on 2026-04-02." in html


def test_notice_without_translation_shows_prevailing_version(client, trading_pages, center, trading_staff, editor):
    notice = services.notice_create(center=center, kind=NoticeKind.TRADING, author=trading_staff,
                                    translations={"zh-hans": {"title": "仅中文公告", "body": "<p>内容</p>"}})
    services.notice_submit(notice=notice, user=trading_staff)
    notice = services.notice_approve(notice=notice, user=editor)

    html = client.get("/en/trading/nr-spot/").content.decode()
    page = client.get(notice.get_absolute_url("en")).content.decode()

    assert '<a class="notice-title" href="/en/trading/nr-spot/' in html and 'lang="zh-hans">仅中文公告</a>' in html
    assert '<h1 class="page-title">仅中文公告</h1>' in page
    assert "This notice has no version in this language" in page


def test_archive_counts_notices_per_year_and_type(client, trading_pages, notices):
    html = client.get("/en/trading/nr-spot/archive/").content.decode()

    years = re.findall(r'<th scope="row"><a href="/en/trading/nr-spot/\?year=(\d+)">', html)
    assert years == ["2026", "2025"]
    assert '<a href="/en/trading/nr-spot/?type=fees&amp;year=2026">1</a>' in html
    assert '<td><a href="/en/trading/nr-spot/?year=2026">3</a></td>' in html


@pytest.mark.parametrize("language, title", [("en", "[2026] No. 1 Trading fees for 2026"),
                                             ("zh-hans", "2026年度手续费")])
def test_feed_per_type_in_language(client, trading_pages, notices, language, title):
    response = client.get(f"/{language}/trading/nr-spot/rss/fees/")

    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert xml.count("<item>") == 2
    assert f"<language>{language}</language>" in xml
    assert title in xml
    assert "Typhoon" not in xml and "台风" not in xml


def test_index_lists_centers_and_notices_in_effect(client, trading_pages, notices):
    html = client.get("/en/trading/").content.decode()

    assert '<a href="/en/trading/nr-spot/">Natural Rubber Spot Trading Center</a>' in html
    assert rows(html) == ["Typhoon season", "Qingming holiday", "Trading fees for 2026", "Trading fees for 2025"]


@pytest.mark.parametrize("path, shown", [
    ("", "Natural Rubber Spot Trading Center"), ("nr-spot/", "Qingming holiday"),
    ("nr-spot/2026/risk-1/", "Typhoon season"), ("nr-spot/archive/", "?year=2025"),
    ("nr-spot/rss/fees/", "Trading fees for 2026"),
])
def test_anonymous_pages_set_no_cookie_and_are_served_from_cache(client, trading_pages, notices, path, shown,
                                                                 django_assert_num_queries):
    first = client.get(f"/en/trading/{path}")
    with django_assert_num_queries(0):
        second = client.get(f"/en/trading/{path}")

    assert first.status_code == second.status_code == 200
    assert shown in first.content.decode()
    assert first.content == second.content
    assert not first.cookies and "cookie" not in first.headers.get("Vary", "").lower()


def test_publication_shows_at_once_on_cached_board(client, trading_pages, notices,
                                                   django_capture_on_commit_callbacks):
    assert len(rows(client.get("/en/trading/nr-spot/").content.decode())) == 4

    with django_capture_on_commit_callbacks(execute=True):
        NoticeFactory(center=notices[0].center, title_en="Fresh notice")

    assert rows(client.get("/en/trading/nr-spot/").content.decode())[0] == "Fresh notice"


def test_cached_page_is_rendered_again_when_a_notice_expires(client, trading_pages, center, time_machine_now):
    NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Short warning", at=MOMENT,
                  effective_until=MOMENT + datetime.timedelta(hours=1))
    time_machine_now(MOMENT + datetime.timedelta(minutes=59))
    assert "effect-in-effect" in client.get("/en/trading/nr-spot/2026/risk-1/").content.decode()

    time_machine_now(MOMENT + datetime.timedelta(hours=1))

    assert "effect-expired" in client.get("/en/trading/nr-spot/2026/risk-1/").content.decode()


def test_searches_are_not_cached(client, trading_pages, notices, django_assert_num_queries):
    client.get("/en/trading/nr-spot/?q=fees")

    # searches are never cached (the center with its years, the CMS page and the menu are): count and notices
    with django_assert_num_queries(QUERIES_BOARD - 7):
        response = client.get("/en/trading/nr-spot/?q=fees")

    assert response.status_code == 200
    assert rows(response.content.decode()) == ["Trading fees for 2026", "Trading fees for 2025"]


@pytest.mark.parametrize("count", [1, 3])
def test_board_query_count_is_fixed(client, trading_pages, center, django_assert_num_queries, count):
    for index in range(count):
        NoticeFactory(center=center, kind=NoticeKind.FEES if index % 2 else NoticeKind.RISK, at=MOMENT)
    client.get("/en/")  # menus and the site are cached by now

    with django_assert_num_queries(QUERIES_BOARD):
        response = client.get("/en/trading/nr-spot/?year=2026")

    assert response.status_code == 200
    assert len(rows(response.content.decode())) == count


@pytest.mark.parametrize("count", [1, 3])
def test_notice_page_query_count_is_fixed(client, trading_pages, center, trading_staff, editor,
                                          django_assert_num_queries, count):
    from tests.support.files import PDF, upload

    notice = NoticeFactory(center=center, kind=NoticeKind.FEES, author=trading_staff, publish=False, at=MOMENT)
    for index in range(count):
        services.attachment_add(notice=notice, upload=upload(f"file{index}.pdf", PDF), user=trading_staff)
    notice = services.notice_approve(notice=notice, user=editor, at=MOMENT)
    chain = [notice]
    for _ in range(count):  # a chain of corrections, and other notices on the board
        chain.append(NoticeFactory(center=center, kind=NoticeKind.FEES, supersedes=chain[-1], at=MOMENT))
    client.get("/en/")
    url = notice.get_absolute_url("en")

    with django_assert_num_queries(QUERIES_NOTICE):
        response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert notice.title in html and chain[1].title in html  # the notice, and the correction superseding it
    assert html.count('download>file') == count


@pytest.mark.parametrize("count", [1, 3])
def test_index_archive_and_feed_query_counts_are_fixed(client, trading_pages, center, django_assert_num_queries,
                                                       count):
    for index in range(count):
        NoticeFactory(center=center, kind=NoticeKind.FEES, at=MOMENT.replace(year=2024 + index))
    client.get("/en/")

    titles = [notice.safe_translation_getter("title", language_code="en") for notice in Notice.objects.all()]
    years = [f"?year={2024 + index}" for index in range(count)]
    for url, queries, shown in [("/en/trading/", QUERIES_INDEX, ["Natural Rubber Spot Trading Center"]),
                                ("/en/trading/nr-spot/archive/", QUERIES_ARCHIVE, years),
                                ("/en/trading/nr-spot/rss/fees/", QUERIES_FEED, titles)]:
        client.get("/en/trading/banner.json")  # the content version is known
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        assert all(text in response.content.decode() for text in shown), url


# Anonymous requests with an empty page cache; "CMS" are django CMS's queries for the apphook page and the menu.
# The trading content version is known once any page has been rendered (every page shows the risk banner).
QUERIES_BOARD = 10  # center (+translations), years, count, notices (+translations), CMS (4)
# notice: notice with center and superseded notice, translations, center translations, attachments,
# corrections with their translations, and three of django CMS
QUERIES_NOTICE = 9
QUERIES_INDEX = 10  # the centers of the notices in effect are named: their translations, once
QUERIES_ARCHIVE = 7
QUERIES_FEED = 4


def test_notice_text_is_sanitized(client, trading_pages, center):
    notice = NoticeFactory(center=center, at=MOMENT, translations={
        "en": {"title": "Fees", "body": '<p onclick="steal()">Fees</p><script>alert(1)</script>'},
        "zh-hans": {"title": "费用", "body": "<p>费用</p><iframe src=\"//evil.example\"></iframe>"}})

    english = client.get(notice.get_absolute_url("en")).content.decode()
    chinese = client.get(notice.get_absolute_url("zh-hans")).content.decode()

    assert '<div class="notice-body"><p>Fees</p></div>' in english
    assert "alert(1)" not in english and "onclick" not in english
    assert "evil.example" not in chinese


def test_the_same_parameters_in_another_order_share_one_copy(client, trading_pages, notices):
    first = client.get("/en/trading/nr-spot/?type=fees&page=1")
    second = client.get("/en/trading/nr-spot/?page=1&type=fees")
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_signed_in_visitors_get_the_board_without_its_queries_until_a_change(client, trading_pages, center,
                                                                           trading_staff):
    """The board's list is rendered once per content version for everyone: a signed-in visitor's second view
    runs no notice query, and a new notice shows at once (its publish bumps the version)."""
    NoticeFactory(center=center, kind=NoticeKind.FEES, at=MOMENT, title_en="Fees before")
    client.force_login(trading_staff)
    client.get("/en/trading/nr-spot/?year=2026")

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/trading/nr-spot/?year=2026")
    assert rows(response.content.decode()) == ["Fees before"]
    assert not [query for query in captured.captured_queries if '"trading_notice' in query["sql"]]

    NoticeFactory(center=center, kind=NoticeKind.FEES, at=MOMENT, title_en="Fees after")
    content_version_bump()
    assert rows(client.get("/en/trading/nr-spot/?year=2026").content.decode()) == ["Fees after", "Fees before"]


def test_signed_in_visitors_get_a_notice_without_its_queries_until_a_change(client, trading_pages, center,
                                                                          trading_staff, editor):
    """A notice's page is rendered once per content version and language: a signed-in visitor's second view reads
    no notice; a correction published later shows at once; the other language is rendered on its own."""
    notice = NoticeFactory(center=center, kind=NoticeKind.FEES, at=MOMENT, title_en="Fees", title_zh="费用")
    client.force_login(trading_staff)
    client.get(notice.get_absolute_url("en"))

    with CaptureQueriesContext(connection) as captured:
        response = client.get(notice.get_absolute_url("en"))
    html = response.content.decode()
    assert response.status_code == 200 and re.search(r"<title>[^<]*Fees · Natural Rubber", html)
    assert not [query for query in captured.captured_queries if '"trading_notice' in query["sql"]]
    assert 'hreflang="zh-hans"' in html and notice.get_absolute_url("zh-hans") in html  # the language switch

    chinese = client.get(notice.get_absolute_url("zh-hans")).content.decode()
    assert "费用" in chinese and "Fees" not in chinese.split('<main', 1)[1]

    correction = NoticeFactory(center=center, kind=NoticeKind.FEES, supersedes=notice, at=MOMENT,
                               title_en="Fees, corrected")
    content_version_bump()
    assert "Fees, corrected" in client.get(notice.get_absolute_url("en")).content.decode()
    assert correction.get_absolute_url("en") in client.get(notice.get_absolute_url("en")).content.decode()


def test_unknown_notice_answers_404_in_both_languages_and_keeps_nothing(client, trading_pages, center):
    from django.core.cache import cache

    client.get("/en/trading/nr-spot/")
    for language in ("en", "zh-hans"):
        assert client.get(f"/{language}/trading/nr-spot/2026/fees-999/").status_code == 404
    assert not cache.keys("trading:memo:*:notice:*")
