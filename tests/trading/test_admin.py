"""The notice desk in the admin: drafting with attachments, the four-eyes workflow, read-only published notices."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.trading.models import Notice, NoticeAttachment, NoticeStatus
from tests.factories import NoticeFactory
from tests.support.files import PDF
from tests.support.trading import notice_form

CHANGELIST = "/en/admin/trading/notice/"
ADD = "/en/admin/trading/notice/add/"


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("exhibitor", 302), ("editor", 200),
                                          ("trading_staff", 200)])
def test_notice_admin_open_to_trading_staff_and_editors(client, request, center, role, status):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    for url in (CHANGELIST, ADD, "/zh-hans/admin/trading/tradingcenter/"):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert "/admin/login/" in response["Location"]


def test_trading_staff_drafts_notice_with_pdf_in_admin(client, center, trading_staff):
    client.force_login(trading_staff)
    form = notice_form(center, **{"attachments-0-upload": SimpleUploadedFile("fees.pdf", PDF)})

    response = client.post(f"{ADD}?language=en", form)

    assert response.status_code == 302, response.content.decode()[:3000]
    notice = Notice.objects.language("en").get()
    assert (notice.title, notice.status, notice.created_by, notice.number) == (
        "Storage fees", NoticeStatus.DRAFT, trading_staff, None)
    attachment = NoticeAttachment.objects.get()
    assert (attachment.notice, attachment.filename, attachment.file_type) == (notice, "fees.pdf", "pdf")


def test_fake_pdf_in_admin_is_refused_and_form_kept(client, center, trading_staff):
    client.force_login(trading_staff)
    form = notice_form(center, **{"attachments-0-upload": SimpleUploadedFile("fees.pdf", b"just text")})

    response = client.post(f"{ADD}?language=en", form)

    html = response.content.decode()
    assert response.status_code == 200
    assert "The file is named .pdf but is not a PDF document." in html
    assert 'value="Storage fees"' in html
    assert (Notice.objects.count(), NoticeAttachment.objects.count()) == (0, 0)


def test_oversize_file_in_admin_is_refused(client, center, trading_staff, settings):
    settings.TRADING_ATTACHMENT_MAX_BYTES = 100
    client.force_login(trading_staff)
    form = notice_form(center, **{"attachments-0-upload": SimpleUploadedFile("big.pdf", PDF + b" " * 200)})

    response = client.post(f"{ADD}?language=en", form)

    assert "the largest file accepted is 100\xa0bytes" in response.content.decode()
    assert Notice.objects.count() == 0


def workflow(client, notice, action):
    return client.post(f"/en/admin/trading/notice/{notice.pk}/workflow/{action}/", follow=True)


def test_drafter_submits_but_cannot_approve_and_second_person_publishes(client, center, trading_staff,
                                                                        second_trading_staff):
    notice = NoticeFactory(center=center, author=trading_staff, submit=False, publish=False)
    client.force_login(trading_staff)

    page = client.get(f"/en/admin/trading/notice/{notice.pk}/change/").content.decode()
    assert "Submit for approval" in page and "Approve and publish" not in page
    workflow(client, notice, "submit")
    page = workflow(client, notice, "approve").content.decode()

    assert "A notice must be approved by someone other than the person who drafted or last changed it." in page
    assert "A second person (another trading staff member or an editor) approves this notice." in page
    notice.refresh_from_db()
    assert (notice.status, notice.number) == (NoticeStatus.SUBMITTED, None)

    client.force_login(second_trading_staff)
    page = workflow(client, notice, "approve").content.decode()

    notice.refresh_from_db()
    assert (notice.status, notice.approved_by, notice.serial) == (NoticeStatus.PUBLISHED, second_trading_staff,
                                                                  f"[{notice.year}] No. 1")
    assert f"The notice was published as [{notice.year}] No. 1." in page


def test_published_notice_is_read_only_but_can_be_pinned_and_corrected(client, center, trading_staff, editor):
    notice = NoticeFactory(center=center, author=trading_staff, approver=editor, title_en="Fees")
    client.force_login(trading_staff)
    url = f"/en/admin/trading/notice/{notice.pk}/change/?language=en"

    page = client.get(url).content.decode()
    response = client.post(url, {"pinned": "on", "title": "Hijacked", "attachments-TOTAL_FORMS": "0",
                                 "attachments-INITIAL_FORMS": "0"})
    corrected = workflow(client, notice, "correct")

    assert 'name="title"' not in page and 'name="pinned"' in page
    assert response.status_code == 302
    notice = Notice.objects.language("en").get(pk=notice.pk)
    assert (notice.pinned, notice.title) == (True, "Fees")
    draft = Notice.objects.get(supersedes=notice)
    assert corrected.redirect_chain[-1][0] == f"/en/admin/trading/notice/{draft.pk}/change/"
    assert client.post(f"/en/admin/trading/notice/{notice.pk}/delete/", {"post": "yes"}).status_code == 403


def test_workflow_needs_post_and_admin_access(client, center, exhibitor, trading_staff):
    notice = NoticeFactory(center=center, author=trading_staff, submit=False, publish=False)

    client.force_login(trading_staff)
    assert client.get(f"/en/admin/trading/notice/{notice.pk}/workflow/submit/").status_code == 405
    assert client.post(f"/en/admin/trading/notice/{notice.pk}/workflow/explode/").status_code == 404
    client.force_login(exhibitor)
    assert client.post(f"/en/admin/trading/notice/{notice.pk}/workflow/submit/").status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT


@pytest.mark.parametrize("count", [1, 3])
def test_notice_changelist_query_count_is_fixed(client, center, editor, django_assert_num_queries, count):
    for _ in range(count):
        NoticeFactory(center=center)
    client.force_login(editor)
    client.get(CHANGELIST)  # the first admin visit creates the editor's CMS settings

    with django_assert_num_queries(QUERIES_CHANGELIST):
        response = client.get(CHANGELIST)

    assert response.status_code == 200
    assert response.content.decode().count('class="action-select"') == count


QUERIES_CHANGELIST = 15
