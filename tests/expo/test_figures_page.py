"""The exhibitor portal's figures page: every registered source per day of the current edition and overall, as a
table and an accessible server-rendered SVG with the same numbers, in both languages; members of the company only,
never cached, a query count that does not grow with the days that have figures."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.companies import figures
from apps.expo.figures.chart import axis_top
from apps.expo.models import ExhibitorDayFigures

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture(autouse=True)
def _expo_sources_only(monkeypatch):
    """These tests are about the page and expo's own figures; tests/leads and tests/meetings test their columns."""
    monkeypatch.setattr(figures, "_sources", {key: source for key, source in figures._sources.items()
                                               if key in ("profile_views", "product_views")})


def url(company, language="en"):
    return f"/{language}/portal/companies/{company.slug}/figures/"


def day_of(edition, offset):
    return edition.starts_on + datetime.timedelta(days=offset)


@pytest.fixture
def counted(company_a, coming_edition):
    """Views of company A: on the first and last expo day, and on a day before the expo."""
    for day, profile, product in ((day_of(coming_edition, 0), 5, 7), (day_of(coming_edition, 2), 2, 0),
                                  (day_of(coming_edition, -4), 10, 4)):
        ExhibitorDayFigures.objects.create(company=company_a, day=day, profile_views=profile, product_views=product)


def cells(html, selector):
    row = re.search(rf'<tr {selector}>(.*?)</tr>', html, re.S)[1]
    return [int(value) for value in re.findall(r"<td>(\d+)</td>", row)]


def bars(html):
    return {(day, source): int(count) for day, source, count in
            re.findall(r'data-day="([\d-]+)" data-source="(\w+)" data-count="(\d+)"', html)}


@pytest.mark.parametrize("language, heading, overall, views", [
    ("en", "Figures", "Overall", "Profile views"), ("zh-hans", "数据统计", "累计", "主页浏览量")])
