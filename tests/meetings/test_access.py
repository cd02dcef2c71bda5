"""Who may see and do what (apps/meetings/rules.py and the views): exhibitor A never sees B's availability,
requests or meetings, a visitor only their own requests; guessed ids and posts to other companies' URLs answer
404, anonymous visitors are sent to the login page; every action is a POST."""

import pytest

from apps.meetings.models import MeetingRequest, Status
from tests.factories import UserFactory

from .support import book

PORTAL_ACTIONS = ("accept", "decline", "propose", "cancel")


@pytest.fixture
def requests_ab(days_a, days_b, visitor, visitor_zh):
    """One waiting request to each company, made by different visitors."""
    return book(visitor, days_a, 10, message="Secret A"), book(visitor_zh, days_b, 14, message="Secret B")


def test_anonymous_visitors_are_sent_to_the_login_page(client, requests_ab, company_a):
    to_a = requests_ab[0]
    for url in ("/en/meetings/", "/en/portal/meetings/", f"/en/portal/meetings/{company_a.slug}/",
                f"/en/portal/meetings/{company_a.slug}/availability/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/?next="), url
    for url in (f"/en/meetings/{to_a.pk}/cancel/", f"/en/meetings/{to_a.pk}/accept/",
                *[f"/en/portal/meetings/{company_a.slug}/{to_a.pk}/{a}/" for a in PORTAL_ACTIONS]):
        assert client.post(url)["Location"].startswith("/en/accounts/login/"), url
    response = client.post(f"/en/meetings/book/{company_a.slug}/", {"start": "x"})
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
    assert MeetingRequest.objects.filter(status=Status.REQUESTED).count() == 2


def test_member_of_a_never_sees_b(client, member_a, company_b, requests_ab):
    client.force_login(member_a)
    for url in (f"/en/portal/meetings/{company_b.slug}/", f"/en/portal/meetings/{company_b.slug}/availability/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/en/portal/meetings/{company_b.slug}/availability/", {"day": "x"}).status_code == 404
    page = client.get("/en/portal/meetings/longyuan-tyre/").content.decode()
    assert "Secret A" in page and "Secret B" not in page


def test_answers_to_other_companies_requests_answer_404(client, member_a, company_a, company_b, requests_ab):
    to_a, to_b = requests_ab
    client.force_login(member_a)
    for action in PORTAL_ACTIONS:
        # B's request under A's URL (a guessed id), and under B's own URL
        assert client.post(f"/en/portal/meetings/{company_a.slug}/{to_b.pk}/{action}/").status_code == 404
        assert client.post(f"/en/portal/meetings/{company_b.slug}/{to_b.pk}/{action}/").status_code == 404
        assert client.post(f"/en/portal/meetings/{company_a.slug}/999999/{action}/").status_code == 404
    assert MeetingRequest.objects.get(pk=to_b.pk).status == Status.REQUESTED


def test_a_visitor_sees_and_changes_only_their_own_requests(client, visitor, visitor_zh, requests_ab):
    to_a, to_b = requests_ab
    client.force_login(visitor)
    page = client.get("/en/meetings/").content.decode()
    assert f'data-meeting="{to_a.pk}"' in page and f'data-meeting="{to_b.pk}"' not in page
    assert client.post(f"/en/meetings/{to_b.pk}/cancel/").status_code == 404
    assert client.post(f"/en/meetings/{to_b.pk}/accept/").status_code == 404
    assert client.post("/en/meetings/999999/cancel/").status_code == 404
    assert MeetingRequest.objects.get(pk=to_b.pk).status == Status.REQUESTED


def test_a_visitor_cannot_answer_in_the_portal(client, visitor, company_a, requests_ab):
    client.force_login(visitor)
    to_a = requests_ab[0]
    assert client.get(f"/en/portal/meetings/{company_a.slug}/").status_code == 404
    for action in PORTAL_ACTIONS:
        assert client.post(f"/en/portal/meetings/{company_a.slug}/{to_a.pk}/{action}/").status_code == 404
    assert MeetingRequest.objects.get(pk=to_a.pk).status == Status.REQUESTED


def test_actions_need_post(client, member_a, visitor, company_a, requests_ab):
    to_a = requests_ab[0]
    client.force_login(member_a)
    for action in PORTAL_ACTIONS:
        assert client.get(f"/en/portal/meetings/{company_a.slug}/{to_a.pk}/{action}/").status_code == 405
    client.force_login(visitor)
    assert client.get(f"/en/meetings/{to_a.pk}/cancel/").status_code == 405


def test_editors_do_not_use_the_company_portal(client, company_a, requests_ab):
    from apps.accounts import roles

    client.force_login(UserFactory(role=roles.EDITORS))
    assert client.get(f"/en/portal/meetings/{company_a.slug}/").status_code == 404


def test_the_portal_index_leads_a_member_to_their_company(client, member_a, visitor):
    client.force_login(member_a)
    response = client.get("/zh-hans/portal/meetings/")
    assert response.status_code == 302 and response["Location"] == "/zh-hans/portal/meetings/longyuan-tyre/"
    client.force_login(visitor)
    response = client.get("/en/portal/meetings/")
    assert response.status_code == 200 and "does not manage any company" in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_unknown_company_answers_404(client, visitor):
    client.force_login(visitor)
    assert client.get("/en/meetings/book/no-such-company/").status_code == 404
