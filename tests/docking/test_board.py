"""The public board at /<lang>/docking/: rows in both languages, filters kept in the URL, status counts,
pagination, visibility for verified companies only, caching for anonymous visitors."""

import datetime
import re

import pytest
from django.utils import timezone

from apps.docking import services
from apps.docking.models import Visibility

from .factories import requirement_draft, requirement_open, texts

pytestmark = pytest.mark.usefixtures("docking_pages")


def titles(html):
    return re.findall(r'class="requirement-title" href="[^"]+"(?: lang="[^"]+")?>([^<]+)</a>', html)


@pytest.fixture
def board(lead, lead_member, other, other_member, categories, docking_editor):
    mixers = requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["mixing"]],
                              title_en="Two mixing lines", title_zh="两条密炼线", region="shandong",
                              segment="midstream")
    carbon = requirement_open(editor=docking_editor, company=other, user=other_member,
                              categories=[categories["carbon"]], title_en="N330 carbon black", title_zh="N330炭黑",
                              region="jiangsu", segment="upstream",
                              deadline=timezone.localdate() + datetime.timedelta(days=3))
    english_only = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                    categories=[categories["equipment"]], translations=texts("Tyre moulds"))
    requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]], title_en="Secret draft")
    return {"mixers": mixers, "carbon": carbon, "english_only": english_only}


@pytest.mark.parametrize("language, expected", [
    ("en", ["Tyre moulds", "N330 carbon black", "Two mixing lines"]),
    ("zh-hans", ["Tyre moulds", "N330炭黑", "两条密炼线"]),
])
def test_board_lists_open_requirements_newest_first_in_language(client, board, language, expected):
    response = client.get(f"/{language}/docking/")

    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html) == expected
    assert "Secret draft" not in html
    if language == "zh-hans":
        assert 'lang="en">Tyre moulds</a>' in html  # the fallback is marked with its language
        assert "玲珑测试轮胎" in html



@pytest.mark.parametrize("query, expected", [
    ("?category=equipment", ["Tyre moulds", "Two mixing lines"]),  # with its sub-category
    ("?category=mixing-lines", ["Two mixing lines"]),
    ("?region=jiangsu", ["N330 carbon black"]),
    ("?segment=upstream", ["N330 carbon black"]),
    ("?soon=on", ["N330 carbon black"]),
    ("?category=materials&region=shandong", []),
])
def test_board_filters_by_category_region_segment_and_deadline(client, board, query, expected):
    response = client.get(f"/en/docking/{query}")

    assert response.status_code == 200
    assert titles(response.content.decode()) == expected


def test_board_counts_per_status_and_filters_stay_in_links(client, board, lead_member):
    services.requirement_close(requirement=board["mixers"], user=lead_member)

    html = client.get("/en/docking/?category=equipment").content.decode()

    assert titles(html) == ["Tyre moulds"]
    assert re.search(r'href="\?category=equipment&amp;status=open" aria-current="page">Open <span class="count">1<',
                     html)
    assert re.search(r'href="\?category=equipment&amp;status=closed">Closed <span class="count">1<', html)
    closed = client.get("/en/docking/?category=equipment&status=closed").content.decode()
    assert titles(closed) == ["Two mixing lines"]
    assert titles(client.get("/en/docking/?status=all").content.decode()) == [
        "Tyre moulds", "N330 carbon black", "Two mixing lines"]


def test_requirement_past_its_deadline_is_listed_as_closed_without_a_worker(client, board, time_machine):
    time_machine(timezone.now() + datetime.timedelta(days=4))

    html = client.get("/en/docking/").content.decode()

    assert titles(html) == ["Tyre moulds", "Two mixing lines"]
    assert titles(client.get("/en/docking/?status=closed").content.decode()) == ["N330 carbon black"]


@pytest.mark.parametrize("language, message", [("en", "Select a valid choice"), ("zh-hans", "选择一个有效的选项")])
def test_board_with_invalid_filter_answers_400_in_language(client, board, language, message):
    response = client.get(f"/{language}/docking/?category=no-such-thing&region=mars")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_board_pages_keep_the_filters(client, board, settings, monkeypatch):
    monkeypatch.setattr("apps.docking.views.public.BOARD_PAGE_SIZE", 2)

    first = client.get("/en/docking/?status=all").content.decode()
    second = client.get("/en/docking/?status=all&page=2")

    assert titles(first) == ["Tyre moulds", "N330 carbon black"]
    assert 'href="?status=all&amp;page=2"' in first
    assert titles(second.content.decode()) == ["Two mixing lines"]
    assert client.get("/en/docking/?status=all&page=9").status_code == 404


def test_verified_only_requirement_is_listed_for_verified_members_only(client, board, lead, lead_member,
                                                                       categories, docking_editor, other_member,
                                                                       unverified_member):
    requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["mixing"]],
                     title_en="Confidential line", visibility=Visibility.VERIFIED)

    assert "Confidential line" not in client.get("/en/docking/").content.decode()
    client.force_login(unverified_member)
    assert "Confidential line" not in client.get("/en/docking/").content.decode()
    client.force_login(other_member)
    assert titles(client.get("/en/docking/").content.decode())[0] == "Confidential line"


