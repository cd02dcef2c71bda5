"""The search page: results with highlighted, escaped snippets, facets kept in the URL, pagination, "did you
mean", the zero-results page, noindex, bad input, the header box and the OpenSearch description."""

import datetime

import pytest
from django.utils import timezone

from apps.search import selectors
from tests.factories import ArticleFactory, CompanyFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _article(number, title_en, body_en="", title_zh=None, days_ago=1):
    translations = {"en": {"title": title_en, "slug": f"s-{number}", "body": body_en}}
    if title_zh:
        translations["zh-hans"] = {"title": title_zh, "slug": f"zs-{number}", "body": ""}
    return ArticleFactory(number=number, translations=translations,
                          publish_at=timezone.now() - datetime.timedelta(days=days_ago))


@pytest.mark.parametrize("count", [1, 3])
def test_results_page_queries_stay_flat(client, reindex, django_assert_max_num_queries, count):
    for number in range(count):
        _article(700 + number, f"Carbon black outlook {number}", "<p>Carbon black demand.</p>")
    reindex()
    with django_assert_max_num_queries(10):
        response = client.get("/en/search/", {"q": "carbon black"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="search-hit"') == count
    assert "Carbon black outlook 0" in html.replace("<mark>", "").replace("</mark>", "")
    assert '<meta name="robots" content="noindex">' in html
    assert "private" in response["Cache-Control"]


def test_snippets_and_titles_escape_the_text_then_mark_the_match(client, reindex):
    _article(710, "Tyre <b>grip</b> & wet roads", "<p>The &lt;script&gt;alert(1)&lt;/script&gt; tyre test.</p>")
    reindex()
    html = client.get("/en/search/", {"q": "tyre"}).content.decode()
    assert "<mark>Tyre</mark> &lt;b&gt;grip&lt;/b&gt; &amp; wet roads" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>tyre</mark> test" in html
    assert "<script>alert" not in html


def test_a_chinese_match_is_marked_in_the_chinese_page(client, reindex):
    _article(711, "Rubber", title_zh="天然橡胶进口增加")
    reindex()
    html = client.get("/zh-hans/search/", {"q": "天然橡胶"}).content.decode()
    assert "<mark>天然橡胶</mark>进口增加" in html
    assert "1 result" not in html and "搜索" in html  # the page speaks Chinese


def test_facets_with_counts_are_kept_in_the_url(client, reindex, coming_edition):
    company = CompanyFactory(slug="graphite", name_en="Graphite Carbon Works", name_zh="石墨碳素")
    ParticipationFactory(company=company, edition=coming_edition, booths=["B-2"])
    _article(712, "Carbon prices", "<p>carbon</p>")
    _article(713, "Carbon exports", "<p>carbon</p>")
    reindex()
    results = selectors.search(query=selectors.Query(q="carbon"), language="en")
    by_type = {facet.value: facet.count for facet in results.facets["type"]}
    assert by_type == {"company": 1, "article": 2}
    edition = results.facets["edition"][0]
    assert (edition.value, edition.count, edition.url) == (coming_edition.slug, 1,
                                                           f"?q=carbon&edition={coming_edition.slug}")
    html = client.get("/en/search/", {"q": "carbon", "type": "article"}).content.decode()
    assert html.count('class="search-hit"') == 2
    assert 'href="?q=carbon" data-facet="type" data-value="article" aria-current="true"' in html
    assert 'href="?q=carbon&amp;type=company" data-facet="type" data-value="company"' in html
    html = client.get("/en/search/", {"q": "carbon", "edition": coming_edition.slug}).content.decode()
    assert html.count('class="search-hit"') == 1 and "Graphite" in html


def test_the_date_facet_keeps_recent_documents(client, reindex):
    _article(714, "Latex gloves", days_ago=2)
    _article(715, "Latex foam", days_ago=100)
    reindex()
    results = selectors.search(query=selectors.Query(q="latex", date="week"), language="en")
    assert [hit["title"] for hit in results.hits] == ["Latex gloves"]
    assert {facet.value: facet.count for facet in results.facets["date"]} == {"week": 1, "month": 1, "year": 2}


def test_pages_of_results(client, reindex):
    for number in range(selectors.PAGE_SIZE + 2):
        _article(720 + number, f"Silica note {number}", days_ago=number + 1)
    reindex()
    second = client.get("/en/search/", {"q": "silica", "page": 2})
    assert second.status_code == 200
    assert second.content.decode().count('class="search-hit"') == 2
    assert 'rel="prev" href="?q=silica"' in second.content.decode()
    assert client.get("/en/search/", {"q": "silica", "page": 3}).status_code == 404


def test_did_you_mean_offers_the_indexed_word(client, reindex):
    _article(740, "Vulcanizing presses", "<p>Presses.</p>")
    reindex()
    html = client.get("/en/search/", {"q": "vulcanizng"}).content.decode()
    assert 'Did you mean: <a href="?q=vulcanizing">vulcanizing</a>' in html
    assert selectors.suggestion("vulcanizing") == ""


def test_zero_results_page_helps(client, reindex):
    _article(741, "Carbon", "<p>x</p>")
    reindex()
    response = client.get("/en/search/", {"q": "zeppelin", "type": "article"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nothing found for “zeppelin”" in html
    assert 'href="?q=zeppelin">Search again without the filters' in html
    assert "pinyin" in html


def test_bad_input_is_a_400_in_the_visitors_language(client, search_site):
    response = client.get("/zh-hans/search/", {"q": "x" * 201})
    assert response.status_code == 400
    assert "200" in response.content.decode() and "此搜索无法进行" in response.content.decode()
    assert client.get("/en/search/", {"q": "a", "page": "x"}).status_code == 400
    assert client.get("/en/search/", {"q": "a", "type": "nope"}).status_code == 400


def test_an_empty_query_shows_the_hint(client, search_site):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert "Find companies, products, news" in response.content.decode()


def test_the_header_has_a_search_box_and_an_opensearch_link(client, search_site):
    html = client.get("/zh-hans/").content.decode()
    assert ('<form class="header-search" method="get" action="/zh-hans/search/" role="search" '
            'aria-label="站内搜索">') in html  # named: pages with a search form of their own have two landmarks
    assert 'rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml?lang=zh-hans"' in html
    description = client.get("/opensearch.xml", {"lang": "zh-hans"})
    assert description.status_code == 200
    assert description["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/zh-hans/search/?q={searchTerms}"' in description.content.decode()


def test_the_language_switch_keeps_the_query(client, search_site):
    html = client.get("/zh-hans/search/", {"q": "轮胎"}).content.decode()
    assert 'href="/en/search/?q=%E8%BD%AE%E8%83%8E"' in html


def test_anonymous_searches_are_rate_limited(client, search_site, settings):
    settings.RATELIMITS = {**settings.RATELIMITS, "search": {"ip": "2/m"}}
    assert client.get("/en/search/", {"q": "a"}).status_code == 200
    assert client.get("/en/search/", {"q": "b"}).status_code == 200
    assert client.get("/en/search/", {"q": "c"}).status_code == 429
