"""A fixed bilingual corpus and the results expected at the top, on SQLite and on PostgreSQL alike."""

import datetime

import pytest
from django.utils import timezone

from apps.search import selectors
from apps.search.selectors import Query
from tests.factories import ArticleFactory, CompanyFactory, NoticeFactory, ParticipationFactory, ProductFactory
from tests.factories.trading import notice_translations

pytestmark = pytest.mark.django_db


def _article(number, title_en, title_zh, body_en="", body_zh="", days_ago=1):
    return ArticleFactory(number=number, publish_at=timezone.now() - datetime.timedelta(days=days_ago),
                          translations={
                              "en": {"title": title_en, "slug": f"a-{number}", "body": f"<p>{body_en}</p>"},
                              "zh-hans": {"title": title_zh, "slug": f"zh-{number}", "body": f"<p>{body_zh}</p>"}})


@pytest.fixture
def corpus(reindex, coming_edition):
    longyuan = CompanyFactory(slug="longyuan", name_en="Longyuan Tyre Co.", name_zh="隆远轮胎有限公司")
    ParticipationFactory(company=longyuan, edition=coming_edition, booths=["A-101"])
    ProductFactory(company=longyuan, en="All-steel radial tyre", zh="全钢子午线轮胎", description_en="For trucks",
                   description_zh="卡车用")
    haiwan = CompanyFactory(slug="haiwan", name_en="Haiwan Carbon Black", name_zh="海湾炭黑")
    ParticipationFactory(company=haiwan, edition=coming_edition)
    objects = {
        "longyuan": longyuan, "haiwan": haiwan,
        "rubber_title": _article(901, "Natural rubber prices rise", "天然橡胶价格上涨",
                                 "Traders expect more.", "交易商预计还会上涨。", days_ago=3),
        "rubber_body": _article(902, "Market weekly", "市场周报",
                                "Natural rubber was steady this week.", "本周天然橡胶价格平稳。", days_ago=3),
        "tyre_old": _article(903, "Tyre exports grow", "轮胎出口增长", days_ago=300),
        "tyre_new": _article(904, "Tyre exports grow again", "轮胎出口再次增长", days_ago=1),
        "notice": NoticeFactory(translations=notice_translations(
            "Radial tire delivery rules", "子午线轮胎交割规则", "<p>Warehouses for radial tires.</p>",
            "<p>子午线轮胎交割仓库。</p>")),
    }
    reindex()
    return objects


def _top(q, language, n=3, **filters):
    results = selectors.search(query=Query(q=q, **filters), language=language)
    return [(hit["type"], hit["object_id"]) for hit in results.hits[:n]], results


def test_a_four_character_chinese_term_ranks_the_title_match_first(corpus):
    top, results = _top("天然橡胶", "zh-hans")
    assert top[:2] == [("article", corpus["rubber_title"].pk), ("article", corpus["rubber_body"].pk)]
    assert results.total == 2


def test_a_two_character_chinese_query_finds_companies_products_articles_and_notices(corpus):
    _top_hits, results = _top("轮胎", "zh-hans", n=20)
    found = {(hit["type"], hit["object_id"]) for hit in results.hits}
    assert {("company", corpus["longyuan"].pk), ("notice", corpus["notice"].pk),
            ("article", corpus["tyre_new"].pk), ("article", corpus["tyre_old"].pk)} <= found
    assert ("company", corpus["haiwan"].pk) not in found


def test_a_one_character_query_works(corpus):
    _top_hits, results = _top("炭", "zh-hans")
    assert [(hit["type"], hit["object_id"]) for hit in results.hits] == [("company", corpus["haiwan"].pk)]


def test_newer_news_ranks_above_older_news_with_the_same_words(corpus):
    top, _results = _top("轮胎出口", "zh-hans", n=2)
    assert top == [("article", corpus["tyre_new"].pk), ("article", corpus["tyre_old"].pk)]


def test_pinyin_in_full_and_by_initials_finds_a_chinese_name(corpus):
    for q in ("longyuan", "lylt", "luntai"):
        _top_hits, results = _top(q, "zh-hans", n=10)
        assert ("company", corpus["longyuan"].pk) in {(h["type"], h["object_id"]) for h in results.hits}, q


def test_english_stemming_and_the_synonym_list(corpus):
    top, _results = _top("radial tires", "en", n=1)
    assert top == [("notice", corpus["notice"].pk)]
    _top_hits, results = _top("tire", "en", n=20)
    found = {(hit["type"], hit["object_id"]) for hit in results.hits}
    assert ("company", corpus["longyuan"].pk) in found  # "Tyre" in its name
    assert ("article", corpus["tyre_new"].pk) in found


def test_a_mixed_query_needs_both_words(corpus):
    _top_hits, results = _top("Longyuan 轮胎", "en", n=10)
    assert [(h["type"], h["object_id"]) for h in results.hits][:1] == [("company", corpus["longyuan"].pk)]
    assert results.total == 2  # the company and its product (named after it in the body)


def test_a_chinese_name_is_found_from_the_english_page(corpus):
    top, _results = _top("海湾炭黑", "en", n=1)
    assert top == [("company", corpus["haiwan"].pk)]
