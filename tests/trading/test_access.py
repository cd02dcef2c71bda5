"""Who may see what: public notices for all, drafts and their files for trading staff and editors only."""

import pytest

from apps.trading import services
from tests.factories import NoticeFactory
from tests.support.files import PDF, upload

ROLES = ["anonymous", "exhibitor", "editor", "trading_staff"]


def login(client, request, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))


@pytest.fixture
def draft(center, second_trading_staff):
    notice = NoticeFactory(center=center, author=second_trading_staff, publish=False, title_en="Draft fees")
    services.attachment_add(notice=notice, upload=upload("draft.pdf", PDF), user=second_trading_staff)
    return notice


@pytest.fixture
def published(center, second_trading_staff, editor):
    notice = NoticeFactory(center=center, author=second_trading_staff, publish=False, title_en="Public fees")
    services.attachment_add(notice=notice, upload=upload("fees 2026.pdf", PDF), user=second_trading_staff)
    return services.notice_approve(notice=notice, user=editor)


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("exhibitor", 404), ("editor", 200),
                                          ("trading_staff", 200)])
def test_draft_preview_only_for_staff(client, request, trading_pages, draft, role, status):
    login(client, request, role)

    response = client.get(f"/en/trading/preview/{draft.pk}/")

    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Preview: this notice is not public (Awaiting approval)." in html
        assert '<h1 class="page-title">Draft fees</h1>' in html
        assert "no-cache" in response["Cache-Control"]
    if status == 302:
        assert response["Location"] == f"/en/accounts/login/?next=/en/trading/preview/{draft.pk}/"


@pytest.mark.parametrize("role", ROLES)
def test_public_notice_and_its_file_open_to_everyone(client, request, trading_pages, published, role):
    login(client, request, role)
    attachment = published.attachments.get()

    page = client.get(published.get_absolute_url("en"))
    download = client.get(attachment.get_absolute_url("en"))

    assert page.status_code == 200
    assert f'<a href="/en/trading/attachments/{attachment.pk}/fees%202026.pdf" download>fees 2026.pdf</a>' in (
        page.content.decode())
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="fees 2026.pdf"'
    if role in ("anonymous", "exhibitor"):  # django CMS marks staff users' responses never-cache
        assert download["Cache-Control"] == "public, max-age=86400"
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize("role, status", [("anonymous", 404), ("exhibitor", 404), ("editor", 200),
                                          ("trading_staff", 200)])
def test_draft_file_only_for_staff(client, request, trading_pages, draft, role, status):
    login(client, request, role)

    response = client.get(draft.attachments.get().get_absolute_url("zh-hans"))

    assert response.status_code == status
    if status == 200:
        assert response["Cache-Control"].startswith("private, no-store")
        assert response["Content-Disposition"] == 'attachment; filename="draft.pdf"'


def test_attachment_with_wrong_name_or_missing_file_is_404(client, trading_pages, published):
    attachment = published.attachments.get()

    wrong_name = client.get(f"/en/trading/attachments/{attachment.pk}/other.pdf")
    attachment.file.storage.delete(attachment.file.name)
    missing = client.get(attachment.get_absolute_url("en"))

    assert (wrong_name.status_code, missing.status_code) == (404, 404)


def test_draft_is_on_no_public_page(client, trading_pages, draft, published):
    for url in ["/en/trading/", "/en/trading/nr-spot/", "/en/trading/nr-spot/rss/trading/",
                "/en/trading/banner.json", "/en/trading/nr-spot/archive/"]:
        html = client.get(url).content.decode()
        assert "Draft fees" not in html, url
    assert "Public fees" in client.get("/en/trading/nr-spot/").content.decode()


def test_files_are_not_reachable_under_media(client, trading_pages, draft):
    attachment = draft.attachments.get()

    assert client.get(f"/media/{attachment.file.name}", follow=True).status_code == 404
