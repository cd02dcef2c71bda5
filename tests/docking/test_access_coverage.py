"""Every Supply & Demand view that shows or changes one company's records is among the cross-company cases of
test_access (so a new view cannot ship without one); the member's own lists show nothing of other companies."""

import pytest
from django.urls import resolve

from apps.docking import urls

from . import test_access
from .test_access import POSTS_AS_OUTSIDER, READ_AS_OUTSIDER

pytestmark = pytest.mark.usefixtures("docking_pages")
world = test_access.world  # the fixture: B's records, C's response, A the outsider

# pages that show nobody's private records: the public board, feeds and the member's own lists (tested below)
NOT_PER_RECORD = {"board", "feed", "category_feed", "mine", "matches", "requirement_new"}


def test_every_view_of_a_record_has_a_cross_company_case(world):
    covered = {resolve(path.format(**world)).url_name
               for path in [*READ_AS_OUTSIDER, *(path for path, _data in POSTS_AS_OUTSIDER)]}
    names = {pattern.name for pattern in urls.urlpatterns}

    assert names - NOT_PER_RECORD - covered == set()


@pytest.mark.parametrize("path", ["/en/docking/mine/", "/en/docking/mine/matches/", "/zh-hans/docking/mine/",
                                  "/en/docking/", "/en/docking/?status=all"])
def test_the_members_own_lists_show_nothing_of_other_companies_drafts(client, world, path):
    client.force_login(world["A"])

    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "B draft" not in html and "B in review" not in html and "B asks C" not in html


def test_the_new_requirement_form_offers_only_the_members_companies(client, world, lead, other):
    client.force_login(world["A"])

    html = client.get("/en/docking/mine/new/").content.decode()

    assert f'value="{lead.pk}"' in html and f'value="{other.pk}"' not in html
