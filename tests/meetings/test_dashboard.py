"""The members' dashboard of the exhibitor portal links the meetings pages (apps.companies
member_dashboard_link_register), in both languages."""

import pytest


@pytest.mark.parametrize("language, label", [("en", "Meetings with visitors"), ("zh-hans", "与观众的洽谈")])
def test_dashboard_links_the_meetings(client, member_a, language, label):
    client.force_login(member_a)
    text = client.get(f"/{language}/portal/").content.decode()
    assert f'<li data-link="meetings"><a href="/{language}/portal/meetings/">{label}</a></li>' in text
