"""Hall floor plans: server-side SVG with a link per taken booth, free booths grey, the searched one highlighted."""

import re

import pytest

from apps.expo.floorplan import COLOURS
from apps.expo.models import EditionStatus
from tests.factories import BoothFactory, CompanyFactory, EditionFactory, HallFactory, ParticipationFactory

pytestmark = pytest.mark.usefixtures("expo_page")
PLAN = "/{language}/expo/rubber-expo-2026/halls/A/"


@pytest.fixture
def hall(db):
    edition = EditionFactory(slug="rubber-expo-2026")
    hall = HallFactory(edition=edition, code="A", width=60, depth=40)
    longyuan = CompanyFactory(slug="longyuan", name_en="Longyuan Tire", name_zh="隆远轮胎")
    participation = ParticipationFactory(company=longyuan, edition=edition)
    BoothFactory(hall=hall, code="A101", participation=participation, x=4, y=4, width=6, depth=3)
    BoothFactory(hall=hall, code="A102", participation=participation, x=10, y=4, width=6, depth=3)
    BoothFactory(hall=hall, code="A103", x=16, y=4)
    hidden = ParticipationFactory(company=CompanyFactory(slug="pending"), edition=edition, is_confirmed=False)
    BoothFactory(hall=hall, code="A104", participation=hidden, x=22, y=4)
    return hall


def svg_of(response):
    return re.search(r"<svg .*?</svg>", response.content.decode(), re.S).group(0)


def test_plan_draws_every_booth_with_links_and_titles(client, hall):
    response = client.get(PLAN.format(language="en"))
    svg = svg_of(response)

    assert response.status_code == 200
    assert 'viewBox="0 0 60 40"' in svg and 'role="group"' in svg
    assert svg.count("<a ") == 2 and svg.count('class="booth booth-free"') == 2  # the unconfirmed one is free
    assert '<a id="booth-a101" href="/en/expo/companies/longyuan/" class="booth booth-taken">' in svg
    assert "<title>Booth A101: Longyuan Tire</title>" in svg
    assert '<rect x="4" y="4" width="6" height="3"' in svg
    assert "<title>Booth A103: free</title>" in svg
    assert ">A103</text>" in svg
    assert f'fill="{COLOURS["free"][0]}"' in svg
    assert "pending" not in response.content.decode()


def test_plain_list_of_booths_below_the_plan(client, hall):
    html = client.get(PLAN.format(language="zh-hans")).content.decode()
    table = html.split('<table class="expo-booths">')[1]

    assert '<th scope="row">A101</th>' in table and '<a href="/zh-hans/expo/companies/longyuan/">隆远轮胎</a>' in table
    assert table.count("空位") == 2
    assert "<script" not in html.split('<main id="main"')[1].split("</main>")[0]


@pytest.mark.parametrize("query", ["highlight=A101", "company=longyuan"])
def test_searched_exhibitor_is_highlighted(client, hall, query):
    response = client.get(PLAN.format(language="en") + "?" + query)
    svg = svg_of(response)
    highlighted = re.findall(r'<a id="(booth-[a-z0-9]+)"[^>]*booth-highlight[^>]*aria-current="true"', svg)

    assert highlighted == (["booth-a101"] if query.startswith("highlight") else ["booth-a101", "booth-a102"])
    assert f'fill="{COLOURS["highlight"][0]}"' in svg
    assert "Booth A101 of Longyuan Tire is highlighted on the plan." in response.content.decode()


def test_highlight_of_a_free_or_unknown_booth_highlights_nothing(client, hall):
    for query in ("highlight=A103", "highlight=ZZZ", "company=nobody"):
        response = client.get(PLAN.format(language="en") + "?" + query)
        assert response.status_code == 200
        assert "booth-highlight" not in svg_of(response)


def test_company_page_links_to_the_highlighted_booth(client, hall):
    html = client.get("/en/expo/companies/longyuan/").content.decode()

    assert 'href="/en/expo/rubber-expo-2026/halls/A/?highlight=A101#booth-a101"' in html


def test_unknown_hall_or_draft_edition_is_404(client, hall):
    assert client.get("/en/expo/rubber-expo-2026/halls/Q/").status_code == 404
    draft = EditionFactory(slug="draft-2027", status=EditionStatus.DRAFT)
    HallFactory(edition=draft, code="A")
    assert client.get("/en/expo/draft-2027/halls/A/").status_code == 404
