"""Every joining page in both languages (no English on a Chinese page, no Chinese on an English one), the header
link for anonymous visitors, and the join dashboard's queries with one and with several companies and requests."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from apps.onboarding import services
from apps.onboarding.models import ApplicationState, CompanyApplication
from tests.ratelimit_support import CJK, LATIN, main_text

from .conftest import company, confirm_path, emails_to, sign_up

# Words the pages show in a language of their own: the language picker's names, and what the user typed.
ENDONYMS = ("English", "简体中文")


def visible(response, *typed):
    text = main_text(response)
    for value in (*ENDONYMS, settings.OPERATOR_EMAIL, *typed):
        text = text.replace(value, " ")
    return text


@pytest.fixture
def full_dashboard(joiner, other_joiner, staff_editor):
    """The joiner's companies (waiting, verified, not verified) and requests (pending, approved, declined)."""
    names = [("Haiyue Machinery", "海月机械"), ("Donghai Carbon", "东海炭黑"), ("Beigang Cord", "北港帘线")]
    made = [services.application_submit(user=joiner, names={"en": en, "zh-hans": zh}, segment="midstream")
            for en, zh in names]
    services.application_verify(application=made[1], by=staff_editor)
    services.application_reject(application=made[2], by=staff_editor, reason="营业执照无法核实。")
    targets = [company(f"target-{n}", f"Target {n}", f"目标企业{n}", verified=True) for n in range(3)]
    asked = [services.join_request_submit(user=joiner, company=target, message="我是采购经理。") for target in targets]
    services.join_request_approve(join_request=asked[1], by=staff_editor)
    services.join_request_decline(join_request=asked[2], by=staff_editor, reason="无法核实。")
    return {"applications": made, "requests": asked}


def pages(joiner, data, language):
    mine = data["requests"][2].pk
    return [f"/{language}/join/status/", f"/{language}/join/company/", f"/{language}/join/companies/?q=目标",
            f"/{language}/join/companies/?q=Target", f"/{language}/join/companies/target-0/",
            f"/{language}/join/requests/{mine}/", f"/{language}/join/companies/?q=没有这家"]


def test_chinese_pages_have_no_english(client, joiner, full_dashboard):
    client.force_login(joiner)
    for path in pages(joiner, full_dashboard, "zh-hans"):
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible(response, "Target", "没有这家")
        assert not LATIN.search(text), (path, LATIN.findall(text), text)
        assert CJK.search(text), path


def test_english_pages_have_no_chinese(client, other_joiner):
    made = services.application_submit(user=other_joiner, names={"en": "Haiyue Machinery", "zh-hans": "海月机械"},
                                       segment="midstream")
    target = company("target-0", "Target Zero", "目标企业", verified=True)
    asked = services.join_request_submit(user=other_joiner, company=target, message="Buyer")
    client.force_login(other_joiner)
    for path in ["/en/join/status/", "/en/join/company/", "/en/join/companies/?q=目标", "/en/join/companies/?q=Target",
                 "/en/join/companies/target-0/", f"/en/join/requests/{asked.pk}/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible(response, "目标")
        assert not CJK.search(text), (path, CJK.findall(text))
    assert "Haiyue Machinery" in client.get("/en/join/status/").content.decode()
    assert made.company.verified_at is None


@pytest.mark.parametrize(("language", "check", "words"), [
    ("zh-hans", LATIN, ["创建我的账号", "请查收邮件", "确认邮箱地址", "此链接无效"]),
    ("en", CJK, ["Create my account", "Check your email", "Confirm your address", "This link is not valid."]),
])
def test_the_sign_up_pages_speak_one_language(client, db, language, check, words):
    form = client.get(f"/{language}/join/")
    sign_up(client, language, email="zhou@example.com")
    sent = client.get(f"/{language}/join/sent/")
    confirm = client.get(confirm_path(emails_to("zhou@example.com")[0]))
    bad = client.get(f"/{language}/join/confirm/nonsense/")
    for response, word in zip([form, sent, confirm, bad], words, strict=True):
        assert response.status_code in (200, 400)
        text = visible(response, "zhou@example.com")
        assert word in text
        assert not check.search(text), (word, check.findall(text))


@pytest.mark.parametrize(("language", "label"), [("en", "Join"), ("zh-hans", "加入平台")])
def test_the_header_offers_joining_to_anonymous_visitors_only(client, joiner, language, label):
    html = client.get(f"/{language}/join/sent/").content.decode()
    header = html[html.index('class="account-links"'):html.index("</nav>", html.index('class="account-links"'))]
    assert f'<a href="/{language}/join/">{label}</a>' in header
    assert header.index(f"/{language}/accounts/login/") < header.index(f"/{language}/join/")
    client.force_login(joiner)
    html = client.get(f"/{language}/join/status/").content.decode()
    assert f'<a href="/{language}/join/">' not in html


def test_the_dashboard_shows_each_state(client, joiner, full_dashboard):
    client.force_login(joiner)
    response = client.get("/zh-hans/join/status/")
    html = response.content.decode()
    states = re.findall(r'class="onboarding-item state-(\w+)"', html)
    # companies by slug (beigang, donghai, haiyue, then target-1 joined by the approved request), requests newest first
    assert states == ["rejected", "verified", "waiting", "verified", "declined", "approved", "pending"]
    assert "等待认证：" in html
    assert "营业执照无法核实。" in html
    assert 'href="/zh-hans/docking/"' in html
    assert [CompanyApplication.objects.get(pk=a.pk).state for a in full_dashboard["applications"]] == [
        ApplicationState.PENDING, ApplicationState.VERIFIED, ApplicationState.REJECTED]


@pytest.mark.parametrize("count", [1, 3])
def test_dashboard_queries_do_not_grow(client, joiner, staff_editor, django_assert_max_num_queries, count):
    for n in range(count):
        application = services.application_submit(user=joiner, names={"en": f"Company {n}", "zh-hans": f"企业{n}"},
                                                   segment="services")
        if n:
            services.application_verify(application=application, by=staff_editor)
        target = company(f"target-{n}", f"Target {n}", f"目标{n}", verified=True)
        services.join_request_submit(user=joiner, company=target)
    client.force_login(joiner)
    client.get("/en/join/status/")  # warm the process caches (content types, site)
    with django_assert_max_num_queries(10) as queries:
        response = client.get("/en/join/status/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="onboarding-item state-') == 2 * count
    assert all(f"Company {n}" in html and f"Target {n}" in html for n in range(count))
    assert ("Waiting for verification:" in html)
    assert (html.count('href="/en/portal/"') > 1) == (count > 1)  # beyond the signed-in header's own link
    assert len(queries) == EXPECTED_QUERIES, "\n".join(q["sql"][:300] for q in queries.captured_queries)


# user, companies (with their applications) + translations, requests (with companies) + translations, the inbox
# count; django CMS's page and the menu are kept per CMS version, and the session comes from the cache.
EXPECTED_QUERIES = 6


def test_dashboard_needs_an_account(db):
    response = Client().get("/en/join/status/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/join/status/"
    assert Client().get(f"/en/join/status/?t={timezone.now().timestamp()}").status_code == 302
