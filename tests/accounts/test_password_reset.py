"""Password reset: the request answers the same, in the same work, for any address (the mail is queued and the
worker looks the address up), and the worker mails a link that sets a new password, in the page's language."""

import re
from email import message_from_string
from email.header import decode_header, make_header

import pytest
from django.core import mail

from apps.accounts import services
from scripts.devservices import free_port
from tests.factories import UserFactory
from tests.ratelimit_support import ip
from tests.support import wait_until

RESET = "/{language}/accounts/password-reset/"


def _link(body):
    return re.search(r"https?://[^/\s]+(/\S+)", body).group(1)


def _set_password(client, link, password):
    form_url = client.get(link)["Location"]
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_known_and_unknown_addresses_get_the_same_answer_and_queue_one_mail_each(
        client, db, django_capture_on_commit_callbacks):
    UserFactory(username="chen", email="chen@example.com")
    answers = []
    for address in ("chen@example.com", "nobody@example.com"):
        with django_capture_on_commit_callbacks() as queued:
            response = client.post(RESET.format(language="en"), {"email": address}, **ip("10.8.0.1"))
        answers.append((response.status_code, response["Location"], len(queued)))

    assert answers[0] == answers[1] == (302, "/en/accounts/password-reset/sent/", 1)
    assert mail.outbox == []  # nothing is sent while the visitor waits


def test_an_invalid_address_is_refused_in_the_visitors_language(client, db):
    response = client.post(RESET.format(language="zh-hans"), {"email": "not-an-address"}, **ip("10.8.0.2"))
    assert response.status_code == 200
    assert "请输入有效的邮箱地址。" in response.content.decode()


@pytest.mark.parametrize("language, subject", [("en", "Reset your password on Rubber Valley Industry Portal"),
                                               ("zh-hans", "【橡胶谷产业门户】重置密码")])
def test_the_mail_links_to_a_form_that_sets_a_new_password(client, db, language, subject):
    user = UserFactory(username="chen", email="Chen@Example.com")
    services.password_reset_mail(email="chen@example.com", language=language, domain="portal.example",
                                 use_https=True)

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Chen@Example.com"]
    assert mail.outbox[0].subject.startswith(subject)
    assert "https://portal.example/" in mail.outbox[0].body
    link = _link(mail.outbox[0].body)
    assert link.startswith(f"/{language}/accounts/reset/")
    assert _set_password(client, link, "Fresh-Password-2026").status_code == 302
    user.refresh_from_db()
    assert user.check_password("Fresh-Password-2026")


def test_no_mail_for_an_unknown_or_inactive_address(db):
    UserFactory(username="gone", email="gone@example.com", is_active=False)
    for address in ("nobody@example.com", "gone@example.com"):
        services.password_reset_mail(email=address, language="en", domain="portal.example", use_https=False)
    assert mail.outbox == []


def test_a_mail_server_that_is_down_raises_so_that_the_task_tries_again(db, settings):
    """Django's own reset form logs the failure and drops the mail; the task's service raises instead (the task
    retries on OSError and SMTP errors)."""
    UserFactory(username="chen", email="chen@example.com")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    with pytest.raises(OSError):
        services.password_reset_mail(email="chen@example.com", language="en", domain="portal.example",
                                     use_https=False)


def test_a_real_worker_mails_the_link_through_smtp(client, start_celery_worker, smtp_server):
    user = UserFactory(username="li", email="li@example.com")
    start_celery_worker(EMAIL_URL=smtp_server.url)

    response = client.post(RESET.format(language="zh-hans"), {"email": "li@example.com"}, **ip("10.8.0.3"))
    assert response.status_code == 302
    assert wait_until(lambda: smtp_server.recipients() == ["li@example.com"], timeout=60)

    message = message_from_string(smtp_server.messages[0][1].as_string())
    body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    assert str(make_header(decode_header(message["Subject"]))).startswith("【橡胶谷产业门户】重置密码")
    assert _set_password(client, _link(body), "Worker-Password-2026").status_code == 302
    user.refresh_from_db()
    assert user.check_password("Worker-Password-2026")
