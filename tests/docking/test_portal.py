"""The companies' own pages at /<lang>/docking/mine/: posting and changing a draft through the form (errors in the
user's language, nothing typed lost), files, sending for review, ending; responding and the response page."""

import datetime
import re

import pytest
from django.utils import timezone

from apps.docking import services
from apps.docking.models import Attachment, Requirement, Response, ResponseStatus, Status

from .factories import pdf_upload, requirement_draft, requirement_open, response_send

pytestmark = pytest.mark.usefixtures("docking_pages")


def form_data(tree, **overrides):
    data = {"title_en": "Two mixing lines", "title_zh_hans": "两条密炼线", "description_en": "For our new plant.",
            "description_zh_hans": "新工厂用。", "specifications_en": "", "specifications_zh_hans": "",
            "categories": [tree["mixing"].slug], "segment": "midstream", "quantity": "2", "unit": "line",
            "region": "shandong", "deadline": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
            "budget_min": "", "budget_max": "", "currency": "CNY", "visibility": "public", "event": ""}
    data.update(overrides)
    return data


def test_member_posts_a_draft_through_the_form(client, lead, lead_member, categories):
    client.force_login(lead_member)

    response = client.post("/zh-hans/docking/mine/new/", form_data(categories, company=lead.pk))

    requirement = Requirement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/docking/mine/{requirement.pk}/"
    assert requirement.status == Status.DRAFT and requirement.company == lead
    assert requirement.safe_translation_getter("title", language_code="zh-hans") == "两条密炼线"
    assert list(requirement.categories.all()) == [categories["mixing"]]
    page = client.get(response["Location"]).content.decode()
    assert "草稿已保存" in page and "两条密炼线" in page


@pytest.mark.parametrize("language, messages", [
    ("en", ["Give the requirement a title in at least one language.", "Say in which unit the quantity is counted.",
            "Choose at least one product category.", "Enter a valid date."]),
    ("zh-hans", ["请至少用一种语言填写需求标题。", "请说明数量的单位。", "请至少选择一个产品类别。",
                 "输入一个有效的日期。"]),
])
def test_an_invalid_form_shows_errors_in_the_language_and_keeps_what_was_typed(client, lead, lead_member,
                                                                               categories, language, messages):
    client.force_login(lead_member)
    data = form_data(categories, company=lead.pk, title_en="", title_zh_hans="", description_en="Keep me please",
                     unit="", categories=[], deadline="next spring")

    response = client.post(f"/{language}/docking/mine/new/", data)

    html = response.content.decode()
    assert response.status_code == 400
    for message in messages:
        assert message in html
    assert "Keep me please" in html and 'value="next spring"' in html
    assert Requirement.objects.count() == 0


def test_members_of_unverified_companies_are_told_to_wait_for_verification(client, unverified_member):
    client.force_login(unverified_member)

    response = client.get("/en/docking/mine/new/")

    assert response.status_code == 403
    assert "Your company is not verified yet" in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/en/docking/mine/new/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/docking/mine/new/")


def test_poster_changes_a_draft_attaches_a_file_and_sends_it_for_review(client, lead, lead_member, categories):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Old title")
    client.force_login(lead_member)

    edited = client.post(f"/en/docking/mine/{requirement.pk}/edit/",
                         form_data(categories, company=lead.pk, title_en="New title"))
    attached = client.post(f"/en/docking/mine/{requirement.pk}/files/",
                           {"file": pdf_upload("layout.pdf"), "verified_only": "on"})
    submitted = client.post(f"/en/docking/mine/{requirement.pk}/submit/")

    assert edited.status_code == attached.status_code == submitted.status_code == 302
    requirement.refresh_from_db()
    assert requirement.status == Status.REVIEW
    assert requirement.safe_translation_getter("title", language_code="en") == "New title"
    attachment = Attachment.objects.get(requirement=requirement)
    assert (attachment.filename, attachment.verified_only, attachment.content_type) == (
        "layout.pdf", True, "application/pdf")
    page = client.get(f"/en/docking/mine/{requirement.pk}/").content.decode()
    assert "An editor is reviewing this requirement." in page
    assert "Change the draft" not in page  # no longer a draft


@pytest.mark.parametrize("language, message", [
    ("en", "This file type is not accepted. Upload a PDF document or an image (PNG, JPEG or WebP)."),
    ("zh-hans", "不接受此文件类型。请上传 PDF 文档或图片（PNG、JPEG 或 WebP）。"),
])
def test_a_file_of_another_type_is_refused_in_the_language(client, lead, lead_member, categories, language, message):
    from tests.support.files import upload

    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]])
    client.force_login(lead_member)

    response = client.post(f"/{language}/docking/mine/{requirement.pk}/files/",
                           {"file": upload("macro.pdf.exe", b"MZ\x90\x00 not a document")}, follow=True)

    assert message in response.content.decode()
    assert Attachment.objects.count() == 0


