"""A member of company A can neither read nor change what belongs to company B (and C): drafts, requirements in
review, responses, threads, private files; not by guessing ids, not by posting to B's addresses. Each case answers
404 (or the login page for anonymous visitors where a page exists for members) and changes nothing."""

import pytest

from apps.docking import services
from apps.docking.models import Attachment, Requirement, Response, ResponseStatus, Status, ThreadMessage, Visibility
from apps.docking.services import attachment_add

from .factories import pdf_upload, requirement_draft, requirement_open, response_send

pytestmark = pytest.mark.usefixtures("docking_pages")


@pytest.fixture
def world(lead, lead_member, other, other_member, supplier, supplier_member, categories, docking_editor):
    """B (`other`) has a draft with a file, a requirement in review, and an open one with a public and a
    verified-only file, answered by C (`supplier`) with a file and a thread. A (`lead`) is the outsider."""
    mixing = [categories["mixing"]]
    draft = requirement_draft(company=other, user=other_member, categories=mixing, title_en="B draft")
    draft_file = attachment_add(user=other_member, requirement=draft, upload=pdf_upload("draft.pdf"))
    review = requirement_draft(company=other, user=other_member, categories=mixing, title_en="B in review")
    services.requirement_submit(requirement=review, user=other_member)
    opened = requirement_draft(company=other, user=other_member, categories=mixing, title_en="B open")
    public_file = attachment_add(user=other_member, requirement=opened, upload=pdf_upload("public.pdf"))
    private_file = attachment_add(user=other_member, requirement=opened, upload=pdf_upload("private.pdf"),
                                  verified_only=True)
    services.requirement_submit(requirement=opened, user=other_member)
    services.requirement_approve(requirement=opened, user=docking_editor)
    response = response_send(requirement=opened, company=supplier, user=supplier_member, price=100)
    response_file = attachment_add(user=supplier_member, response=response, upload=pdf_upload("offer.pdf"))
    services.thread_post(response=response, user=other_member, body="B asks C")
    return {"draft": draft, "draft_file": draft_file, "review": review, "open": opened, "public_file": public_file,
            "private_file": private_file, "response": response, "response_file": response_file, "A": lead_member,
            "B": other_member, "C": supplier_member}


def snapshot():
    return (list(Requirement.objects.order_by("pk").values_list("pk", "status")),
            list(Response.objects.order_by("pk").values_list("pk", "status", "poster_publishes",
                                                             "supplier_publishes")),
            ThreadMessage.objects.count(), Attachment.objects.count())


READ_AS_OUTSIDER = [
    "/en/docking/requirements/{draft.pk}/", "/en/docking/requirements/{review.pk}/",
    "/en/docking/requirements/{draft.pk}/respond/",
    "/en/docking/mine/{draft.pk}/", "/en/docking/mine/{open.pk}/", "/en/docking/mine/{draft.pk}/edit/",
    "/en/docking/responses/{response.pk}/",
    "/en/docking/files/{draft_file.pk}/draft.pdf", "/en/docking/files/{response_file.pk}/offer.pdf",
    "/en/docking/requirements/999999/", "/en/docking/responses/999999/", "/en/docking/mine/999999/",
    "/en/docking/files/999999/x.pdf", "/en/docking/files/{public_file.pk}/other-name.pdf",
    "/en/docking/events/no-such-event/",
]


@pytest.mark.parametrize("path", READ_AS_OUTSIDER)
def test_member_of_a_cannot_read_what_belongs_to_b_and_c(client, world, path):
    client.force_login(world["A"])

    response = client.get(path.format(**world))

    assert response.status_code == 404
    assert b"B draft" not in response.content and b"B asks C" not in response.content


POSTS_AS_OUTSIDER = [
    ("/en/docking/mine/{draft.pk}/edit/", {"title_en": "Hijacked", "categories": ["mixing-lines"]}),
    ("/en/docking/mine/{draft.pk}/submit/", {}), ("/en/docking/mine/{draft.pk}/delete/", {}),
    ("/en/docking/mine/{open.pk}/close/", {}), ("/en/docking/mine/{open.pk}/cancel/", {}),
    ("/en/docking/mine/{open.pk}/no-such-action/", {}),
    ("/en/docking/mine/{draft.pk}/files/", None),
    ("/en/docking/files/{draft_file.pk}/remove/", {}), ("/en/docking/files/{public_file.pk}/remove/", {}),
    ("/en/docking/files/{response_file.pk}/remove/", {}),
    ("/en/docking/requirements/{draft.pk}/respond/", {"message": "Let me in"}),
    ("/en/docking/responses/{response.pk}/messages/", {"body": "A listens in"}),
    ("/en/docking/responses/{response.pk}/files/", None),
    ("/en/docking/responses/{response.pk}/withdraw/", {}),
    ("/en/docking/responses/{response.pk}/award/", {}), ("/en/docking/responses/{response.pk}/decline/", {}),
    ("/en/docking/responses/{response.pk}/outcome/", {"agree": "1"}),
    ("/en/docking/responses/999999/award/", {}),
]


@pytest.mark.parametrize("path, data", POSTS_AS_OUTSIDER)
def test_member_of_a_cannot_change_what_belongs_to_b_and_c(client, world, path, data):
    before = snapshot()
    client.force_login(world["A"])

    response = client.post(path.format(**world), data if data is not None else {"file": pdf_upload("evil.pdf")})

    assert response.status_code == 404
    assert snapshot() == before
    assert world["draft"].safe_translation_getter("title", language_code="en") == "B draft"


