"""The exhibitor portal's dashboard links to the requirements that match the member's products, through the
companies app's dashboard-link registry filled by docking (expo never imports docking)."""

import pytest

from tests.fixtures.pages import home_page, pages_admin


@pytest.mark.parametrize("language, label", [("en", "Requirements that match your products"),
                                             ("zh-hans", "与您产品相符的需求")])
def test_the_portal_dashboard_links_to_matching_requirements(client, docking_pages, lead, lead_member, language,
                                                             label):
    client.force_login(lead_member)
    response = client.get(f"/{language}/portal/")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<li data-link="docking-matches"><a href="/{language}/docking/mine/matches/">{label}</a></li>' in html
    assert client.get(f"/{language}/docking/mine/matches/").status_code == 200


def test_without_the_docking_page_the_link_is_left_out(client, db, lead, lead_member):
    home_page(pages_admin())  # no page carries the docking apphook
    client.force_login(lead_member)
    response = client.get("/en/portal/")

    assert response.status_code == 200
    assert 'data-link="docking-matches"' not in response.content.decode()
