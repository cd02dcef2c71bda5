"""End to end in Chromium, in Chinese: a visitor follows the header's "加入平台", signs up, follows the emailed
link, creates a company (after a first try without a name, which keeps what was typed) and sees that it waits
for verification."""

import re
from urllib.parse import urlparse

from django.core import mail

from apps.companies.models import Company
from tests.support import deliver_all

PASSWORD = "Rubber-valley-2026!"
LINK = re.compile(r"http://[^\s]+/join/confirm/[^\s/]+/")


def test_a_visitor_joins_in_chinese_and_waits_for_verification(page, live_server, screenshot):
    page.goto(f"{live_server.url}/zh-hans/accounts/login/")
    page.get_by_role("link", name="加入平台").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/join/")
    assert page.locator("h1").inner_text() == "加入平台"
    page.fill("#id_email", "zhou.min@haiyue.example")
    page.fill("#id_name", "周敏")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    assert page.input_value("#id_language") == "zh-hans"
    page.get_by_role("button", name="创建我的账号").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/join/sent/")
    assert page.locator("h1").inner_text() == "请查收邮件"

    deliver_all()  # what the Celery task does
    [email] = [message for message in mail.outbox if message.to == ["zhou.min@haiyue.example"]]
    assert email.subject == "【橡胶谷产业门户】请确认您的账号"
    page.goto(live_server.url + urlparse(LINK.search(email.body).group(0)).path)
    assert "确认 zhou.min@haiyue.example 是您的地址" in page.locator("main").inner_text()
    page.get_by_role("button", name="确认并登录").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/join/status/")
    assert "您的邮箱地址已确认，并已登录。" in page.locator("main").inner_text()

    page.get_by_role("link", name="创建企业").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/join/company/")
    page.select_option("#id_segment", label="中游：加工与装备")
    page.fill("#id_website", "haiyue.example")
    page.get_by_role("button", name="创建企业").click()
    assert "请至少用一种语言填写企业名称。" in page.locator(".form-errors").inner_text()
    assert page.input_value("#id_website") == "haiyue.example"
    assert page.input_value("#id_segment") == "midstream"
    screenshot("company-error")

    page.fill("#id_name_zh_hans", "青岛海月机械")
    page.get_by_role("button", name="创建企业").click()
    page.wait_for_url(f"{live_server.url}/zh-hans/join/status/")
    notice = page.locator(".waiting-notice")
    assert notice.is_visible()
    assert notice.inner_text().startswith("等待认证：编辑正在核实您的企业是否真实。")
    item = page.locator('[data-company="qing-dao-hai-yue-ji-xie"]')
    assert "青岛海月机械" in item.inner_text()
    assert "等待认证" in item.inner_text()
    assert page.locator('a[href="/zh-hans/docking/"]').count() == 0
    screenshot("waiting")
    made = Company.objects.get()
    assert (made.slug, made.website, made.verified_at) == ("qing-dao-hai-yue-ji-xie", "https://haiyue.example", None)
