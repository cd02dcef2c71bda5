"""Contact requests end to end in Chromium, in both languages: an anonymous visitor contacts an exhibitor from its
company page ("Ask about this product"), confirms by the link in the email, and the exhibitor's member sees the
request in the portal and marks it contacted. Phone and desktop widths."""

import re
from urllib.parse import urlparse

import pytest
from django.core import mail

from apps.leads.models import Lead, Status
from tests.e2e.conftest import ARTIFACTS
from tests.factories import PASSWORD
from tests.support import deliver_all

LINK = re.compile(r"http://\S+?/(?:en|zh-hans)/contact/confirm/\S+?/")
WORDS = {
    "en": {"ask": "Ask about this product", "send": "Send", "sent": "Check your email", "confirm": "Confirm and send",
           "done": "Message sent", "contacted": "Contacted", "save": "Save", "saved": "The contact request was saved.",
           "subject": "Please confirm your message to Longyuan Tyre"},
    "zh-hans": {"ask": "咨询此产品", "send": "发送", "sent": "请查收邮件", "confirm": "确认并发送", "done": "留言已发送",
                "contacted": "已联系", "save": "保存", "saved": "联系请求已保存。",
                "subject": "请确认您发给隆远轮胎的留言"},
}


def shot(page, label):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"leads-e2e-{label}.png"), full_page=True)


def login(page, url, username):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()


@pytest.mark.parametrize(("language", "width"), [("zh-hans", 390), ("en", 1366)])
def test_visitor_contacts_confirms_and_the_member_marks_it_contacted(browser, live_server, expo_page, company_a,
                                                                     member_a, language, width):
    words, base = WORDS[language], live_server.url
    visitor = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN").new_page()
    visitor.goto(f"{base}/{language}/expo/companies/{company_a.slug}/")
    visitor.get_by_role("link", name=words["ask"]).click()
    visitor.wait_for_url(re.compile(rf".*/{language}/contact/{company_a.slug}/\?product=\d+$"))
    product = company_a.products.get()
    assert visitor.input_value("#id_product") == str(product.pk)
    visitor.fill("#id_name", "林晓" if language == "zh-hans" else "Lin Xiao")
    visitor.fill("#id_organisation", "晓林贸易" if language == "zh-hans" else "Xiaolin Trading")
    visitor.fill("#id_email", "lin.xiao@example.net")
    visitor.fill("#id_message", "短")  # too short: the error is shown, nothing typed is lost
    visitor.get_by_role("button", name=words["send"]).click()
    assert visitor.locator(".field-error").count() == 1
    assert visitor.input_value("#id_email") == "lin.xiao@example.net"
    visitor.fill("#id_message", "我们每月需要两百条轮胎，请报价。" if language == "zh-hans" else
                 "We need two hundred tyres a month, please quote.")
    shot(visitor, f"form-{language}-{width}")
    visitor.get_by_role("button", name=words["send"]).click()
    visitor.wait_for_url(f"{base}/{language}/contact/{company_a.slug}/sent/")
    assert words["sent"] in visitor.locator("h1").inner_text()
    assert Lead.objects.get().confirmed_at is None

    deliver_all()  # what the Celery task does
    [email] = [m for m in mail.outbox if "lin.xiao@example.net" in m.to]
    assert email.subject.endswith(words["subject"])
    visitor.goto(f"{base}{urlparse(LINK.search(email.body).group(0)).path}")
    visitor.get_by_role("button", name=words["confirm"]).click()
    visitor.wait_for_selector("text=" + words["done"])
    assert Lead.objects.get().confirmed_at is not None
    shot(visitor, f"confirmed-{language}-{width}")

    member = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    login(member, f"{base}/{language}/accounts/login/?next=/{language}/portal/leads/", member_a.username)
    member.wait_for_url(f"{base}/{language}/portal/leads/{company_a.slug}/")
    row = member.locator("tr[data-lead]")
    assert row.count() == 1 and ("林晓" if language == "zh-hans" else "Lin Xiao") in row.inner_text()
    shot(member, f"portal-list-{language}-{width}")
    row.get_by_role("link").click()
    member.select_option("#id_status", Status.CONTACTED)
    member.fill("#id_notes", "已电话联系" if language == "zh-hans" else "Called back")
    member.get_by_role("button", name=words["save"]).click()
    member.wait_for_selector(".portal-message")
    assert words["saved"] in member.locator(".portal-message").inner_text()
    shot(member, f"portal-lead-{language}-{width}")
    lead = Lead.objects.get()
    assert lead.status == Status.CONTACTED and lead.notes in ("已电话联系", "Called back")
    member.goto(f"{base}/{language}/portal/leads/{company_a.slug}/?status=contacted")
    assert words["contacted"] in member.locator("tr[data-lead]").inner_text()