def test_a_member_sees_every_day_of_the_edition_and_the_totals(client, company_a, member_a, coming_edition, counted,
                                                               language, heading, overall, views):
    client.force_login(member_a)
    response = client.get(url(company_a, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h2 id="figures-heading">{heading}</h2>' in html
    assert f'<th scope="col" data-source="profile_views">{views}</th>' in html
    assert f'<th scope="row">{overall}</th>' in html
    first, middle, last = (day_of(coming_edition, n).isoformat() for n in range(3))
    assert cells(html, f'data-day="{first}"') == [5, 7]
    assert cells(html, f'data-day="{middle}"') == [0, 0]
    assert cells(html, f'data-day="{last}"') == [2, 0]
    assert cells(html, 'class="figures-edition-total"') == [7, 7]
    assert cells(html, 'class="figures-overall"') == [17, 11]  # the day before the expo counts overall only
    assert day_of(coming_edition, -4).isoformat() not in html

    svg = re.search(r"<svg id=\"figures-chart\".*?</svg>", html, re.S)[0]
    assert 'role="img"' in svg and 'aria-labelledby="figures-chart-title figures-chart-desc"' in svg
    assert re.search(r'<title id="figures-chart-title">[^<]+</title><desc id="figures-chart-desc">[^<]+</desc>', svg)
    assert "<script" not in html.split('<div class="container portal">')[1].split("</main>")[0]
    assert bars(html) == {(first, "profile_views"): 5, (first, "product_views"): 7,
                          (middle, "profile_views"): 0, (middle, "product_views"): 0,
                          (last, "profile_views"): 2, (last, "product_views"): 0}
    if language == "zh-hans":
        assert "隆远轮胎在中国橡胶博览会期间的每日数据" in svg
        assert "Figures" not in html.split("<main")[1] and "Profile views" not in html


def test_the_tallest_bar_fills_the_plot_and_the_others_are_in_proportion(client, company_a, member_a, counted):
    client.force_login(member_a)
    html = client.get(url(company_a)).content.decode()
    heights = {int(count): float(height) for height, count in
               re.findall(r'height="([\d.]+)" fill="#\w+" data-day="[\d-]+" data-source="\w+" data-count="(\d+)"',
                          html)}
    top = axis_top(7)
    assert top == 8
    assert heights[7] == pytest.approx(heights[0] + 208 * 7 / 8, abs=0.11)
    assert heights[5] / heights[7] == pytest.approx(5 / 7, rel=0.01)


@pytest.mark.parametrize("peak, top", [(0, 4), (3, 4), (4, 4), (5, 8), (7, 8), (10, 12), (41, 60), (130, 160), (1000, 1000), (1001, 1200), (9999, 10000)])
def test_the_axis_ends_at_a_round_number(peak, top):
    assert axis_top(peak) == top


def test_every_registered_source_is_a_column_in_its_position(client, company_a, member_a, coming_edition, counted,
                                                             monkeypatch):
    def leads_per_day(*, company_id, start, end):
        assert start <= day_of(coming_edition, 1) <= end
        return {day_of(coming_edition, 1): 3} if company_id == company_a.pk else {}

    monkeypatch.setitem(figures._sources, "test-leads",
                        figures.FigureSource("test-leads", "Test leads", leads_per_day, position=15))
    client.force_login(member_a)
    html = client.get(url(company_a)).content.decode()

    columns = re.findall(r'<th scope="col" data-source="([\w-]+)">', html)
    assert columns == ["profile_views", "test-leads", "product_views"]
    assert cells(html, f'data-day="{day_of(coming_edition, 1).isoformat()}"') == [0, 3, 0]
    assert cells(html, 'class="figures-overall"') == [17, 3, 11]


def test_without_a_public_edition_only_the_overall_figures_are_shown(client, company_a, member_a, coming_edition):
    coming_edition.status = "draft"
    coming_edition.save()
    today = timezone.localdate()
    for days_ago, profile, product in ((0, 9, 1), (40, 8, 10)):
        ExhibitorDayFigures.objects.create(company=company_a, day=today - datetime.timedelta(days=days_ago),
                                           profile_views=profile, product_views=product)
    client.force_login(member_a)
    html = client.get(url(company_a)).content.decode()
    assert "only the overall figures are shown" in html
    assert 'id="figures-chart"' not in html
    assert cells(html, 'class="figures-overall"') == [17, 11]


def test_a_member_of_a_never_sees_the_figures_of_b(client, company_a, member_a, company_b, member_b, counted):
    client.force_login(member_b)
    assert client.get(url(company_a)).status_code == 404
    assert client.get(url(company_a, "zh-hans")).status_code == 404
    client.force_login(member_a)
    assert client.get(url(company_b)).status_code == 404
    assert client.get("/en/portal/companies/no-such-company/figures/").status_code == 404
    assert client.post(url(company_a)).status_code == 405


def test_editors_who_are_not_members_and_anonymous_visitors_are_refused(client, company_a, portal_editor):
    response = client.get(url(company_a))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(portal_editor)
    assert client.get(url(company_a)).status_code == 404


def test_the_page_is_never_cached(client, company_a, member_a):
    client.force_login(member_a)
    response = client.get(url(company_a))
    for directive in ("no-cache", "no-store", "private"):
        assert directive in response["Cache-Control"]


def test_the_dashboard_and_the_company_tabs_link_to_the_figures(client, company_a, member_a):
    client.force_login(member_a)
    assert f'href="{url(company_a)}"' in client.get("/en/portal/").content.decode()
    assert f'href="{url(company_a, "zh-hans")}"' in client.get(url(company_a, "zh-hans")).content.decode()
    assert f'href="{url(company_a)}" aria-current="page"' in client.get(url(company_a)).content.decode()


def _count(client, path):
    client.get(path)  # warms django CMS's in-process caches and the memoised edition
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context), response.content.decode()


def test_the_query_count_does_not_grow_with_the_days_that_have_figures(client, company_a, member_a,
                                                                       coming_edition):
    client.force_login(member_a)
    ExhibitorDayFigures.objects.create(company=company_a, day=day_of(coming_edition, 0), profile_views=4)
    one, html = _count(client, url(company_a))
    assert cells(html, 'class="figures-overall"')[0] == 4

    for offset in (1, 2, -1, -2, -9):
        ExhibitorDayFigures.objects.create(company=company_a, day=day_of(coming_edition, offset), profile_views=1,
                                           product_views=2)
    many, html = _count(client, url(company_a))
    assert cells(html, 'class="figures-overall"') == [9, 10]
    assert cells(html, 'class="figures-edition-total"') == [6, 4]

    assert one == many
    assert many <= 10