@pytest.mark.parametrize("path, data", [
    ("/en/docking/responses/{response.pk}/award/", {}),  # the supplier decides nothing
    ("/en/docking/responses/{response.pk}/shortlist/", {}),
    ("/en/docking/mine/{open.pk}/close/", {}),
    ("/en/docking/files/{public_file.pk}/remove/", {}),
])
def test_the_supplier_cannot_act_for_the_poster(client, world, path, data):
    before = snapshot()
    client.force_login(world["C"])

    response = client.post(path.format(**world), data)

    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("path", ["/en/docking/responses/{response.pk}/files/",
                                  "/en/docking/responses/{response.pk}/withdraw/"])
def test_the_poster_cannot_act_for_the_supplier(client, world, path):
    before = snapshot()
    client.force_login(world["B"])

    response = client.post(path.format(**world), {"file": pdf_upload("evil.pdf")})

    assert response.status_code == 404
    assert snapshot() == before


def test_both_sides_and_editors_read_the_response_and_its_file(client, world, docking_editor):
    for user in (world["B"], world["C"], docking_editor):
        client.force_login(user)
        page = client.get(f"/en/docking/responses/{world['response'].pk}/")
        download = client.get(world["response_file"].get_absolute_url("en"))
        assert page.status_code == 200 and b"B asks C" in page.content
        assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")
        assert download["Cache-Control"].startswith("private, no-store")
        assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_verified_only_file_is_for_verified_companies(client, world, unverified_member):
    url = world["private_file"].get_absolute_url("en")
    assert client.get(world["public_file"].get_absolute_url("en")).status_code == 200  # anyone

    anonymous = client.get(url)
    client.force_login(unverified_member)
    unverified = client.get(url)
    client.force_login(world["A"])
    verified = client.get(url)

    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/en/accounts/login/")
    assert unverified.status_code == 404
    assert verified.status_code == 200


def test_a_verified_only_requirement_is_hidden_from_others(client, world, lead, lead_member, categories,
                                                           docking_editor, unverified_member):
    secret = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                              categories=[categories["mixing"]], title_en="A secret", visibility=Visibility.VERIFIED)

    anonymous = client.get(secret.get_absolute_url("en"))
    client.force_login(unverified_member)
    unverified = client.get(secret.get_absolute_url("en"))
    respond = client.post(f"/en/docking/requirements/{secret.pk}/respond/", {"message": "hi"})
    client.force_login(world["C"])
    verified = client.get(secret.get_absolute_url("en"))

    assert anonymous.status_code == 302
    assert unverified.status_code == respond.status_code == 404
    assert verified.status_code == 200 and b"A secret" in verified.content


def test_anonymous_visitors_see_neither_drafts_nor_responses(client, world):
    for path in ("/en/docking/requirements/{draft.pk}/", "/en/docking/files/{draft_file.pk}/draft.pdf"):
        assert client.get(path.format(**world)).status_code == 404
    response = client.get(f"/en/docking/responses/{world['response'].pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/en/accounts/login/")
    assert client.post(f"/en/docking/responses/{world['response'].pk}/award/").status_code == 302
    assert Response.objects.get().status == ResponseStatus.SUBMITTED


def test_an_unverified_member_cannot_respond(client, world, unverified_member):
    client.force_login(unverified_member)

    page = client.get(f"/en/docking/requirements/{world['open'].pk}/respond/")
    sent = client.post(f"/en/docking/requirements/{world['open'].pk}/respond/", {"message": "hi"})

    assert page.status_code == sent.status_code == 403
    assert b"Only members of a verified company can respond" in page.content
    assert Response.objects.count() == 1


def test_a_company_that_lost_its_verification_can_no_longer_act(client, world, other):
    other.verified_at = None
    other.save(update_fields=["verified_at"])
    client.force_login(world["B"])

    closing = client.post(f"/en/docking/mine/{world['open'].pk}/close/", follow=True)
    award = client.post(f"/en/docking/responses/{world['response'].pk}/award/", follow=True)

    assert Requirement.objects.get(pk=world["open"].pk).status == Status.OPEN
    assert Response.objects.get().status == ResponseStatus.SUBMITTED
    assert b"Only a member of the posting company can end this requirement." in closing.content
    assert b"This response can no longer be decided." in award.content


ADMIN_PATHS = ["/en/admin/docking/requirement/queue/", "/en/admin/docking/requirement/figures/",
               "/en/admin/docking/requirement/export.csv", "/en/admin/docking/requirement/responses.csv"]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_editors_desk_is_for_editors(client, world, path, docking_editor):
    from apps.accounts import roles
    from tests.factories import UserFactory

    client.force_login(world["B"])
    member = client.get(path)
    client.force_login(UserFactory(username="trader-x", role=roles.TRADING_STAFF))
    trader = client.get(path)
    client.force_login(docking_editor)
    editor = client.get(path)

    assert member.status_code == 302 and "/admin/login/" in member["Location"]
    assert trader.status_code == 403
    assert editor.status_code == 200


def test_only_editors_approve_through_the_admin(client, world, docking_editor):
    review = world["review"]
    client.force_login(world["B"])
    client.post(f"/en/admin/docking/requirement/{review.pk}/workflow/approve/")
    review.refresh_from_db()
    assert review.status == Status.REVIEW

    client.force_login(docking_editor)
    client.post(f"/en/admin/docking/requirement/{review.pk}/workflow/approve/")
    review.refresh_from_db()
    assert review.status == Status.OPEN


def test_a_member_cannot_post_a_requirement_in_another_companys_name(client, world, other, categories):
    client.force_login(world["A"])
    before = Requirement.objects.count()

    response = client.post("/en/docking/mine/new/", {
        "company": other.pk, "title_en": "Posted as B", "categories": [categories["mixing"].slug],
        "segment": "midstream", "region": "shandong", "deadline": "2099-01-01", "currency": "CNY",
        "visibility": "public"})

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert Requirement.objects.count() == before
