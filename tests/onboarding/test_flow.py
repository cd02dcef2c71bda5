"""The whole way in, through the pages: sign up, the email through the outbox, confirm, create a company, the
waiting notice, an editor verifies in the admin, the user is told and the dashboard opens the portal."""

from urllib.parse import urlparse

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.test import Client

from apps.notifications.models import Channel, Message
from apps.onboarding.models import CompanyApplication

from .conftest import confirm_path, emails_to, sign_up


def test_from_sign_up_to_a_verified_company(db, staff_editor):
    visitor = Client()
    assert sign_up(visitor, "zh-hans", email="zhou.min@haiyue.example", name="周敏").status_code == 302
    [confirmation] = emails_to("zhou.min@haiyue.example")
    path = confirm_path(confirmation)
    mail.outbox.clear()
    assert urlparse(path).path.startswith("/zh-hans/join/confirm/")
    assert visitor.post(path)["Location"] == "/zh-hans/join/status/"

    empty = visitor.get("/zh-hans/join/status/").content.decode()
    assert "您的账号已可使用。" in empty
    assert 'href="/zh-hans/join/company/"' in empty
    created = visitor.post("/zh-hans/join/company/", {"name_en": "Haiyue Machinery", "name_zh_hans": "海月机械",
                                                       "segment": "midstream", "region": "shandong", "website": ""})
    assert created["Location"] == "/zh-hans/join/status/"
    waiting = visitor.get("/zh-hans/join/status/").content.decode()
    assert "已创建海月机械，编辑将尽快认证。" in waiting
    assert "等待认证：编辑正在核实您的企业是否真实。" in waiting
    assert 'href="/zh-hans/docking/"' not in waiting
    assert waiting.count('href="/zh-hans/portal/"') == 1  # the signed-in header's only, not the page's own

    editor = Client()
    editor.force_login(staff_editor)
    application = CompanyApplication.objects.get()
    done = editor.post("/en/admin/onboarding/companyapplication/",
                       {"action": "verify", ACTION_CHECKBOX_NAME: [application.pk], "index": 0})
    assert done.status_code == 302

    [told] = emails_to("zhou.min@haiyue.example")
    assert told.subject == "海月机械已通过认证"
    assert "编辑已认证海月机械。" in told.body
    assert "/zh-hans/portal/" in told.body
    inbox = Message.objects.get(user=application.applicant, channel=Channel.INBOX)
    assert inbox.subject_line == "海月机械已通过认证"

    verified = visitor.get("/zh-hans/join/status/").content.decode()
    assert "等待认证：" not in verified
    assert "已于" in verified
    assert verified.count('href="/zh-hans/portal/"') == 2  # the header's and the page's
    assert 'href="/zh-hans/docking/"' in verified
    portal = visitor.get("/zh-hans/portal/")
    assert portal.status_code == 200
    assert "海月机械" in portal.content.decode()
    inbox_page = visitor.get("/zh-hans/notifications/inbox/").content.decode()
    assert "海月机械已通过认证" in inbox_page
