"""Query counts of the Supply & Demand pages as signed-in members see them (never from the page cache): the same
with 1 and with 3 items, at most 10, status and content checked. Also the category names they show (from the
catalogue's cached tree, per language) and the requirements' category ids read with them."""

import re

import pytest
from django.core.cache import cache

from apps.companies.selectors import product_category_tree
from apps.docking import services
from apps.docking.models import Status

from .factories import event_make, pdf_upload, requirement_draft, response_send
from .test_queries import warm

pytestmark = pytest.mark.usefixtures("docking_pages")

# the session's user, the unread inbox count, the CMS page (2), the menu's cache key (on the user's first page:
# the menu is then kept per CMS version and user, as for "edit"), the user's companies...
QUERIES = {
    "board": 8,  # ... the status counts, the rows (with their category ids)
    "requirement": 8,  # ... the requirement (texts, category ids, the member's own response), its files
    "event": 9,  # ... the event with its figures, its requirements
    "respond": 8,  # ... with their names; the requirement with the member's own response
    "new": 8,  # ... with their names; the events offered by the form (with their names)
    "edit": 9,  # ... the draft with its category ids, its translations, the events
}


@pytest.fixture
def posted(lead, lead_member, supplier, supplier_member, categories, docking_editor):
    """`count` open requirements of the lead at one event, each with `count` files; the supplier answered the
    first one."""
    def make(count):
        event = event_make()
        requirements = []
        for n in range(count):
            draft = requirement_draft(company=lead, user=lead_member, event=event, title_en=f"Need {n}",
                                      categories=[categories["mixing"], categories["carbon"]][:1 + n % 2])
            for f in range(count):
                services.attachment_add(user=lead_member, requirement=draft, upload=pdf_upload(f"spec-{n}-{f}.pdf"))
            services.requirement_submit(requirement=draft, user=lead_member)
            requirements.append(services.requirement_approve(requirement=draft, user=docking_editor))
        response_send(requirement=requirements[0], company=supplier, user=supplier_member)
        cache.clear()
        return event, requirements

    return make


def _get(client, user, path, queries, django_assert_num_queries):
    client.force_login(user)
    warm(client)
    with django_assert_num_queries(queries):
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_board_for_a_member(client, posted, other_member, django_assert_num_queries, count):
    posted(count)
    html = _get(client, other_member, "/en/docking/", QUERIES["board"], django_assert_num_queries)
    assert html.count('class="requirement-title"') == count
    assert html.count('<span class="requirement-category">Mixing lines</span>') == count


@pytest.mark.parametrize("count", [1, 3])
def test_requirement_page_for_the_supplier_who_answered(client, posted, supplier_member, django_assert_num_queries,
                                                        count):
    _event, requirements = posted(count)
    html = _get(client, supplier_member, requirements[0].get_absolute_url("en"), QUERIES["requirement"],
                django_assert_num_queries)
    assert "Your company has responded." in html
    assert re.search(r'href="/en/docking/responses/\d+/">See your response', html)
    assert html.count("download>spec-0-") == count


@pytest.mark.parametrize("count", [1, 3])
def test_requirement_page_for_another_verified_member(client, posted, other_member, django_assert_num_queries,
                                                      count):
    _event, requirements = posted(count)
    html = _get(client, other_member, requirements[-1].get_absolute_url("en"), QUERIES["requirement"],
                django_assert_num_queries)
    assert f'href="/en/docking/requirements/{requirements[-1].pk}/respond/"' in html
    assert "Your company has responded." not in html
    assert html.count(f"download>spec-{count - 1}-") == count


@pytest.mark.parametrize("count", [1, 3])
def test_event_page_for_a_member(client, posted, other_member, django_assert_num_queries, count):
    event, _requirements = posted(count)
    html = _get(client, other_member, event.get_absolute_url("en"), QUERIES["event"], django_assert_num_queries)
    assert html.count('class="requirement-title"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_response_form(client, posted, other, other_member, django_assert_num_queries, count):
    _event, requirements = posted(count)
    html = _get(client, other_member, f"/en/docking/requirements/{requirements[-1].pk}/respond/", QUERIES["respond"],
                django_assert_num_queries)
    assert f"Need {count - 1}" in html
    assert 'name="message"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_new_and_edit_forms(client, posted, lead, lead_member, categories, django_assert_num_queries, count):
    posted(count)
    draft = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]], title_en="Draft")
    html = _get(client, lead_member, "/en/docking/mine/new/", QUERIES["new"], django_assert_num_queries)
    assert 'name="title_en"' in html
    assert 'value="carbon-black"' in html
    with django_assert_num_queries(QUERIES["edit"]):
        edit = client.get(f"/en/docking/mine/{draft.pk}/edit/")
    assert edit.status_code == 200
    assert 'value="Draft"' in edit.content.decode()


def test_private_pages_are_not_indexed(client, posted, lead_member):
    _event, requirements = posted(1)
    client.force_login(lead_member)
    for path in ("/en/docking/mine/", f"/en/docking/mine/{requirements[0].pk}/", "/en/docking/mine/new/"):
        assert '<meta name="robots" content="noindex">' in client.get(path).content.decode()


def test_category_names_follow_the_page_language_and_a_rename_in_the_admin(client, posted, categories,
                                                                           docking_editor,
                                                                           django_capture_on_commit_callbacks):
    """The tree comes from the catalogue's cache, per language; a category renamed in the admin shows at once,
    on the members' and the anonymous (cached) pages alike."""
    _event, requirements = posted(1)
    assert "Mixing lines" in client.get("/en/docking/").content.decode()
    assert '<span class="requirement-category">密炼线</span>' in client.get("/zh-hans/docking/").content.decode()
    mixing = categories["mixing"]

    client.force_login(docking_editor)
    with django_capture_on_commit_callbacks(execute=True):
        changed = client.post(f"/en/admin/companies/productcategory/{mixing.pk}/change/?language=en",
                              {"name": "Internal mixers", "slug": mixing.slug, "parent": mixing.parent_id,
                               "position": mixing.position})
    assert changed.status_code == 302
    client.logout()

    assert '<span class="requirement-category">Internal mixers</span>' in client.get(
        "/en/docking/").content.decode()
    assert "Internal mixers" in client.get(requirements[0].get_absolute_url("en")).content.decode()
    assert "密炼线" in client.get("/zh-hans/docking/").content.decode()


def test_category_ids_come_back_as_the_requirements_categories(posted, categories):
    from apps.docking import selectors

    _event, requirements = posted(3)
    rows = list(selectors.with_category_ids(type(requirements[0]).objects.filter(status=Status.OPEN).order_by("pk")))
    selectors.category_lists_attach(rows, product_category_tree())
    assert [sorted(c.slug for c in row.category_list) for row in rows] == [
        ["mixing-lines"], ["carbon-black", "mixing-lines"], ["mixing-lines"]]
