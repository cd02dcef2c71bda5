"""Query counts of the public expo pages: the same with 1 and with 3 exhibitors, and none at all for a cached
anonymous page. Measured on an uncached render (a visitor with a session cookie, whom no page cache serves) in the
steady state of a content version: the page was rendered once before, so what is read once per content version
(the CMS menu, the category tree, editions, halls and their figures) is warm. The session lookup counts."""

import pytest
from django.core.cache import cache

from tests.factories import (
    ArticleFactory,
    BoothFactory,
    CompanyFactory,
    EditionFactory,
    HallFactory,
    ParticipationFactory,
    ProductCategoryFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("expo_page", "media_root")

# The session's user and django CMS's page are kept (apps.core.current_page; the menu: portal_tags.kept_menu); the
# company page keeps the rest (rendered once per content version of expo and of the sections it shows:
# apps.expo.company_page.company_page_parts), and so do the expo's pages and the directory's main column, except
# for a search (the "filtered" case)
QUERIES = {"home": 1, "edition": 0, "directory": 0, "filtered": 4, "hall": 4, "company": 0}


@pytest.fixture
def expo(db, editor, apphooked):
    apphooked("news")  # the company page lists news about the company

    def make(count):
        edition = EditionFactory(slug="rubber-expo-2026")
        hall = HallFactory(edition=edition, code="A")
        parent = ProductCategoryFactory(slug="tires", en="Tires", zh="轮胎")
        child = ProductCategoryFactory(slug="truck-tires", en="Truck tires", zh="载重轮胎", parent=parent)
        made = []
        for number in range(count):
            company = CompanyFactory(slug=f"tire-{number}", name_en=f"Tire Maker {number}",
                                     name_zh=f"青岛轮胎企业{number}")
            participation = ParticipationFactory(company=company, edition=edition, categories=[child],
                                               booths=[BoothFactory(hall=hall), BoothFactory(hall=hall)])
            ProductFactory(company=company, en=f"Truck tire {number}", zh=f"载重轮胎{number}", categories=[child],
                         images=1)
            made.append(participation)
        focus = made[0].company
        for number in range(1, count):  # the focus company: `count` participations, products, articles
            other = EditionFactory(slug=f"expo-{number}")
            ParticipationFactory(company=focus, edition=other, categories=[parent],
                               booths=[BoothFactory(hall=HallFactory(edition=other, code="A"))])
            ProductFactory(company=focus, en=f"Extra {number}", zh=f"附加{number}", images=1)
        for number in range(count):
            ArticleFactory(author=editor, number=80 + number, companies=[focus])
        cache.clear()
        return made

    return make


PAGES = {
    "home": "/en/expo/",
    "edition": "/zh-hans/expo/rubber-expo-2026/",
    "directory": "/en/expo/rubber-expo-2026/exhibitors/",
    "filtered": "/zh-hans/expo/rubber-expo-2026/exhibitors/?hall=A&category=tires&segment=midstream&pinyin=Q"
                "&q=%E8%BD%AE%E8%83%8E",
    "hall": "/en/expo/rubber-expo-2026/halls/A/?highlight=A101",
    "company": "/zh-hans/expo/companies/tire-0/",
}


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name", list(PAGES))
def test_query_count_does_not_grow(client, expo, django_assert_num_queries, count, name):
    made = expo(count)
    client.cookies["sessionid"] = "no-such-session"  # renders every time, as for editors and exhibitors
    assert client.get(PAGES[name]).status_code == 200

    with django_assert_num_queries(QUERIES[name]):
        response = client.get(PAGES[name])

    assert response.status_code == 200
    html = response.content.decode()
    if name in ("home", "edition"):
        assert made[0].edition.safe_translation_getter("name", language_code=PAGES[name].split("/")[1]) in html
    if name == "hall":
        assert html.count("/en/expo/companies/tire-") >= count  # a link per exhibitor's booth
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

    assert first.status_code == second.status_code == 200
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
