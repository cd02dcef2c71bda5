"""End to end in Chromium, in English: a signed-up visitor finds a company and asks to join it; the editors are
told (by email, each in their language); the English editor follows the emailed link into the admin, reads the
request and approves it; the visitor is told and the joining page says so."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from apps.accounts import roles
from apps.onboarding import services
from apps.onboarding.models import JoinRequest, JoinState
from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD as EDITOR_PASSWORD
from tests.onboarding.conftest import PASSWORD, company
from tests.support import deliver_all

ADMIN_LINK = re.compile(r"http://\S+?(/en/admin/onboarding/joinrequest/\d+/change/)")


def emails(address):
    deliver_all()  # what the Celery task does
    return [message for message in mail.outbox if message.to == [address]]


def login(page, username, password):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit], main form input[type=submit], #content form input[type=submit]"
                 ).last.click()


@pytest.fixture
def joining(transactional_db):
    signup = services.signup_request(email="chen.jie@example.com", name="Chen Jie", password=PASSWORD, language="en")
    services.signup_confirm(signup=signup)
    haiwan = company("haiwan-chemical", "Haiwan Chemical", "海湾化工", verified=True)
    editors = [UserFactory(username=f"join-editor-{code}", email=f"join-editor-{code}@example.com", role=roles.EDITORS,
                           preferred_language=code) for code in ("en", "zh-hans")]
    deliver_all()
    mail.outbox.clear()
    return {"company": haiwan, "editors": editors}


def test_a_join_request_reaches_the_editors_and_its_approval_the_visitor(browser, live_server, joining, screenshot,
                                                                         page):
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/join/companies/")
    login(page, "chen.jie@example.com", PASSWORD)
    page.wait_for_url(f"{live_server.url}/en/join/companies/")
    page.locator("main").locator("input[name=q]").fill("Haiwan")
    page.locator("main").get_by_role("button", name="Search").click()
    page.locator("main").get_by_role("link", name="Ask to join").click()
    page.wait_for_url(f"{live_server.url}/en/join/companies/haiwan-chemical/")
    page.fill("textarea[name=message]", "I buy plasticisers for Haiwan's Qingdao plant.")
    page.locator("main").get_by_role("button", name="Send the request").click()
    page.wait_for_url(re.compile(r".*/en/join/requests/\d+/$"))
    screenshot("request-sent")

    (english,) = emails("join-editor-en@example.com")
    assert english.subject == "Request to join Haiwan Chemical"
    assert "Chen Jie (chen.jie@example.com) asks to join Haiwan Chemical." in english.body
    assert "I buy plasticisers for Haiwan's Qingdao plant." in english.body
    (chinese,) = emails("join-editor-zh-hans@example.com")
    assert chinese.subject == "申请加入海湾化工"

    editor = browser.new_context(locale="en-US").new_page()
    editor.goto(live_server.url + "/en/admin/login/?next=" + ADMIN_LINK.search(english.body).group(1))
    login(editor, "join-editor-en", EDITOR_PASSWORD)
    editor.wait_for_url(re.compile(r".*/admin/onboarding/joinrequest/\d+/change/$"))
    assert "I buy plasticisers for Haiwan" in editor.locator("#content").inner_text()
    editor.goto(f"{live_server.url}/en/admin/onboarding/joinrequest/?state__exact=pending")
    editor.locator("input[name=_selected_action]").first.check()
    editor.select_option("select[name=action]", "approve")
    editor.locator("button[name=index], input[name=index]").first.click()
    assert "1 requests approved" in editor.locator(".messagelist").inner_text()
    editor.context.close()

    assert JoinRequest.objects.get().state == JoinState.APPROVED
    assert [message.subject for message in emails("chen.jie@example.com")] == ["You are now a member of Haiwan Chemical"]
    page.goto(f"{live_server.url}/en/join/status/")
    assert "Haiwan Chemical" in page.locator("main").inner_text()
    screenshot("member-now")
    assert urlparse(page.url).path == "/en/join/status/"
