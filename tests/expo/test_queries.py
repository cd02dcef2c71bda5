"""Query counts of the public expo pages: the same with 1 and with 3 exhibitors (first, uncached request;
django CMS's page lookup and menu included), and none at all for a cached anonymous page."""

import pytest
from django.core.cache import cache

from tests.factories import CompanyFactory, make_article, make_page
from tests.factories.cms_pages import apphook_detach
from tests.factories.expo import make_booth, make_category, make_edition, make_hall, make_participation, make_product

pytestmark = pytest.mark.usefixtures("expo_page", "expo_media")

QUERIES = {"home": 16, "edition": 15, "directory": 18, "filtered": 18, "hall": 16, "company": 26}  # company: + the news and forums content versions


@pytest.fixture
def news_page(db):
    page = make_page(title_en="News Center", title_zh="新闻中心", slug="news", template="cms/section.html",
                     apphook="NewsApphook", apphook_namespace="news")
    yield page
    apphook_detach(page)


@pytest.fixture
def expo(db, editor, news_page):
    def make(count):
        edition = make_edition(slug="rubber-expo-2026")
        hall = make_hall(edition=edition, code="A")
        parent = make_category(slug="tires", en="Tires", zh="轮胎")
        child = make_category(slug="truck-tires", en="Truck tires", zh="载重轮胎", parent=parent)
        made = []
        for number in range(count):
            company = CompanyFactory(slug=f"tire-{number}", translations={
                "en": {"name": f"Tire Maker {number}"}, "zh-hans": {"name": f"青岛轮胎企业{number}"}})
            participation = make_participation(company=company, edition=edition, categories=[child],
                                               booths=[make_booth(hall=hall), make_booth(hall=hall)])
            make_product(company=company, en=f"Truck tire {number}", zh=f"载重轮胎{number}", categories=[child],
                         images=1)
            made.append(participation)
        focus = made[0].company
        for number in range(1, count):  # the focus company: `count` participations, products, articles
            other = make_edition(slug=f"expo-{number}")
            make_participation(company=focus, edition=other, categories=[parent],
                               booths=[make_booth(hall=make_hall(edition=other, code="A"))])
            make_product(company=focus, en=f"Extra {number}", zh=f"附加{number}", images=1)
        for number in range(count):
            make_article(author=editor, number=80 + number, companies=[focus])
        cache.clear()
        return made

    return make


PAGES = {
    "home": "/en/expo/",
    "edition": "/zh-hans/expo/rubber-expo-2026/",
    "directory": "/en/expo/rubber-expo-2026/exhibitors/",
    "filtered": "/zh-hans/expo/rubber-expo-2026/exhibitors/?hall=A&category=tires&segment=midstream&region=&pinyin=Q"
                "&q=%E8%BD%AE%E8%83%8E",
    "hall": "/en/expo/rubber-expo-2026/halls/A/?highlight=A101",
    "company": "/zh-hans/expo/companies/tire-0/",
}


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name", list(PAGES))
def test_query_count_does_not_grow(client, expo, django_assert_num_queries, count, name):
    expo(count)

    with django_assert_num_queries(QUERIES[name]):
        response = client.get(PAGES[name])

    assert response.status_code == 200
    html = response.content.decode()
    if name in ("directory", "filtered"):
        assert html.count('class="expo-exhibitor"') == count
    if name == "company":
        assert html.count('class="expo-participation"') == count and html.count('class="expo-product"') == count
        assert html.count('<li><a href="/zh-hans/news/xiangjiao-xinwen-') == count


@pytest.mark.parametrize("name", ["home", "edition", "directory", "hall", "company"])
def test_cached_anonymous_page_costs_no_query(client, expo, django_assert_num_queries, name):
    expo(3)
    first = client.get(PAGES[name])

    with django_assert_num_queries(0):
        second = client.get(PAGES[name])

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
