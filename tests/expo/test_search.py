"""Keyword search over company and product names in Chinese and English (jieba segmentation, token match)."""

import html as htmllib

import pytest

from apps.companies.search import initial_en, initial_pinyin, query_terms, search_document
from tests.factories import CompanyFactory, EditionFactory, ParticipationFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("expo_page")
PATH = "/{language}/expo/rubber-expo-2026/exhibitors/"


def names(response):
    html = response.content.decode()
    return [htmllib.unescape(part.split('">', 1)[1].split("</a>")[0]) for part in html.split('<h2 class="expo-exhibitor-name"><a href="')[1:]]


@pytest.fixture
def exhibitors(db):
    edition = EditionFactory(slug="rubber-expo-2026")
    made = {}
    for slug, en, zh, short_zh in [
        ("longyuan", "Qingdao Longyuan Tire Co., Ltd.", "青岛隆远轮胎有限公司", "隆远轮胎"),
        ("huaxing", "Weifang Huaxing Carbon Black Co., Ltd.", "潍坊华星炭黑有限公司", "华星炭黑"),
        ("hengtai", "Qingdao Hengtai Conveyor Belt & Hose Co., Ltd.", "青岛恒泰输送带胶管有限公司", "恒泰"),
    ]:
        company = CompanyFactory(slug=slug, translations={"en": {"name": en}, "zh-hans": {"name": zh,
                                                                                          "short_name": short_zh}})
        made[slug] = ParticipationFactory(company=company, edition=edition).company
    ProductFactory(company=made["hengtai"], en="Steel-cord conveyor belt", zh="钢丝绳芯输送带")
    ProductFactory(company=made["huaxing"], en="Highly dispersible silica", zh="高分散白炭黑")
    return made


@pytest.mark.parametrize("query, expected", [
    ("轮胎", ["Qingdao Longyuan Tire Co., Ltd."]),  # a 2-character word inside a longer name
    ("炭黑", ["Weifang Huaxing Carbon Black Co., Ltd."]),  # also in 白炭黑 (product) of the same company
    ("青岛", ["Qingdao Hengtai Conveyor Belt & Hose Co., Ltd.", "Qingdao Longyuan Tire Co., Ltd."]),
    ("隆远轮胎", ["Qingdao Longyuan Tire Co., Ltd."]),  # the short name, segmented
    ("青岛 轮胎", ["Qingdao Longyuan Tire Co., Ltd."]),  # every token must match
    ("轮胎企业", []),
    ("钢丝绳", ["Qingdao Hengtai Conveyor Belt & Hose Co., Ltd."]),  # a product name finds its company
    ("CARBON", ["Weifang Huaxing Carbon Black Co., Ltd."]),  # English, case-insensitive
    ("conv", ["Qingdao Hengtai Conveyor Belt & Hose Co., Ltd."]),  # word prefix
    ("silica", ["Weifang Huaxing Carbon Black Co., Ltd."]),  # English product name
    ("luntai", ["Qingdao Longyuan Tire Co., Ltd."]),  # pinyin
    ("tire carbon", []),
])
def test_keyword_search(client, exhibitors, query, expected):
    response = client.get(PATH.format(language="en"), {"q": query})

    assert response.status_code == 200
    assert names(response) == expected


def test_search_in_chinese_page_shows_chinese_names_and_is_not_cached(client, exhibitors):
    first = client.get(PATH.format(language="zh-hans"), {"q": "炭黑"})
    second = client.get(PATH.format(language="zh-hans"), {"q": "炭黑"})

    assert names(first) == ["潍坊华星炭黑有限公司"]
    assert "X-Page-Cache" not in second


def test_punctuation_only_query_lists_everything(client, exhibitors):
    assert len(names(client.get(PATH.format(language="en"), {"q": "%%% ___ '"}))) == 3


def test_search_document_and_terms():
    document = search_document(["潍坊华星炭黑有限公司", "Huaxing Carbon-Black"])

    for token in (" 炭黑 ", " 华星 ", " 有限公司 ", " huaxing ", " carbon ", " black ", " tanhei ", " 星炭 "):
        assert token in document
    assert query_terms("隆远轮胎 Tires") == [("隆远", False), ("轮胎", False), ("tires", True)]
    assert query_terms("橡胶助剂") == [("橡胶", False), ("助剂", False)]


@pytest.mark.parametrize("name, english, pinyin", [
    ("Qingdao Tire", "Q", "Q"), ("3A Additives", "#", "#"), ("重庆山城轮胎", "#", "C"), ("长江减震", "#", "C"),
    ("阿克米", "#", "A"), ("", "#", "#"), ("  zeta", "Z", "Z"),
])
def test_initials(name, english, pinyin):
    assert (initial_en(name), initial_pinyin(name)) == (english, pinyin)
