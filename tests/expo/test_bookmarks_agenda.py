"""Starred exhibitors on the forums "My agenda" page (the AgendaSection expo registers): from the page's ?e= list
for anonymous visitors, from the account for signed-in ones; booth and hall linked into the floor plan with the
booth highlighted; both languages; a query count that does not grow with the stars."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from apps.accounts.agenda import agenda_sections
from apps.expo.bookmarks import agenda
from apps.expo.bookmarks.services import bookmarks_replace
from tests.factories import BoothFactory, CompanyFactory, EditionFactory, HallFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.usefixtures("media_root")

AGENDA = "/{language}/forums/agenda/"


@pytest.fixture
def expo(expo_page, forums_page, company_a, company_b, coming_edition):
    """Company A at booth A101 of hall A, company B at two booths of hall B; a third company not exhibiting."""
    hall_a = HallFactory(edition=coming_edition, code="A", name_en="Hall A", name_zh="A馆", position=0)
    hall_b = HallFactory(edition=coming_edition, code="B", name_en="Hall B", name_zh="B馆", position=1)
    BoothFactory(hall=hall_a, code="A101", participation=company_a.participations.get())
    BoothFactory(hall=hall_b, code="B-7", participation=company_b.participations.get())
    BoothFactory(hall=hall_b, code="B-8", participation=company_b.participations.get())
    elsewhere = CompanyFactory(slug="not-exhibiting", translations={"en": {"name": "Absent Rubber"},
                                                                    "zh-hans": {"name": "缺席橡胶"}})
    return {"a": company_a, "b": company_b, "absent": elsewhere, "edition": coming_edition}


def section(html):
    match = re.search(r'<section class="agenda-exhibitors".*?</section>', html, re.S)
    return match[0] if match else ""


def places(html):
    return re.findall(r'<a href="([^"]+)" data-floorplan>([^<]+)</a>', section(html))


def test_the_section_is_registered():
    assert "expo-bookmarks" in [registered.key for registered in agenda_sections()]


@pytest.mark.parametrize("language, heading, a_place, b_places, absent", [
    ("en", "Starred exhibitors", "Hall A, booth A101", ["Hall B, booth B-7", "Hall B, booth B-8"],
     "No booth at China Rubber Expo."),
    ("zh-hans", "收藏的展商", "A馆，A101展位", ["B馆，B-7展位", "B馆，B-8展位"], "未参加中国橡胶博览会。"),
])
def test_an_anonymous_visitor_sees_the_starred_exhibitors_of_the_address(client, expo, language, heading, a_place,
                                                                         b_places, absent):
    a, b, elsewhere = expo["a"], expo["b"], expo["absent"]
    response = client.get(AGENDA.format(language=language) + f"?e={b.pk},{elsewhere.pk},{a.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    shown = section(html)
    assert f'<h2 id="agenda-exhibitors-heading">{heading}</h2>' in shown
    assert f'data-bookmarks-shown="{b.pk},{elsewhere.pk},{a.pk}"' in shown
    names = re.findall(r'<p class="agenda-title"><a href="[^"]+">([^<]+)</a>', shown)
    assert names == (["Haiwan Chemical", "Absent Rubber", "Longyuan Tyre"] if language == "en"
                     else ["海湾化工", "缺席橡胶", "隆远轮胎"])
    edition = expo["edition"].slug
    assert places(html) == [
        (f"/{language}/expo/{edition}/halls/B/?highlight=B-7#booth-b-7", b_places[0]),
        (f"/{language}/expo/{edition}/halls/B/?highlight=B-8#booth-b-8", b_places[1]),
        (f"/{language}/expo/{edition}/halls/A/?highlight=A101#booth-a101", a_place),
    ]
    assert absent in shown
    assert f'href="/{language}/expo/companies/{a.slug}/"' in shown
    assert f'class="expo-star" data-company-id="{a.pk}"' in shown  # unstar from the agenda
    assert "/static/expo/bookmarks.js" in html


def test_the_floor_plan_link_highlights_the_booth(client, expo):
    html = client.get(AGENDA.format(language="en") + f"?e={expo['a'].pk}").content.decode()
    link, _label = places(html)[0]
    plan = client.get(link.split("#")[0] + "")
    assert plan.status_code == 200
    page = plan.content.decode()
    assert 'id="row-booth-a101" class="is-highlighted"' in page
    assert "Booth A101 of Longyuan Tyre is highlighted on the plan." in page
    assert 'id="booth-a101"' in page


def test_a_signed_in_visitor_sees_the_accounts_stars_unless_the_address_carries_a_list(client, expo):
    user = UserFactory()
    bookmarks_replace(user=user, company_ids=[expo["a"].pk])
    client.force_login(user)
    assert [label for _link, label in places(client.get(AGENDA.format(language="en")).content.decode())] == [
        "Hall A, booth A101"]
    html = client.get(AGENDA.format(language="en") + f"?s=&e={expo['b'].pk}").content.decode()
    assert [label for _link, label in places(html)] == ["Hall B, booth B-7", "Hall B, booth B-8"]


def test_another_visitors_stars_never_show(client, expo):
    bookmarks_replace(user=UserFactory(username="owner"), company_ids=[expo["a"].pk, expo["b"].pk])
    client.force_login(UserFactory(username="someone-else"))
    html = client.get(AGENDA.format(language="en")).content.decode()
    assert section(html) == ""
    assert "Longyuan Tyre" not in html


def test_without_a_list_the_page_only_loads_the_script_to_ask_the_browser(client, expo):
    html = client.get(AGENDA.format(language="zh-hans")).content.decode()
    assert section(html) == ""
    assert '<div hidden data-bookmarks-shown=""></div>' in html
    assert "/static/expo/bookmarks.js" in html


@pytest.mark.parametrize("query", ["e=", "e=abc", "e=1,,x", "e=99999999", "e=-1", "e=" + ",".join(["5"] * 3000)])
def test_a_mangled_or_empty_list_shows_no_exhibitors_and_no_error(client, expo, query):
    response = client.get(AGENDA.format(language="en") + "?" + query)
    assert response.status_code == 200
    assert section(response.content.decode()) == ""


def test_a_company_of_another_edition_shows_no_booth_of_the_current_one(client, expo):
    old = EditionFactory(slug="rubber-expo-2019", starts_on=expo["edition"].starts_on.replace(year=2019))
    participation = ParticipationFactory(company=expo["absent"], edition=old)
    BoothFactory(hall=HallFactory(edition=old, code="Z"), code="Z1", participation=participation)
    html = client.get(AGENDA.format(language="en") + f"?e={expo['absent'].pk}").content.decode()
    assert places(html) == []
    assert "No booth at China Rubber Expo." in section(html)


def _rows_queries(ids):
    request = RequestFactory().get("/en/forums/agenda/", {"e": ",".join(map(str, ids))})
    request.user = UserFactory.build()  # the address's list wins over any account
    with override("en"), CaptureQueriesContext(connection) as context:
        rows = agenda.rows(request=request)
    return len(context), rows


def test_the_sections_query_count_does_not_grow_with_the_stars(expo):
    more = []
    for number in range(3):
        company = CompanyFactory(slug=f"extra-{number}")
        participation = ParticipationFactory(company=company, edition=expo["edition"])
        BoothFactory(hall=HallFactory(edition=expo["edition"], code=f"C{number}"), participation=participation)
        more.append(company)
    _rows_queries([expo["a"].pk])  # memoises the current edition
    one, rows = _rows_queries([expo["a"].pk])
    assert [row["name"] for row in rows] == ["Longyuan Tyre"]
    many, rows = _rows_queries([expo["a"].pk, expo["b"].pk, *[company.pk for company in more]])
    assert len(rows) == 5 and sum(len(row["places"]) for row in rows) == 6
    assert one == many == 2


def test_the_agenda_pages_query_count_is_the_same_with_one_and_with_three_stars(client, expo):
    def count(ids):
        path = AGENDA.format(language="en") + "?e=" + ",".join(map(str, ids))
        client.get(path)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200
        return len(context), response.content.decode()

    one, html = count([expo["a"].pk])
    assert len(places(html)) == 1
    three, html = count([expo["a"].pk, expo["b"].pk, expo["absent"].pk])
    assert len(places(html)) == 3
    assert one == three
    assert three <= 10
