"""The expo's home-page plugin: the current edition's dates, venue and halls, a few confirmed exhibitors with their
logos and the way to the directory, in the page's language, in three queries, and fresh on the cached home page
once an exhibitor is confirmed."""

import datetime

import pytest
from cms.models import Page
from django.utils import timezone

from apps.companies.models import Company
from apps.expo import services
from apps.expo.models import EditionStatus
from tests.factories import CompanyFactory, EditionFactory, HallFactory, ParticipationFactory
from tests.support.home_plugins import home_html, home_plugin_place, plugin_html


@pytest.fixture
def placed(expo_page, editor):
    return home_plugin_place(Page.objects.get(is_home=True), editor, "ExpoHomePlugin", slot="expo", exhibitors=3)


@pytest.fixture
def edition(db):
    edition = EditionFactory(slug="rubber-expo-2027", name_en="Rubber Expo 2027", name_zh="橡胶博览会2027",
                             status=EditionStatus.UPCOMING, starts_on=datetime.date(2027, 9, 16))
    HallFactory(edition=edition, code="A", name_en="Hall of Materials", name_zh="材料馆")
    HallFactory(edition=edition, code="B", name_en="Hall of Machines", name_zh="装备馆", position=1)
    return edition


def _exhibitor(edition, slug, en, zh, *, logo=True, confirmed=True):
    company = CompanyFactory(slug=slug, name_en=en, name_zh=zh)
    if logo:
        Company.objects.filter(pk=company.pk).update(logo=f"companies/logos/{slug}.png")
    ParticipationFactory(company=company, edition=edition, is_confirmed=confirmed)
    return company


@pytest.mark.parametrize("language, shown, hidden", [
    ("en", ["Rubber Expo 2027", "Hall of Materials", "Hall of Machines", "Longyuan Tyre", "Qingdao International Expo Center · Qingdao",
            "The expo", "Halls", "in the directory", "Sept. 16, 2027"],
     ["橡胶博览会", "材料馆", "隆远轮胎", "展商"]),
    ("zh-hans", ["橡胶博览会2027", "材料馆", "装备馆", "隆远轮胎", "青岛国际博览中心", "2027年9月16日"],
     ["Rubber Expo", "Hall of", "Longyuan", "The expo", "Halls", "in the directory", "Upcoming"]),
])
def test_home_shows_the_current_edition_in_its_language(client, placed, edition, language, shown, hidden):
    _exhibitor(edition, "longyuan", "Longyuan Tyre", "隆远轮胎")
    _exhibitor(edition, "waiting", "Waiting Co", "待定公司", confirmed=False)

    html = home_html(client, language)

    block = html[html.index("live-block expo-home"):]
    block = block[:block.index("</section>")]
    for text in shown:
        assert text in block
    for text in hidden:
        assert text not in block
    assert "Waiting Co" not in block and "待定公司" not in block  # not confirmed
    assert 'src="/media/companies/logos/longyuan.png" alt="" width="64" height="64"' in block
    assert f'href="/{language}/expo/rubber-expo-2027/exhibitors/"' in block


def test_home_prefers_the_open_edition_and_exhibitors_with_logos(client, placed, edition):
    current = EditionFactory(slug="rubber-expo-now", name_en="Rubber Expo Now", status=EditionStatus.OPEN,
                             starts_on=timezone.localdate() - datetime.timedelta(days=1))  # on today
    EditionFactory(slug="rubber-expo-old", name_en="Rubber Expo Old", status=EditionStatus.CLOSED,
                   starts_on=datetime.date(2025, 9, 16))
    _exhibitor(current, "plain", "Plain Co", "朴素公司", logo=False)
    _exhibitor(current, "logo-co", "Logo Co", "标志公司")

    html = home_html(client, "en")

    assert "Rubber Expo Now" in html and "Rubber Expo 2027" not in html and "Rubber Expo Old" not in html
    assert html.index("Logo Co") < html.index("Plain Co")
    assert '<span class="live-logo-empty" aria-hidden="true"></span>' in html  # same box without a logo


@pytest.mark.parametrize("count", [1, 3])
def test_plugin_renders_in_three_queries_whatever_the_size_of_the_expo(placed, edition, count,
                                                                       django_assert_num_queries):
    for n in range(count):
        _exhibitor(edition, f"maker-{n}", f"Maker {n}", f"制造商{n}")
        HallFactory(edition=edition, code=f"C{n}", name_en=f"Extra hall {n}", name_zh=f"扩展馆{n}", position=2 + n)

    with django_assert_num_queries(3):
        html = plugin_html(placed["zh-hans"], "zh-hans")

    assert html.count('<img src="/media/companies/logos/maker-') == count
    assert all(f"制造商{n}" in html and f"扩展馆{n}" in html for n in range(count))


def test_cached_home_shows_an_exhibitor_once_confirmed(client, placed, edition, django_capture_on_commit_callbacks):
    _exhibitor(edition, "first", "First Exhibitor", "首家展商")
    assert "First Exhibitor" in home_html(client, "en")
    assert client.get("/en/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        _exhibitor(edition, "second", "Second Exhibitor", "第二家展商")
        services.expo_changed()  # what the admin calls after confirming a participation

    assert "Second Exhibitor" in home_html(client, "en")
