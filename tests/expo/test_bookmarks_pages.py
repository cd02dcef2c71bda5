"""Stars on the expo pages: a hidden star per directory row and on the company page, shown by bookmarks.js; the
cached pages stay the same HTML for every anonymous visitor (no sync address, no token), signed-in visitors' pages
carry the sync address; the "My agenda" link only where the forums are hooked in."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("media_root")


def directory(edition, language="en"):
    return f"/{language}/expo/{edition.slug}/exhibitors/"


def company_page(company, language="en"):
    return f"/{language}/expo/companies/{company.slug}/"


def stars(html):
    return re.findall(r'<button type="button" class="expo-star" data-company-id="(\d+)" aria-pressed="false" hidden '
                      r'aria-label="([^"]+)"', html)


@pytest.mark.parametrize("language, label", [("en", "Longyuan Tyre in my agenda"), ("zh-hans", "隆远轮胎已在我的日程中")])
def test_every_directory_row_has_a_hidden_star(client, expo_page, forums_page, company_a, company_b, coming_edition,
                                               language, label):
    html = client.get(directory(coming_edition, language)).content.decode()
    found = {int(pk): name for pk, name in stars(html)}
    assert found == {company_a.pk: label, company_b.pk: label.replace("Longyuan Tyre", "Haiwan Chemical")
                     .replace("隆远轮胎", "海湾化工")}
    assert f'<a class="expo-agenda-link" href="/{language}/forums/agenda/" hidden data-bookmarks-agenda>' in html
    assert f'data-agenda-url="/{language}/forums/agenda/"' in html


def test_the_cached_pages_are_the_same_for_everyone_and_carry_no_sync_address(client, expo_page, forums_page,
                                                                             company_a, coming_edition):
    for path in (directory(coming_edition), company_page(company_a)):
        first, second = client.get(path), client.get(path)
        assert second["X-Page-Cache"] == "hit"
        assert first.content == second.content
        html = first.content.decode()
        assert "/static/expo/bookmarks.js" in html
        assert "data-sync-url" not in html and "data-csrf" not in html and "csrfmiddlewaretoken" not in html


def test_a_signed_in_visitors_pages_carry_the_sync_address(client, expo_page, company_a, coming_edition):
    client.force_login(UserFactory())
    for path in (directory(coming_edition, "zh-hans"), company_page(company_a, "zh-hans")):
        response = client.get(path)
        assert response.status_code == 200
        assert 'data-sync-url="/zh-hans/bookmarks/sync/"' in response.content.decode()


def test_the_company_page_has_its_star(client, expo_page, forums_page, company_a):
    html = client.get(company_page(company_a, "zh-hans")).content.decode()
    assert stars(html) == [(str(company_a.pk), "隆远轮胎已在我的日程中")]
    assert 'title="收藏该展商" data-title-on="取消收藏" data-title-off="收藏该展商"' in html
    assert '<a class="expo-agenda-link" href="/zh-hans/forums/agenda/"' in html


def test_without_the_forums_there_is_no_agenda_link_but_the_page_works(client, expo_page, company_a):
    response = client.get(company_page(company_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(stars(html)) == 1
    assert "expo-agenda-link" not in html
    assert 'data-agenda-url=""' in html
