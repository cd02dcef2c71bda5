"""Supply & Demand end to end in Chromium, in both languages: a lead company's member posts a requirement in
Chinese and sends it for review; an editor approves it in the admin; a supplier making mixing lines is told by
email (in English), follows the link and responds; the poster is told (in Chinese), shortlists and awards; the
supplier is told of each decision; a visitor finds the requirement on the board."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from apps.accounts import roles
from apps.docking.models import Requirement, Response, ResponseStatus, Status
from tests.docking.conftest import company, member
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PageFactory, ProductCategoryFactory, ProductFactory, UserFactory
from tests.factories.accounts import PASSWORD
from tests.factories.cms_pages import apphook_detach
from tests.fixtures.pages import home_page, pages_admin, section_page
from tests.support import deliver_all

LINK = re.compile(r"http://\S+?(/(?:en|zh-hans)/docking/\S+/)")


@pytest.fixture
def docking_site(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    admin = pages_admin()
    home_page(admin)
    expo = section_page("expo", user=admin)
    docking = PageFactory(title_en="Supply & Demand", title_zh="供需对接", slug="docking", template="cms/section.html",
                          user=admin, apphook="DockingApphook", apphook_namespace="docking")
    equipment = ProductCategoryFactory(slug="equipment", en="Equipment", zh="设备")
    mixing = ProductCategoryFactory(slug="mixing-lines", en="Mixing lines", zh="密炼线", parent=equipment)
    lead = company("linglong-e2e", "Linglong E2E Tire", "玲珑端到端轮胎")
    supplier = company("yiyang-e2e", "Yiyang E2E Mixers", "益阳端到端密炼")
    ProductFactory(company=supplier, en="GK-320 mixer", categories=[mixing])
    people = {"poster": member(lead, "poster-e2e", "zh-hans"), "supplier": member(supplier, "supplier-e2e", "en"),
              "editor": UserFactory(username="editor-e2e", role=roles.EDITORS, preferred_language="en")}
    yield people
    apphook_detach(docking)
    apphook_detach(expo)


def shot(page, label):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"docking-e2e-{label}.png"), full_page=True)


def login(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()


def email_to(address, subject):
    deliver_all()  # what the Celery task does
    found = [message for message in mail.outbox if address in message.to and message.subject == subject]
    assert found, [(m.to, m.subject) for m in mail.outbox]
    return found[-1]


def link_path(message):
    return urlparse(LINK.search(message.body).group(0)).path


def test_post_approve_match_respond_shortlist_award(browser, live_server, docking_site):
    poster = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN").new_page()
    login(poster, f"{live_server.url}/zh-hans/accounts/login/?next=/zh-hans/docking/mine/new/", "poster-e2e")
    poster.wait_for_url(f"{live_server.url}/zh-hans/docking/mine/new/")
    poster.fill("#id_title_zh_hans", "新工厂需两条密炼线")
    poster.fill("#id_description_zh_hans", "用于全钢子午胎二期工厂。")
    poster.get_by_label("密炼线").check()
    poster.select_option("#id_segment", "midstream")
    poster.fill("#id_quantity", "2")
    poster.select_option("#id_region", "shandong")
    poster.get_by_role("button", name="保存草稿").click()
    assert "请说明数量的单位。" in poster.locator("main").inner_text()  # and nothing typed is lost
    assert poster.input_value("#id_title_zh_hans") == "新工厂需两条密炼线"
    poster.select_option("#id_unit", "line")
    poster.fill("#id_deadline", "2099-06-30")
    poster.get_by_role("button", name="保存草稿").click()
    poster.wait_for_selector(".docking-message")
    poster.get_by_role("button", name="提交审核").click()
    assert "需求已提交编辑审核。" in poster.locator(".docking-message").inner_text()
    requirement = Requirement.objects.get()
    assert requirement.status == Status.REVIEW
    shot(poster, "posted-zh")

    editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    login(editor, f"{live_server.url}/en/admin/login/?next=/en/admin/docking/requirement/queue/", "editor-e2e")
    editor.wait_for_url(f"{live_server.url}/en/admin/docking/requirement/queue/")
    assert "新工厂需两条密炼线" in editor.locator(f"#requirement-{requirement.pk}").inner_text()
    editor.locator(f"#requirement-{requirement.pk}").get_by_role("button", name="Approve and publish").click()
    editor.wait_for_selector(".messagelist .success")
    requirement.refresh_from_db()
    assert requirement.status == Status.OPEN

    matched = email_to("supplier-e2e@example.com", "A requirement that matches your products: 新工厂需两条密炼线")
    supplier = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
    supplier.goto(live_server.url + link_path(matched))
    assert supplier.locator("h1").inner_text() == "新工厂需两条密炼线"
    assert "This requirement was written in another language" in supplier.locator("main").inner_text()
    supplier.locator("main").get_by_role("link", name="Log in").click()
    supplier.fill("#id_username", "supplier-e2e")
    supplier.fill("#id_password", PASSWORD)
    supplier.locator("main form button[type=submit]").last.click()
    supplier.get_by_role("link", name="Respond to this requirement").click()
    supplier.fill("#id_message", "We built eleven such lines; two GK-320 lines in seven months.")
    supplier.fill("#id_price", "23800000")
    supplier.get_by_role("button", name="Send the response").click()
    supplier.wait_for_selector(".docking-message")
    response = Response.objects.get()
    assert supplier.url == f"{live_server.url}/en/docking/responses/{response.pk}/"
    shot(supplier, "responded-en")

    received = email_to("poster-e2e@example.com", "益阳端到端密炼已响应：新工厂需两条密炼线")
    poster.goto(live_server.url + link_path(received))
    assert "two GK-320 lines" in poster.locator(".response-body").inner_text()
    poster.get_by_role("button", name="列入候选").click()
    assert "已列入候选" in poster.locator(".docking-message").inner_text()
    poster.get_by_role("button", name="选定此供应商").click()
    assert "已选定此供应商" in poster.locator(".docking-message").inner_text()
    response.refresh_from_db()
    requirement.refresh_from_db()
    assert (response.status, requirement.status) == (ResponseStatus.AWARDED, Status.AWARDED)
    shot(poster, "awarded-zh")

    assert email_to("supplier-e2e@example.com", "Your response: Shortlisted · 新工厂需两条密炼线")
    awarded = email_to("supplier-e2e@example.com", "Your response: Awarded · 新工厂需两条密炼线")
    assert f"/en/docking/responses/{response.pk}/" in awarded.body

    visitor = browser.new_context(locale="en-US").new_page()
    visitor.goto(f"{live_server.url}/en/docking/?status=awarded")
    visitor.get_by_role("link", name="新工厂需两条密炼线").click()
    assert "This requirement has been awarded." in visitor.locator("main").inner_text()
    shot(visitor, "visitor-en")
    assert visitor.get_by_role("link", name="Linglong E2E Tire").get_attribute("href") == \
        "/en/expo/companies/linglong-e2e/"
    for context in (poster.context, editor.context, supplier.context, visitor.context):
        context.close()