def test_anonymous_board_is_cached_and_a_publication_shows_at_once(client, board, lead, lead_member, categories,
                                                                   docking_editor, django_assert_num_queries,
                                                                   django_capture_on_commit_callbacks):
    first = client.get("/en/docking/")
    with django_assert_num_queries(0):
        again = client.get("/en/docking/")
    assert again.content == first.content and not first.cookies

    with django_capture_on_commit_callbacks(execute=True):
        requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["mixing"]],
                         title_en="Fresh need")

    assert titles(client.get("/en/docking/").content.decode())[0] == "Fresh need"


def test_unknown_query_parameters_are_redirected_for_anonymous_visitors(client, board):
    response = client.get("/en/docking/?utm_source=x&region=jiangsu")

    assert response.status_code == 301
    assert response["Location"] == "/en/docking/?region=jiangsu"


def test_visitors_with_a_session_get_the_kept_board_until_docking_changes(client, board, lead, lead_member,
                                                                         categories, docking_editor):
    """No stored page serves a visitor with a session; the board's filters and rows are kept for those who are not
    signed in, per docking content version (apps.docking.views.public.board), and go stale with it."""
    from apps.docking.cache import content_version_bump

    client.cookies["sessionid"] = "no-such-session"
    first = client.get("/en/docking/?region=shandong")
    with_filters = first.content.decode()
    requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["mixing"]],
                     title_en="Bead wire", title_zh="胎圈钢丝", region="shandong")  # no bump: the test's transaction
    kept = client.get("/en/docking/?region=shandong")
    content_version_bump()
    fresh = client.get("/en/docking/?region=shandong")

    assert first.status_code == kept.status_code == fresh.status_code == 200
    assert "X-Page-Cache" not in fresh.headers
    assert titles(with_filters) == titles(kept.content.decode()) == ["Tyre moulds", "Two mixing lines"]
    assert titles(fresh.content.decode()) == ["Bead wire", "Tyre moulds", "Two mixing lines"]
    assert "Clear filters" in with_filters and "Clear filters" not in client.get("/en/docking/").content.decode()
    assert client.get("/en/docking/?region=nowhere").status_code == 400  # an invalid filter is never kept
    assert client.get("/en/docking/?region=nowhere").status_code == 400
    assert titles(client.get("/zh-hans/docking/?region=shandong").content.decode()) == ["胎圈钢丝", "Tyre moulds", "两条密炼线"]


@pytest.mark.parametrize("language, title, sign_in, respond", [
    ("en", "Two mixing lines", "as a member of a verified supplier company", "Respond to this requirement"),
    ("zh-hans", "两条密炼线", "以已认证供应商企业成员的身份响应", "响应此需求"),
])
def test_a_requirement_page_is_kept_for_visitors_not_signed_in_and_fresh_for_members(
        client, board, supplier_member, docking_editor, django_assert_num_queries, language, title, sign_in,
        respond):
    """Its page, kept per docking content version for visitors who are not signed in (views.public.
    requirement_detail), reads nothing the second time; a member's is rendered for them; a requirement for
    verified companies only is never kept for a visitor, who is asked to sign in each time."""
    from apps.docking.cache import content_version_bump

    url = board["mixers"].get_absolute_url(language)
    client.cookies["sessionid"] = "no-such-session"
    first = client.get(url)
    with django_assert_num_queries(0):
        kept = client.get(url)
    assert first.status_code == kept.status_code == 200 and first.content == kept.content
    assert f"<title>{title} ·" in kept.content.decode() and sign_in in kept.content.decode()

    board["carbon"].visibility = Visibility.VERIFIED
    board["carbon"].save(update_fields=["visibility"])
    content_version_bump()
    hidden = board["carbon"].get_absolute_url(language)
    assert [client.get(hidden).status_code for _n in range(2)] == [302, 302]

    client.force_login(supplier_member)
    member = client.get(url).content.decode()
    assert respond in member and sign_in not in member


@pytest.mark.parametrize("language, parent, child", [("en", "Equipment", "Mixing lines"), ("zh-hans", "设备", "密炼线")])
def test_a_kept_category_board_names_the_category_and_its_crumbs_until_the_catalogue_changes(
        client, board, categories, language, parent, child):
    """The kept board carries its category's name and breadcrumb (no category tree is read to serve it); renaming
    the category makes it stale."""
    from apps.companies.cache import catalogue_cache

    client.cookies["sessionid"] = "no-such-session"  # no stored page: the kept main column serves
    pages = [client.get(f"/{language}/docking/?category=mixing-lines").content.decode() for _n in range(2)]
    mixing = categories["mixing"]
    mixing.set_current_language(language)
    mixing.name = f"{child} (new)"
    mixing.save()
    catalogue_cache.bump()
    renamed = client.get(f"/{language}/docking/?category=mixing-lines").content.decode()

    for html in pages:
        assert f'<h1 class="page-title">{child}</h1>' in html and f"<title>{child} · " in html
        assert f'<li>{parent}</li><li><span aria-current="page">{child}</span></li>' in html
        assert f'<link rel="alternate" type="application/rss+xml" title="{child}" href="/{language}/docking/rss/mixing-lines/">' in html
        assert titles(html) == [{"en": "Two mixing lines", "zh-hans": "两条密炼线"}[language]]
    assert f'<h1 class="page-title">{child} (new)</h1>' in renamed
