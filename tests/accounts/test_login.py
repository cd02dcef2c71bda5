from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory


@pytest.mark.parametrize("language, heading", [("en", "Log in"), ("zh-hans", "登录")])
def test_login_page_in_language(client, db, language, heading):
    response = client.get(f"/{language}/accounts/login/")
    assert response.status_code == 200
    assert f'<h1 class="page-title">{heading}</h1>' in response.content.decode()


def test_login_with_right_password_logs_in(client, db):
    UserFactory(username="wang")
    response = client.post("/en/accounts/login/", {"username": "wang", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 302  # logged in, not staff: sent to admin login
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("language, message", [
    ("en", "Please enter a correct username and password"), ("zh-hans", "请输入一个正确的"),
])
def test_login_with_wrong_password_shows_error_in_language(client, db, language, message):
    UserFactory(username="wang")
    response = client.post(f"/{language}/accounts/login/", {"username": "wang", "password": "nope"})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_repeated_failures_pause_login_then_cool_off(client, db, settings):
    UserFactory(username="zhao")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/accounts/login/", {"username": "zhao", "password": "wrong"})
    response = client.post("/en/accounts/login/", {"username": "zhao", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # After the cool-off the right password works again: no permanent lock.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    response = client.post("/en/accounts/login/", {"username": "zhao", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_lockout_page_in_chinese(client, db, settings):
    UserFactory(username="zhao")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/zh-hans/accounts/login/", {"username": "zhao", "password": "wrong"})
    assert response.status_code == 429
    assert "尝试次数过多" in response.content.decode()


def test_admin_login_is_throttled_too(client, db, settings):
    UserFactory(username="admin2", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/admin/login/", {"username": "admin2", "password": "wrong"})
    response = client.post("/en/admin/login/", {"username": "admin2", "password": PASSWORD})
    assert response.status_code == 429


def test_logout_requires_post_and_logs_out(client, db):
    client.force_login(UserFactory())
    assert client.get("/en/accounts/logout/").status_code == 405
    assert client.post("/en/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
