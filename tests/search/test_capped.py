"""Past backends.CAP matches a query ranks its candidates: the newest title matches and the newest matches
anywhere, title matches first (so an old company named by the query is not buried under new articles)."""

import datetime

import pytest
from django.utils import timezone

from apps.search import backends, selectors
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_title_matches_stay_on_top_when_a_query_matches_many_documents(client, reindex, monkeypatch):
    old = ArticleFactory(number=801, publish_at=timezone.now() - datetime.timedelta(days=400),
                         translations={"en": {"title": "Sulphur supply", "slug": "sulphur", "body": "<p>x</p>"}})
    for number in range(802, 808):
        ArticleFactory(number=number, publish_at=timezone.now() - datetime.timedelta(days=1), translations={
            "en": {"title": f"Weekly note {number}", "slug": f"w-{number}", "body": "<p>Sulphur prices.</p>"}})
    reindex()
    monkeypatch.setattr(backends, "CAP", 3)
    results = selectors.search(query=selectors.Query(q="sulphur"), language="en")
    assert results.capped
    assert results.hits[0]["object_id"] == old.pk  # its title matches, though 400 days old
    assert len(results.hits) == 4  # the title match and the 3 newest matches
    html = client.get("/en/search/", {"q": "sulphur"}).content.decode()
    assert "Many results for “sulphur”" in html and "(4+)" in html
    monkeypatch.setattr(backends, "CAP", 2000)
    exact = selectors.search(query=selectors.Query(q="sulphur"), language="en")
    assert not exact.capped and exact.total == 7 and exact.hits[0]["object_id"] == old.pk


def test_cap_title_matches_are_the_candidates_and_newer_body_matches_are_not_read(client, reindex, monkeypatch,
                                                                                   django_assert_num_queries):
    titled = [ArticleFactory(number=810 + n, publish_at=timezone.now() - datetime.timedelta(days=300 + n),
                             translations={"en": {"title": f"Sulphur market {n}", "slug": f"s-{n}", "body": "<p>x</p>"}})
              for n in range(3)]
    ArticleFactory(number=820, publish_at=timezone.now() - datetime.timedelta(hours=1), translations={
        "en": {"title": "Weekly note", "slug": "weekly", "body": "<p>Sulphur prices rose.</p>"}})
    reindex()
    monkeypatch.setattr(backends, "CAP", 3)
    selectors.search(query=selectors.Query(q="sulphur"), language="en")  # the prefix's terms are cached now
    with django_assert_num_queries(2):  # the candidates (one statement) and the documents shown
        results = selectors.search(query=selectors.Query(q="sulphur"), language="en")
    assert results.capped and results.total == 3
    assert [hit["object_id"] for hit in results.hits] == [article.pk for article in titled]  # newest title first
    assert results.facets["type"][0].count == 3
    monkeypatch.setattr(backends, "CAP", 5)  # below the cap the newer body match is a candidate again, ranked last
    results = selectors.search(query=selectors.Query(q="sulphur"), language="en")
    assert not results.capped and results.total == 4 and results.hits[-1]["title"] == "Weekly note"