def test_supplier_responds_through_the_form_and_adds_a_file(client, lead, lead_member, supplier, supplier_member,
                                                             categories, docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="Two mixing lines")
    client.force_login(supplier_member)
    page = client.get(requirement.get_absolute_url("en")).content.decode()
    assert f'href="/en/docking/requirements/{requirement.pk}/respond/"' in page

    invalid = client.post(f"/en/docking/requirements/{requirement.pk}/respond/",
                          {"company": supplier.pk, "message": "", "capabilities": "GK400 mixers", "price": "-5",
                           "currency": "CNY"})
    assert invalid.status_code == 400 and "GK400 mixers" in invalid.content.decode()
    sent = client.post(f"/en/docking/requirements/{requirement.pk}/respond/",
                       {"company": supplier.pk, "message": "We build such lines.", "capabilities": "GK400 mixers",
                        "price": "2400000", "currency": "CNY"})

    response = Response.objects.get()
    assert sent.status_code == 302 and sent["Location"] == f"/en/docking/responses/{response.pk}/"
    client.post(f"/en/docking/responses/{response.pk}/files/", {"file": pdf_upload("offer.pdf")})
    assert response.attachments.get().filename == "offer.pdf"
    again = client.get(f"/en/docking/requirements/{requirement.pk}/respond/")
    assert again.status_code == 302 and again["Location"] == f"/en/docking/responses/{response.pk}/"


def test_poster_decides_on_the_response_page_and_both_agree_to_publish(client, lead, lead_member, supplier,
                                                                       supplier_member, categories, docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="Two mixing lines")
    response = response_send(requirement=requirement, company=supplier, user=supplier_member)
    client.force_login(lead_member)

    client.post(f"/en/docking/responses/{response.pk}/shortlist/")
    client.post(f"/en/docking/responses/{response.pk}/messages/", {"body": "Can you come to Zhaoyuan?"})
    client.post(f"/en/docking/responses/{response.pk}/award/")
    client.post(f"/en/docking/responses/{response.pk}/outcome/", {"agree": "1"})
    client.force_login(supplier_member)
    page = client.post(f"/en/docking/responses/{response.pk}/outcome/", {"agree": "1"}, follow=True)

    response.refresh_from_db()
    assert response.status == ResponseStatus.AWARDED and response.outcome_public
    assert "the requirement&#x27;s page now says who it was matched with" in page.content.decode()
    assert "Can you come to Zhaoyuan?" in page.content.decode()
    public = client.get(requirement.get_absolute_url("en")).content.decode()
    assert re.search(r"Matched with\s+<a href=\"/en/expo/companies/yiyang-mixers/\">Yiyang Mixers</a>", public)


def test_an_empty_thread_message_keeps_the_page_and_says_why(client, lead, lead_member, supplier, supplier_member,
                                                              categories, docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]])
    response = response_send(requirement=requirement, company=supplier, user=supplier_member)
    client.force_login(supplier_member)

    page = client.post(f"/zh-hans/docking/responses/{response.pk}/messages/", {"body": "   "})

    assert page.status_code == 400
    assert "这个字段是必填项。" in page.content.decode()


def test_poster_closes_from_the_portal_and_the_board_shows_it_closed(client, lead, lead_member, categories,
                                                                      docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="Two mixing lines")
    client.force_login(lead_member)

    client.post(f"/en/docking/mine/{requirement.pk}/close/")

    requirement.refresh_from_db()
    assert requirement.status == Status.CLOSED
    client.logout()
    assert "Two mixing lines" in client.get("/en/docking/?status=closed").content.decode()
    assert "no longer takes responses" in client.get(requirement.get_absolute_url("en")).content.decode()


def test_mine_lists_a_companys_requirements_and_responses(client, lead, lead_member, supplier, supplier_member,
                                                         categories, docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="Two mixing lines")
    requirement_draft(company=lead, user=lead_member, categories=[categories["carbon"]], title_en="Draft need")
    response_send(requirement=requirement, company=supplier, user=supplier_member)

    client.force_login(lead_member)
    poster = client.get("/en/docking/mine/").content.decode()
    client.force_login(supplier_member)
    supplier_page = client.get("/en/docking/mine/").content.decode()

    assert "Two mixing lines" in poster and "Draft need" in poster
    assert "Two mixing lines" in supplier_page and "Draft need" not in supplier_page
    assert "Linglong Test Tire" in supplier_page
    services.requirement_close(requirement=requirement, user=lead_member)


def test_poster_sees_the_companies_that_may_fit_with_their_pages(client, lead, lead_member, supplier, categories,
                                                                 docking_editor, unverified):
    from tests.factories import ProductFactory

    ProductFactory(company=supplier, en="GK-320 mixer", categories=[categories["mixing"]])
    ProductFactory(company=unverified, en="Small mixer", categories=[categories["mixing"]])
    ProductFactory(company=lead, en="Own mixer", categories=[categories["mixing"]])
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["equipment"]], title_en="Plant equipment")
    client.force_login(lead_member)

    html = client.get(f"/en/docking/mine/{requirement.pk}/").content.decode()

    fits = html[html.index('class="fit-list"'):]
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', fits) == [
        ("/en/expo/companies/yiyang-mixers/", "Yiyang Mixers"), ("/en/expo/companies/newcomer/", "Newcomer Rubber")]
    assert fits.index("Yiyang Mixers") < fits.index('class="badge-verified"') < fits.index("Newcomer Rubber")
