"""Editors review a change in the admin: a per-language diff, approve, or reject with a reason."""

import re

import pytest
from django.core import mail

from apps.companies.models import Company
from apps.expo.models import ProfileChange, ProfileChangeState
from apps.expo.portal import selectors, services
from apps.expo.portal.uploads import image_check
from tests.support import deliver_all
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture
def change(company_a, member_a):
    services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload()), profile={
        "shared": {"website": "https://longyuan.example", "email": "", "phone": "", "region": "shandong"},
        "translations": {"en": {"name": "Longyuan Tyre", "summary": "Longyuan Tyre summary, radial tyres"},
                         "zh-hans": {"name": "隆远轮胎集团", "summary": "隆远轮胎简介"}},
        "participations": {}})
    services.product_delete_submit(company=company_a, user=member_a, key=str(company_a.products.get().pk))
    return ProfileChange.objects.get(company=company_a)


def test_pending_list_and_diff_per_language(client, portal_editor, change):
    client.force_login(portal_editor)
    listing = client.get("/en/admin/expo/profilechange/?state__exact=pending").content.decode()
    assert f"/en/admin/expo/profilechange/{change.pk}/change/" in listing
    html = client.get(f"/en/admin/expo/profilechange/{change.pk}/change/").content.decode()
    zh = re.search(r'<table class="diff-table" data-language="zh-hans">.*?</table>', html, re.S).group(0)
    assert re.search(r'<tr class="changed" data-field="name"><th scope="row">Name</th><td>隆远轮胎</td>'
                     r'<td>隆远轮胎集团</td>', zh)
    en = re.search(r'<table class="diff-table" data-language="en">.*?</table>', html, re.S).group(0)
    assert '<tr class="same" data-field="name">' in en
    assert "Longyuan Tyre summary<ins>, radial tyres</ins>" in en  # difflib word diff of the long text
    assert 'data-field="region"' in html and "Shandong" in html
    assert f"/en/portal/companies/{change.company.slug}/pending/{change.logo.name.split('/')[-1]}" in html  # new logo
    assert "Product to remove:" in html and "Longyuan Tyre tyre" in html
    assert 'name="digest"' in html


def test_approve_from_the_admin(client, portal_editor, change, company_a):
    client.force_login(portal_editor)
    digest = selectors.profile_change_digest(change)
    response = client.post(f"/en/admin/expo/profilechange/{change.pk}/approve/", {"digest": digest})
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == ProfileChangeState.APPROVED and change.reviewed_by == portal_editor
    company = Company.objects.get(pk=company_a.pk)
    assert company.safe_translation_getter("name", language_code="zh-hans") == "隆远轮胎集团"
    assert not company.products.exists()
    deliver_all()
    assert [m.subject for m in mail.outbox] == ["隆远轮胎集团的资料修改已上线"]


def test_reject_without_a_reason_is_refused_in_the_form(client, portal_editor, change):
    client.force_login(portal_editor)
    response = client.post(f"/en/admin/expo/profilechange/{change.pk}/reject/", {"reason": ""})
    assert response.status_code == 400
    assert "Give the exhibitor a reason for the rejection." in response.content.decode()
    assert ProfileChange.objects.get(pk=change.pk).state == ProfileChangeState.PENDING


def test_reject_with_a_reason(client, portal_editor, change, member_a):
    client.force_login(portal_editor)
    response = client.post(f"/en/admin/expo/profilechange/{change.pk}/reject/", {"reason": "营业执照名称不符。"})
    assert response.status_code == 302
    assert ProfileChange.objects.get(pk=change.pk).reason == "营业执照名称不符。"
    deliver_all()
    assert mail.outbox[0].to == [member_a.email] and "营业执照名称不符。" in mail.outbox[0].body


def test_a_stale_digest_is_refused(client, portal_editor, change):
    client.force_login(portal_editor)
    response = client.post(f"/en/admin/expo/profilechange/{change.pk}/approve/", {"digest": "0" * 16})
    assert response.status_code == 302
    assert ProfileChange.objects.get(pk=change.pk).state == ProfileChangeState.PENDING
    messages = client.get(response["Location"]).content.decode()
    assert "The exhibitor changed this request after you opened it." in messages


def test_a_logo_swapped_after_the_editor_opened_the_review_is_not_approved(client, portal_editor, change, company_a,
                                                                           member_a):
    client.force_login(portal_editor)
    html = client.get(f"/en/admin/expo/profilechange/{change.pk}/change/").content.decode()
    seen = re.search(r'name="digest" value="([0-9a-f]+)"', html).group(1)
    services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload(color="blue")),
                                   profile=None)

    client.post(f"/en/admin/expo/profilechange/{change.pk}/approve/", {"digest": seen})

    assert ProfileChange.objects.get(pk=change.pk).state == ProfileChangeState.PENDING
    assert not Company.objects.get(pk=company_a.pk).logo


def test_approval_keeps_what_an_editor_changed_meanwhile_in_fields_the_exhibitor_left(client, portal_editor, change,
                                                                                      company_a):
    company = Company.objects.get(pk=company_a.pk)
    company.phone = "+86 532 1234 5678"
    company.set_current_language("zh-hans")
    company.city = "青岛市城阳区"
    company.save()
    client.force_login(portal_editor)
    html = client.get(f"/en/admin/expo/profilechange/{change.pk}/change/").content.decode()
    assert "+86 532 1234 5678" in html  # the review shows the profile as it is now

    client.post(f"/en/admin/expo/profilechange/{change.pk}/approve/",
                {"digest": selectors.profile_change_digest(change)})

    company = Company.objects.get(pk=company_a.pk)
    assert company.phone == "+86 532 1234 5678"
    assert company.safe_translation_getter("city", language_code="zh-hans") == "青岛市城阳区"
    assert company.safe_translation_getter("name", language_code="zh-hans") == "隆远轮胎集团"
