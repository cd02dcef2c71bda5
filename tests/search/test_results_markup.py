"""The facets and hits of the results page are written in Python (apps/search/templatetags/search_tags.py): every
value escaped, the highlighted title and snippet kept as the safe HTML the highlighter made."""

import datetime

from django.utils import translation

from apps.search.selectors import Facet, Query, Results
from apps.search.snippets import highlighter
from apps.search.templatetags.search_tags import search_facets, search_hits


def _facet(label, value, selected=False):
    return Facet(value=value, label=label, count=3, url=f"?q=x&category={value}", selected=selected)


def test_facet_labels_values_and_urls_are_escaped_and_the_chosen_one_is_marked():
    results = Results(query=Query(q="x"), capped=True, facets={
        "type": [], "category": [_facet("<b>Tyres</b>", '"a"&', selected=True), _facet("Belts & hoses", "belts")]})
    with translation.override("zh-hans"):
        html = search_facets(results)
    assert "<h2>类别</h2>" in html  # the heading in the page's language
    assert "&lt;b&gt;Tyres&lt;/b&gt;" in html and "<b>" not in html
    assert 'data-value="&quot;a&quot;&amp;"' in html and 'href="?q=x&amp;category=&quot;a&quot;&amp;"' in html
    assert html.count('aria-current="true"') == 1 and "(3+)" in html and "Belts &amp; hoses" in html
    assert 'data-facet="type"' not in html  # a facet without values has no section


def test_hits_escape_their_labels_and_keep_the_marked_title():
    mark = highlighter("tire")
    hit = {"type": "article", "type_label": "News <article>", "url": '/en/news/a/?x="1"',
           "published_at": datetime.datetime(2026, 9, 18, 23, 30, tzinfo=datetime.UTC),
           "edition_label": "<script>", "hall_label": "", "category_label": "Tires & tubes",
           "title_html": mark("Radial <tire>"), "snippet": mark("A tire & more")}
    html = search_hits([hit, {**hit, "published_at": None, "snippet": ""}])
    assert html.count('<li class="search-hit" data-type="article">') == 2
    assert "News &lt;article&gt;" in html and "&lt;script&gt;" in html and "Tires &amp; tubes" in html
    assert "Radial &lt;<mark>tire</mark>&gt;" in html and "A <mark>tire</mark> &amp; more" in html
    assert 'href="/en/news/a/?x=&quot;1&quot;"' in html
    assert '<time datetime="2026-09-19T07:30:00+08:00">2026-09-19</time>' in html  # in the site's time zone
    assert html.count("<time") == 1 and html.count('class="search-snippet"') == 1
