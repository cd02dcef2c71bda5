"""Exhibitors' uploads waiting for review are private: stored outside MEDIA_ROOT, with no public URL, and streamed
only to the company's members and to editors by the portal's pending_file view."""

import os

import pytest
from django.core.files.storage import default_storage

from apps.companies.models import Company
from apps.expo.models import ProfileChange
from apps.expo.portal import services
from apps.expo.portal.uploads import image_check, pending_storage
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")


def _url(company, path, language="en"):
    return f"/{language}/portal/companies/{company.slug}/pending/{os.path.basename(path)}"


@pytest.fixture
def pending_logo(company_a, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change = services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload()))
    return change.logo.name


def test_pending_logo_is_outside_media_root_and_has_no_url(media_root, pending_logo):
    stored = os.path.realpath(pending_storage.path(pending_logo))
    assert os.path.isfile(stored)
    assert not stored.startswith(os.path.realpath(media_root) + os.sep)
    assert not default_storage.exists(pending_logo)
    with pytest.raises(ValueError):
        ProfileChange.objects.get().logo.url


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_member_gets_the_pending_logo(client, company_a, member_a, pending_logo, language):
    client.force_login(member_a)
    response = client.get(_url(company_a, pending_logo, language))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pending_storage.open(pending_logo).read()
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"].startswith("private")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_member_gets_a_pending_product_image(client, company_a, member_a):
    _change, key = services.product_submit(
        company=company_a, user=member_a, image=image_check(image_upload("p.jpg", fmt="JPEG")), categories=[],
        translations={"en": {"name": "Mining tyre", "description": ""}, "zh-hans": {"name": "", "description": ""}})
    path = ProfileChange.objects.get().payload["products"][key]["images"][0]["path"]
    client.force_login(member_a)
    response = client.get(_url(company_a, path))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == pending_storage.open(path).read()


def test_member_of_another_company_gets_404(client, company_a, member_b, pending_logo):
    client.force_login(member_b)
    assert client.get(_url(company_a, pending_logo)).status_code == 404


def test_file_asked_under_another_company_gets_404(client, company_a, company_b, member_b, pending_logo):
    """Member of B cannot reach A's file through B's address, even while B has its own pending change."""
    services.profile_change_submit(company=company_b, user=member_b, logo=image_check(image_upload()))
    client.force_login(member_b)
    assert client.get(_url(company_b, pending_logo)).status_code == 404


def test_anonymous_is_sent_to_login(client, company_a, pending_logo):
    response = client.get(_url(company_a, pending_logo))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_guessed_and_stale_paths_get_404(client, company_a, member_a, pending_logo, django_capture_on_commit_callbacks):
    client.force_login(member_a)
    assert client.get(_url(company_a, "0123456789abcdef0123456789abcdef.png")).status_code == 404
    traversal = client.get(f"/en/portal/companies/{company_a.slug}/pending/..%2F..%2Fsettings.py", follow=True)
    assert traversal.status_code == 404
    pending_storage.save("pending/planted.png", image_upload())  # in the folder, but not part of the change
    assert client.get(_url(company_a, "pending/planted.png")).status_code == 404
    # A replaced logo is no longer part of the change.
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload(color="red")))
    assert client.get(_url(company_a, pending_logo)).status_code == 404


def test_post_is_refused(client, company_a, member_a, pending_logo):
    client.force_login(member_a)
    assert client.post(_url(company_a, pending_logo)).status_code == 405


def test_editor_gets_the_pending_logo(client, company_a, portal_editor, pending_logo):
    assert portal_editor.has_perm("expo.review_profilechange")
    client.force_login(portal_editor)
    response = client.get(_url(company_a, pending_logo))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pending_storage.open(pending_logo).read()


def test_portal_pages_link_the_view(client, company_a, member_a, pending_logo):
    client.force_login(member_a)
    for page in ("", "change/"):
        html = client.get(f"/zh-hans/portal/companies/{company_a.slug}/{page}").content.decode()
        assert _url(company_a, pending_logo, "zh-hans") in html and "/media/pending/" not in html


def test_after_approval_the_live_logo_is_public_and_the_pending_file_gone(
        client, media_root, company_a, member_a, portal_editor, pending_logo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_change_approve(change=ProfileChange.objects.get(), editor=portal_editor)
    company = Company.objects.get(pk=company_a.pk)
    live = os.path.realpath(default_storage.path(company.logo.name))
    assert live.startswith(os.path.realpath(media_root) + os.sep) and os.path.isfile(live)
    assert company.logo.url.startswith("/media/companies/logos/")
    assert not pending_storage.exists(pending_logo)
    client.force_login(member_a)
    assert client.get(_url(company_a, pending_logo)).status_code == 404
