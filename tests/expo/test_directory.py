"""The public exhibitor directory: filters, A-Z, pagination, counts, and only public data."""

import datetime

import pytest
from django.utils import timezone

from apps.companies.models import ChainSegment
from apps.companies.regions import Region
from apps.expo.models import EditionStatus
from tests.factories import (
    BoothFactory,
    CompanyFactory,
    EditionFactory,
    HallFactory,
    ParticipationFactory,
    ProductCategoryFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("expo_page")
URL = "/en/expo/rubber-expo-2026/exhibitors/"


def names_in(response):
    html = response.content.decode()
    return [part.split('">', 1)[1].split("</a>")[0] for part in html.split('<h2 class="expo-exhibitor-name"><a href="')[1:]]


@pytest.fixture
def edition(db):
    edition = EditionFactory(slug="rubber-expo-2026")
    HallFactory(edition=edition, code="A")
    HallFactory(edition=edition, code="B", position=1)
    return edition


@pytest.fixture
def exhibitors(edition):
    """Four exhibitors across halls, segments, regions and categories."""
    rubber = ProductCategoryFactory(slug="natural-rubber", en="Natural rubber", zh="天然橡胶")
    latex = ProductCategoryFactory(slug="latex", en="Latex", zh="浓缩胶乳", parent=rubber)
    tires = ProductCategoryFactory(slug="tires", en="Tires", zh="轮胎")
    hall_b = edition.halls.get(code="B")
    plantation = ParticipationFactory(
        company=CompanyFactory(slug="nandao", name_en="Nandao Latex", name_zh="南岛胶乳有限公司", region=Region.HAINAN,
                               segment=ChainSegment.UPSTREAM),
        edition=edition, booths=["A101"], categories=[latex])
    tire = ParticipationFactory(
        company=CompanyFactory(slug="longyuan", name_en="Longyuan Tire", name_zh="青岛隆远轮胎有限公司",
                               region=Region.SHANDONG, segment=ChainSegment.DOWNSTREAM),
        edition=edition, booths=[BoothFactory(hall=hall_b, code="B101")])
    ProductFactory(company=tire.company, en="Truck tire", zh="载重轮胎", categories=[tires])
    carbon = ParticipationFactory(
        company=CompanyFactory(slug="huaxing", name_en="Huaxing Carbon Black", name_zh="潍坊华星炭黑有限公司",
                               region=Region.SHANDONG, segment=ChainSegment.UPSTREAM),
        edition=edition, booths=["A102"])
    ProductFactory(company=carbon.company, en="Latex concentrate", zh="胶乳", categories=[latex])
    machinery = ParticipationFactory(
        company=CompanyFactory(slug="haiyue", name_en="Haiyue Machinery", name_zh="青岛海岳橡胶机械有限公司",
                               region=Region.SHANDONG, segment=ChainSegment.MIDSTREAM),
        edition=edition, booths=[BoothFactory(hall=hall_b, code="B102")])
    return {"plantation": plantation, "tire": tire, "carbon": carbon, "machinery": machinery}


def test_directory_lists_confirmed_exhibitors_a_to_z_with_count(client, edition, exhibitors):
    hidden = CompanyFactory(slug="hidden", name_en="Hidden Co", name_zh="隐藏公司")
    ParticipationFactory(company=hidden, edition=edition, is_confirmed=False)

    response = client.get(URL)

    assert response.status_code == 200
    assert names_in(response) == ["Haiyue Machinery", "Huaxing Carbon Black", "Longyuan Tire", "Nandao Latex"]
    assert "4 exhibitors" in response.content.decode()
    assert "Hidden Co" not in response.content.decode()


@pytest.mark.parametrize("query, expected", [
    ("hall=B", ["Haiyue Machinery", "Longyuan Tire"]),
    ("segment=upstream", ["Huaxing Carbon Black", "Nandao Latex"]),
    ("region=hainan", ["Nandao Latex"]),
    ("category=natural-rubber", ["Huaxing Carbon Black", "Nandao Latex"]),  # descendants, exhibit or product
    ("category=tires", ["Longyuan Tire"]),
    ("letter=H", ["Haiyue Machinery", "Huaxing Carbon Black"]),
    ("hall=A&segment=upstream&region=shandong", ["Huaxing Carbon Black"]),
    ("hall=B&category=tires&letter=L&q=truck", ["Longyuan Tire"]),
    ("hall=A&category=tires", []),
])
def test_each_filter_and_combinations(client, exhibitors, query, expected):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert names_in(response) == expected


def test_pinyin_initials_order_and_filter_in_chinese(client, exhibitors):
    response = client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/")
    filtered = client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/?pinyin=Q")

    assert names_in(response) == ["南岛胶乳有限公司", "青岛海岳橡胶机械有限公司", "青岛隆远轮胎有限公司",
                                  "潍坊华星炭黑有限公司"]  # N, Q, Q, W
    assert names_in(filtered) == ["青岛海岳橡胶机械有限公司", "青岛隆远轮胎有限公司"]
    assert "?pinyin=Q" in response.content.decode()  # the pinyin A-Z bar on Chinese pages


def test_names_starting_with_a_digit_go_under_hash(client, edition):
    ParticipationFactory(company=CompanyFactory(slug="3a", name_en="3A Additives", name_zh="3A助剂"), edition=edition)
    ParticipationFactory(company=CompanyFactory(slug="acme", name_en="Acme Rubber", name_zh="阿克米橡胶"),
                         edition=edition)

    assert names_in(client.get(URL)) == ["Acme Rubber", "3A Additives"]  # '#' after Z
    assert names_in(client.get(f"{URL}?letter=%23")) == ["3A Additives"]
    assert names_in(client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/?pinyin=A")) == ["阿克米橡胶"]
    assert names_in(client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/?pinyin=%23")) == ["3A助剂"]


def test_links_keep_the_other_filters(client, exhibitors):
    html = client.get(f"{URL}?hall=A&q=latex").content.decode()

    assert 'href="?hall=A&amp;q=latex&amp;letter=N"' in html
    assert 'name="q" value="latex"' in html


def test_pagination_24_per_page_keeps_filters(client, edition):
    for number in range(30):
        company = CompanyFactory(slug=f"firm-{number:02d}", name_en=f"Firm {number:02d}", name_zh=f"公司{number:02d}",
                                 segment=ChainSegment.SERVICES)
        ParticipationFactory(company=company, edition=edition)

    first = client.get(f"{URL}?segment=services")
    second = client.get(f"{URL}?segment=services&page=2")

    assert len(names_in(first)) == 24 and names_in(first)[0] == "Firm 00"
    assert names_in(second) == [f"Firm {number}" for number in range(24, 30)]
    assert "30 exhibitors" in first.content.decode()
    assert 'href="?segment=services&amp;page=2"' in first.content.decode()


@pytest.mark.parametrize("query", ["page=99", "page=abc", "page=0"])
def test_bad_page_numbers_are_404(client, exhibitors, query):
    assert client.get(f"{URL}?{query}").status_code == 404


@pytest.mark.parametrize("query", ["hall=Z", "category=nope", "segment=bad", "region=mars", "letter=AB"])
def test_unknown_filter_values_are_a_400_with_the_error_shown(client, exhibitors, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_unknown_filter_values_are_explained_in_chinese(client, exhibitors):
    response = client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/?hall=Z")

    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()


def test_draft_edition_and_unknown_edition_are_404(client, db):
    EditionFactory(slug="draft-expo", status=EditionStatus.DRAFT)

    for path in ("/en/expo/draft-expo/exhibitors/", "/en/expo/draft-expo/", "/en/expo/nope/exhibitors/"):
        assert client.get(path).status_code == 404


def test_closed_edition_stays_public(client, db):
    edition = EditionFactory(slug="rubber-expo-2025", status=EditionStatus.CLOSED)
    ParticipationFactory(company=CompanyFactory(slug="old", name_en="Old Exhibitor", name_zh="老展商"), edition=edition)

    assert names_in(client.get("/en/expo/rubber-expo-2025/exhibitors/")) == ["Old Exhibitor"]


def test_expo_root_shows_cms_content_and_the_current_edition(client, expo_page, db):
    from cms.api import add_plugin
    from cms.models import PageContent

    content = PageContent.admin_manager.get(page=expo_page, language="en")
    add_plugin(content.get_placeholders().get(slot="intro"), "TextPlugin", "en", body="<p>Meet the whole chain.</p>")
    EditionFactory(slug="rubber-expo-2025", status=EditionStatus.CLOSED, name_en="Expo 2025",
                   starts_on=datetime.date(2025, 9, 16))
    # upcoming by its dates (an edition's shown status follows them)
    current = EditionFactory(slug="rubber-expo-2026", status=EditionStatus.UPCOMING, name_en="Expo 2026",
                             starts_on=timezone.localdate() + datetime.timedelta(days=30))
    EditionFactory(slug="rubber-expo-2027", status=EditionStatus.DRAFT, name_en="Expo 2027")
    HallFactory(edition=current, code="A", name_en="Hall A")
    ParticipationFactory(company=CompanyFactory(slug="one", name_en="One Co", name_zh="一号公司"), edition=current,
                         booths=["A101"])

    html = client.get("/en/expo/").content.decode()

    assert "Meet the whole chain." in html
    assert '<h2 id="edition-rubber-expo-2026">' in html
    assert 'href="/en/expo/rubber-expo-2026/exhibitors/">Exhibitor directory (1 exhibitor)' in html
    assert 'href="/en/expo/rubber-expo-2026/halls/A/">Hall A</a>' in html
    assert "Expo 2025" in html and "Expo 2027" not in html


def test_expo_root_falls_back_to_the_latest_closed_edition_in_chinese(client, db):
    EditionFactory(slug="rubber-expo-2024", status=EditionStatus.CLOSED, name_zh="2024博览会",
                   starts_on=datetime.date(2024, 9, 1))
    EditionFactory(slug="rubber-expo-2025", status=EditionStatus.CLOSED, name_zh="2025博览会",
                   starts_on=datetime.date(2025, 9, 1))

    html = client.get("/zh-hans/expo/").content.decode()

    assert '<h2 id="edition-rubber-expo-2025">' in html and "展商名录（0家展商）" in html


def test_signed_in_visitors_get_the_kept_main_column_until_the_expo_changes(client, edition, exhibitors):
    """Visitors with a session are never served a stored page; the directory's main column is kept for them per
    content version of expo (apps.expo.views.directory) and goes stale with it."""
    from apps.expo.cache import expo_cache

    client.cookies["sessionid"] = "no-such-session"
    first = client.get(f"{URL}?hall=B")
    ParticipationFactory(company=CompanyFactory(slug="newco", name_en="Binhai Rubber", name_zh="滨海橡胶"),
                         edition=edition, booths=[BoothFactory(hall=edition.halls.get(code="B"), code="B103")])
    kept = client.get(f"{URL}?hall=B")
    expo_cache.bump()
    fresh = client.get(f"{URL}?hall=B")

    assert first.status_code == kept.status_code == fresh.status_code == 200
    assert "X-Page-Cache" not in fresh.headers
    assert names_in(first) == names_in(kept) == ["Haiyue Machinery", "Longyuan Tire"]
    assert names_in(fresh) == ["Binhai Rubber", "Haiyue Machinery", "Longyuan Tire"]
    assert '<meta name="robots" content="noindex, follow">' in fresh.content.decode()  # a filtered list
    assert client.get(f"{URL}?hall=Z").status_code == 400  # an invalid filter is rendered, never kept
    assert client.get(f"{URL}?hall=Z").status_code == 400
