"""The expo directory's keyword search and the trading board's word search read the site-search index (stemming,
synonyms, pinyin, body text) and keep their own filters and rules."""

import re

import pytest

from apps.search.models import Document
from apps.trading import services as trading_services
from tests.factories import (
    CompanyFactory,
    EditionFactory,
    HallFactory,
    NoticeFactory,
    ParticipationFactory,
    ProductFactory,
    TradingCenterFactory,
    UserFactory,
)
from tests.factories.trading import notice_translations

pytestmark = pytest.mark.django_db
DIRECTORY = "/en/expo/board-expo/exhibitors/"


def names(response):
    return re.findall(r'<h2 class="expo-exhibitor-name"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def exhibitors(expo_page):
    edition = EditionFactory(slug="board-expo")
    HallFactory(edition=edition, code="A")
    HallFactory(edition=edition, code="B", position=1)
    longyuan = CompanyFactory(slug="longyuan-b", name_en="Longyuan Rubber", name_zh="隆远橡胶")
    ParticipationFactory(company=longyuan, edition=edition, booths=["A-1"])
    ProductFactory(company=longyuan, en="Truck tyres", zh="卡车轮胎")
    hengtai = CompanyFactory(slug="hengtai-b", name_en="Hengtai Tire Works", name_zh="恒泰轮胎")
    ParticipationFactory(company=hengtai, edition=edition)
    return {"longyuan": longyuan, "hengtai": hengtai, "edition": edition}


def test_the_directory_finds_stems_synonyms_and_pinyin_through_the_index(client, exhibitors):
    assert names(client.get(DIRECTORY, {"q": "tires"})) == ["Hengtai Tire Works", "Longyuan Rubber"]  # tyres = tires
    assert names(client.get(DIRECTORY, {"q": "longy"})) == ["Longyuan Rubber"]
    assert names(client.get("/zh-hans/expo/board-expo/exhibitors/", {"q": "hengtai"})) == ["恒泰轮胎"]
    assert names(client.get(DIRECTORY, {"q": "tires", "hall": "A"})) == ["Longyuan Rubber"]  # filters kept


def test_the_directory_reads_the_index_not_the_names(client, exhibitors):
    assert Document.objects.filter(type="company", object_id=exhibitors["hengtai"].pk).count() == 2
    from apps.search import backends

    rows = Document.objects.filter(type="company", object_id=exhibitors["hengtai"].pk)
    backends.fts_delete(rows.values_list("id", "title_tokens", "body_tokens"))
    rows.delete()  # out of the index: the directory no longer finds it, though its names did not change
    assert names(client.get(DIRECTORY, {"q": "tires"})) == ["Longyuan Rubber"]


@pytest.fixture
def board(trading_pages):
    center = TradingCenterFactory(slug="board-center")
    made = {
        "typhoon": NoticeFactory(center=center, translations=notice_translations(
            "Typhoon season", "台风季节", "<p>Warehouses close during storms.</p>")),
        "holiday": NoticeFactory(center=center, translations=notice_translations("Qingming holiday", "清明节休市")),
    }
    return center, made


def _titles(client, center, q, language="en"):
    html = client.get(f"/{language}/trading/{center.slug}/", {"q": q}).content.decode()
    return re.findall(r'class="notice-title" href="[^"]+"(?: lang="[^"]+")?>([^<]+)</a>', html)


def test_the_trading_board_searches_titles_and_text_through_the_index(client, board):
    center, _made = board
    assert _titles(client, center, "holidays") == ["Qingming holiday"]  # stemmed
    assert _titles(client, center, "storm") == ["Typhoon season"]  # the text, not only the title
    assert _titles(client, center, "台风", "zh-hans") == ["台风季节"]


def test_the_board_still_finds_withdrawn_notices_which_the_site_search_hides(client, board):
    center, made = board
    trading_services.notice_withdraw(notice=made["typhoon"], user=UserFactory(role="Editors"))
    assert _titles(client, center, "typhoon") == ["Typhoon season"]
    html = client.get("/en/search/", {"q": "typhoon"}).content.decode()
    assert "Nothing found for “typhoon”" in html
