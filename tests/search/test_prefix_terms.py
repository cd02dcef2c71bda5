"""A word typed in part stands for the indexed title terms it begins (models.Term), matched exactly: names and
pinyin are found from their first letters, without a prefix scan of the index's body words."""

import pytest

from apps.search import backends, selectors, services
from apps.search.models import Term
from tests.factories import ArticleFactory, CompanyFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _titles(q, language="en"):
    return [hit["title"] for hit in selectors.search(query=selectors.Query(q=q), language=language).hits]


@pytest.fixture
def corpus(reindex, coming_edition):
    company = CompanyFactory(slug="sulphur-co", name_en="Sulphur Trading House", name_zh="硫磺贸易行")
    ParticipationFactory(company=company, edition=coming_edition)
    ArticleFactory(number=901, translations={"en": {"title": "Weekly market note", "slug": "weekly-note",
                                                    "body": "<p>Sulphide fumes at the plant gate.</p>"}})
    ArticleFactory(number=902, translations={"en": {"title": "Sulphur prices", "slug": "sulphur-prices",
                                                    "body": "<p>Prices rose.</p>"}})
    reindex()


def test_the_title_terms_are_the_latin_tokens_of_the_titles(corpus):
    terms = set(Term.objects.values_list("term", flat=True))
    assert {"sulphur", "trade", "price", "liuhuang"} <= terms  # stems, and the Chinese name's pinyin
    assert not {"fume", "sulphid"} & terms  # body words are no title terms
    assert "sulphur" in backends.prefix_terms({"sulph"})["sulph"]


def test_a_prefix_finds_titles_and_the_bodies_holding_the_whole_term(corpus):
    assert set(_titles("sulph")) == {"Sulphur Trading House", "Sulphur prices"}
    assert "Weekly market note" not in _titles("sulph")  # "sulphide" is in no title: no prefix scan of bodies
    assert _titles("sulphide") == ["Weekly market note"]  # the whole word is still found in a body


def test_pinyin_typed_in_part_finds_the_chinese_name(corpus):
    assert _titles("liuhu", "zh-hans") == ["硫磺贸易行"]


def test_a_prefix_stands_for_at_most_so_many_terms_the_shortest_first(db):
    Term.objects.bulk_create([Term(term=f"zeta{'x' * n}") for n in range(backends.PREFIX_TERMS + 5)])
    widened = backends.prefix_terms({"zeta"})["zeta"]
    assert len(widened) == backends.PREFIX_TERMS
    assert widened[0] == "zeta" and widened[-1] == "zeta" + "x" * (backends.PREFIX_TERMS - 1)


def test_a_cached_prefix_learns_the_terms_of_titles_indexed_since(corpus, coming_edition,
                                                                  django_capture_on_commit_callbacks):
    assert _titles("zhongce") == [] and "zhongce" not in backends.prefix_terms({"zhong"}).get("zhong", [])
    company = CompanyFactory(slug="zhongce", name_en="Zhongce Rubber", name_zh="中策橡胶")
    ParticipationFactory(company=company, edition=coming_edition)

    with django_capture_on_commit_callbacks(execute=True):
        services.object_index(type="company", object_id=company.pk)

    assert "zhongce" in backends.prefix_terms({"zhong"})["zhong"]
    assert _titles("zhongc") == ["Zhongce Rubber"]
