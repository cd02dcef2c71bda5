"""End to end in Chromium: an exhibitor edits the Chinese profile and uploads a logo in the portal and submits;
an editor approves it in the admin; a visitor sees the new profile on the public company page in both languages."""

import datetime
import re

import pytest
from django.utils import timezone
from PIL import Image

from apps.accounts import roles
from apps.companies.services import company_member_add
from apps.expo.models import ProfileChange, ProfileChangeState
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PASSWORD, CompanyFactory, EditionFactory, ParticipationFactory, UserFactory


@pytest.fixture
def exhibitor_company(expo_page, media_root):
    edition = EditionFactory(slug="rubber-expo-e2e", name_en="China Rubber Expo", name_zh="中国橡胶博览会",
                             starts_on=timezone.localdate() + datetime.timedelta(days=20))
    company = CompanyFactory(slug="longyuan-tyre", translations={
        "en": {"name": "Longyuan Tyre", "summary": "Tyres from Qingdao."},
        "zh-hans": {"name": "隆远轮胎", "summary": "青岛轮胎企业。"}})
    ParticipationFactory(company=company, edition=edition)
    member = UserFactory(role=roles.EXHIBITORS, username="longyuan-e2e", preferred_language="zh-hans")
    company_member_add(company=company, user=member)
    return company


def login(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit], form input[type=submit]").last.click()


def test_exhibitor_submits_editor_approves_visitor_sees_both_languages(page, browser, live_server, tmp_path,
                                                                       exhibitor_company, screenshot):
    company = exhibitor_company
    visitor = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN").new_page()
    visitor.goto(f"{live_server.url}/zh-hans/expo/companies/{company.slug}/")
    assert visitor.locator(".expo-summary").inner_text() == "青岛轮胎企业。"  # now also in the page cache

    login(page, f"{live_server.url}/zh-hans/accounts/login/?next=/zh-hans/portal/", "longyuan-e2e")
    page.wait_for_url(f"{live_server.url}/zh-hans/portal/")
    assert "中文: 14%" in page.locator(".completeness").inner_text()
    page.get_by_role("link", name="编辑资料").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/portal/companies/{company.slug}/")
    page.fill("textarea[name=summary_zh_hans]", "青岛全钢子午线轮胎制造商，年产三百万条。")
    page.fill("textarea[name=summary_en]", "Qingdao maker of all-steel radial tyres, three million a year.")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 120), "#0b6e4f").save(logo)
    page.set_input_files("input[name=logo]", str(logo))
    screenshot("portal-edit-zh")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_selector(".portal-message")
    assert "已提交审核" in page.locator(".portal-message").inner_text()
    assert page.input_value("textarea[name=summary_zh_hans]") == "青岛全钢子午线轮胎制造商，年产三百万条。"
    change = ProfileChange.objects.get(company=company, state=ProfileChangeState.PENDING)

    editor_page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    UserFactory(role=roles.EDITORS, username="expo-editor-e2e")
    login(editor_page, f"{live_server.url}/en/admin/login/?next=/en/admin/", "expo-editor-e2e")
    editor_page.wait_for_url(f"{live_server.url}/en/admin/")
    editor_page.goto(f"{live_server.url}/en/admin/expo/profilechange/?state__exact=pending")
    editor_page.locator("#result_list th a", has_text="Longyuan Tyre").click()
    editor_page.wait_for_url(re.compile(rf".*/en/admin/expo/profilechange/{change.pk}/change/.*"))
    changed = editor_page.locator('table[data-language="zh-hans"] tr.changed[data-field="summary"]')
    assert "年产三百万条" in changed.locator("ins").all_inner_texts()[-1]  # the word diff of the long text
    assert changed.locator("td").first.inner_text() == "青岛轮胎企业。"
    assert editor_page.locator(".diff-logo img").count() == 1  # no logo before, the new one after
    editor_page.screenshot(path=str(ARTIFACTS / "expo-profile-change-review.png"), full_page=True)
    editor_page.get_by_role("button", name="Approve").click()
    editor_page.wait_for_selector(".messagelist .success")
    change.refresh_from_db()
    assert change.state == ProfileChangeState.APPROVED

    visitor.goto(f"{live_server.url}/zh-hans/expo/companies/{company.slug}/")
    assert visitor.locator(".expo-summary").inner_text() == "青岛全钢子午线轮胎制造商，年产三百万条。"
    logo_src = visitor.locator("img.expo-logo").get_attribute("src")
    assert logo_src.startswith("/media/companies/logos/")
    assert visitor.evaluate("src => fetch(src).then(r => r.status)", logo_src) == 200
    visitor.screenshot(path=str(ARTIFACTS / "expo-company-after-approval-zh-hans.png"), full_page=True)
    visitor.goto(f"{live_server.url}/en/expo/companies/{company.slug}/")
    english = "Qingdao maker of all-steel radial tyres, three million a year."
    assert visitor.locator(".expo-summary").inner_text() == english
    visitor.context.close()
    editor_page.context.close()
