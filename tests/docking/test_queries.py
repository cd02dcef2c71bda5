"""Query counts of the Supply & Demand pages: the same with 1 and with 3 items, at most 10, each request also
checked for its status and content. Measured on a first (uncached) request, after the menus are cached."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from apps.companies.selectors import product_category_tree
from apps.docking import services

from .factories import pdf_upload, requirement_draft, requirement_open, response_send

pytestmark = pytest.mark.usefixtures("docking_pages")

# anonymous: the CMS page (2), the menu's cache key (on a visitor's first page; then the menu is kept per CMS
# version: "matches" comes after "mine"), the content version's next deadline, then the page's own
# reads; a signed-in member adds the session's user, the unread inbox count and the user's companies (and skips
# the page cache). The category tree comes from the catalogue's cache (apps.companies.cache).
QUERIES = {"board": 6, "requirement": 6, "mine": 8, "matches": 8, "response": 9, "event": 7,
           "mine_kept": 6,  # the path's CMS page is kept since the first visitor's request (apps.core.current_page)
           # the poster's page of one requirement: its texts with category ids, files, the responses and the
           # companies that may fit
           "mine_requirement": 10}


@pytest.fixture
def made(lead, lead_member, supplier, supplier_member, categories, docking_editor):
    def make(count):
        from tests.factories import ProductFactory
        ProductFactory(company=supplier, en="Mixer", categories=[categories["mixing"]])
        requirements = [requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                         categories=[categories["mixing"], categories["carbon"]],
                                         title_en=f"Need {n}", title_zh=f"需求{n}") for n in range(count)]
        responses = [response_send(requirement=r, company=supplier, user=supplier_member) for r in requirements]
        cache.clear()
        return requirements, responses

    return make


def warm(client, path="/en/"):
    client.get(path)  # menus and the site are cached by now
    with translation.override(path.split("/")[1]):
        product_category_tree()  # and so is the category tree (per language, apps.companies.cache)


@pytest.mark.parametrize("count", [1, 3])
def test_board_query_count_is_fixed(client, made, django_assert_num_queries, count):
    made(count)
    warm(client)

    with django_assert_num_queries(QUERIES["board"]):
        response = client.get("/en/docking/?category=equipment")

    assert response.status_code == 200
    assert len(re.findall('class="requirement-title"', response.content.decode())) == count


@pytest.mark.parametrize("count", [1, 3])
def test_requirement_page_query_count_is_fixed(client, lead, lead_member, categories, docking_editor,
                                               django_assert_num_queries, count):
    """`count` categories and `count` attachments."""
    chosen = [categories[name] for name in ("mixing", "carbon", "equipment")][:count]
    requirement = requirement_draft(company=lead, user=lead_member, categories=chosen, title_zh="密炼线需求")
    for n in range(count):
        services.attachment_add(user=lead_member, requirement=requirement, upload=pdf_upload(f"spec-{n}.pdf"))
    services.requirement_submit(requirement=requirement, user=lead_member)
    services.requirement_approve(requirement=requirement, user=docking_editor)
    cache.clear()
    warm(client, "/zh-hans/")

    with django_assert_num_queries(QUERIES["requirement"]):
        response = client.get(requirement.get_absolute_url("zh-hans"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "密炼线需求" in html
    assert html.count('download>spec-') == count


@pytest.mark.parametrize("count", [1, 3])
def test_portal_lists_query_count_is_fixed(client, made, lead_member, supplier_member, django_assert_num_queries,
                                           count):
    made(count)
    client.force_login(lead_member)
    warm(client)

    with django_assert_num_queries(QUERIES["mine"]):
        poster = client.get("/en/docking/mine/")
    client.force_login(supplier_member)
    warm(client)
    with django_assert_num_queries(QUERIES["mine_kept"]):
        supplier = client.get("/en/docking/mine/")
    with django_assert_num_queries(QUERIES["matches"]):
        matches = client.get("/en/docking/mine/matches/")

    assert poster.status_code == supplier.status_code == matches.status_code == 200
    assert poster.content.decode().count("/en/docking/mine/") >= count
    assert len(re.findall(r'href="/en/docking/responses/\d+/"', supplier.content.decode())) == count
    assert matches.content.decode().count('class="requirement-title"') == count
    assert matches.content.decode().count("You responded") == count


@pytest.mark.parametrize("count", [1, 3])
def test_poster_requirement_page_query_count_is_fixed(client, lead, lead_member, supplier, categories,
                                                      docking_editor, django_assert_num_queries, count):
    """`count` responses (and as many companies that may fit)."""
    from tests.factories import ProductFactory

    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="Mixing line")
    for n in range(count):
        company = supplier if n == 0 else _company(f"supplier-{n}")
        ProductFactory(company=company, en="Mixer", categories=[categories["mixing"]])
        response_send(requirement=requirement, company=company, user=_member(company, f"supplier-user-{n}"))
    client.force_login(lead_member)
    warm(client)

    with django_assert_num_queries(QUERIES["mine_requirement"]):
        response = client.get(f"/en/docking/mine/{requirement.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert len(re.findall(r'href="/en/docking/responses/\d+/"', html)) == count
    assert html.count('class="badge-verified"') == count


@pytest.mark.parametrize("count", [1, 3])
def test_response_page_query_count_is_fixed(client, made, lead_member, supplier_member, django_assert_num_queries,
                                            count):
    """A response with `count` messages and `count` files."""
    _requirements, responses = made(1)
    response = responses[0]
    for n in range(count):
        services.thread_post(response=response, user=lead_member if n % 2 else supplier_member, body=f"Note {n}")
        services.attachment_add(user=supplier_member, response=response, upload=pdf_upload(f"offer-{n}.pdf"))
    client.force_login(lead_member)
    warm(client)

    with django_assert_num_queries(QUERIES["response"]):
        page = client.get(f"/en/docking/responses/{response.pk}/")

    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="thread-message') == count
    assert html.count("download>offer-") == count


def _company(slug):
    from .conftest import company

    return company(slug, f"Supplier {slug}", f"供应商{slug}")


def _member(of, username):
    from .conftest import member

    return member(of, username)


@pytest.mark.parametrize("count", [1, 3])
def test_event_page_query_count_is_fixed(client, lead, lead_member, categories, docking_editor,
                                         django_assert_num_queries, count):
    from .factories import event_make

    event = event_make()
    for n in range(count):
        requirement_open(editor=docking_editor, company=lead, user=lead_member, event=event,
                         categories=[categories["mixing"]], title_en=f"Event need {n}")
    cache.clear()
    warm(client)

    with django_assert_num_queries(QUERIES["event"]):
        response = client.get(event.get_absolute_url("en"))

    assert response.status_code == 200
    assert response.content.decode().count('class="requirement-title"') == count
