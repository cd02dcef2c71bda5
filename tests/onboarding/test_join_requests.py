"""Asking to join a company that exists: the search in both languages, one pending request per user and company
(also in the database), and nobody but the requester (and editors) sees a request."""

import pytest
from django.db import IntegrityError, transaction

from apps.onboarding import services
from apps.onboarding.models import JoinRequest, JoinState
from tests.factories import UserFactory
from tests.ratelimit_support import assert_limited, rates

from .conftest import company


@pytest.mark.parametrize(("language", "query"), [("en", "haiwan"), ("zh-hans", "海湾"), ("en", "化工"),
                                             ("zh-hans", "Chemical")])
def test_the_search_finds_a_company_by_either_name(client, joiner, haiwan, language, query):
    company("longyuan-tyre", "Longyuan Tyre", "隆远轮胎")
    client.force_login(joiner)
    response = client.get(f"/{language}/join/companies/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-company="haiwan-chemical"' in html
    assert 'data-company="longyuan-tyre"' not in html
    assert f'href="/{language}/join/companies/haiwan-chemical/"' in html


def test_the_search_marks_membership_and_pending_requests(client, joiner, haiwan):
    mine = company("haiwan-rubber", "Haiwan Rubber", "海湾橡胶", members=[joiner])
    services.join_request_submit(user=joiner, company=haiwan)
    client.force_login(joiner)
    html = client.get("/en/join/companies/", {"q": "Haiwan"}).content.decode()
    assert "You are a member." in html
    assert "Your request is waiting for a decision." in html
    assert f"/en/join/companies/{mine.slug}/" not in html
    assert "/en/join/companies/haiwan-chemical/" not in html


@pytest.mark.parametrize(("language", "nothing"), [("en", "No company matches “Nowhere”."),
                                               ("zh-hans", "没有与“Nowhere”匹配的企业。")])
def test_a_search_without_results_offers_to_create(client, joiner, haiwan, language, nothing):
    client.force_login(joiner)
    html = client.get(f"/{language}/join/companies/", {"q": "Nowhere"}).content.decode()
    assert nothing in html
    assert f'href="/{language}/join/company/"' in html


def test_asking_to_join_records_a_pending_request_with_the_message(client, joiner, haiwan):
    client.force_login(joiner)
    page = client.get("/zh-hans/join/companies/haiwan-chemical/")
    assert page.status_code == 200
    assert "申请加入海湾化工" in page.content.decode()
    response = client.post("/zh-hans/join/companies/haiwan-chemical/", {"message": "我是销售经理。"})
    join_request = JoinRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/join/requests/{join_request.pk}/"
    assert (join_request.user, join_request.company, join_request.message, join_request.state) == (
        joiner, haiwan, "我是销售经理。", JoinState.PENDING)
    detail = client.get(response["Location"]).content.decode()
    assert "申请已发送，编辑将尽快处理。" in detail
    assert "等待处理" in detail
    assert "我是销售经理。" in detail


@pytest.mark.parametrize(("language", "message"), [
    ("en", "You have asked to join this company already. An editor will decide soon."),
    ("zh-hans", "您已申请加入该企业，编辑将尽快处理。"),
])
def test_a_second_pending_request_is_refused_and_the_message_kept(client, joiner, haiwan, language, message):
    client.force_login(joiner)
    client.post(f"/{language}/join/companies/haiwan-chemical/", {"message": "First"})
    again = client.post(f"/{language}/join/companies/haiwan-chemical/", {"message": "Second try"})
    assert again.status_code == 400
    assert message in again.content.decode()
    assert "Second try" in again.content.decode()
    assert JoinRequest.objects.count() == 1


def test_the_database_holds_one_pending_request_per_user_and_company(joiner, haiwan):
    first = JoinRequest.objects.create(user=joiner, company=haiwan)
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequest.objects.create(user=joiner, company=haiwan)
    JoinRequest.objects.filter(pk=first.pk).update(state=JoinState.DECLINED)
    assert JoinRequest.objects.create(user=joiner, company=haiwan).state == JoinState.PENDING  # asking again


@pytest.mark.parametrize(("language", "message"), [("en", "You are a member of this company already."),
                                               ("zh-hans", "您已经是该企业的成员。")])
def test_a_member_cannot_ask_to_join(client, joiner, language, message):
    company("haiwan-rubber", "Haiwan Rubber", "海湾橡胶", members=[joiner])
    client.force_login(joiner)
    response = client.post(f"/{language}/join/companies/haiwan-rubber/", {"message": ""})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_an_unknown_company_is_404(client, joiner):
    client.force_login(joiner)
    assert client.get("/en/join/companies/no-such-company/").status_code == 404
    assert client.post("/en/join/companies/no-such-company/", {"message": "x"}).status_code == 404


def test_a_user_cannot_see_another_users_request(client, joiner, other_joiner, haiwan):
    theirs = services.join_request_submit(user=other_joiner, company=haiwan, message="Chen's secret note")
    client.force_login(joiner)
    response = client.get(f"/en/join/requests/{theirs.pk}/")
    assert response.status_code == 404
    assert "Chen&#x27;s secret note" not in response.content.decode()
    assert client.get(f"/en/join/requests/{theirs.pk + 1000}/").status_code == 404
    assert client.get(f"/en/join/requests/{2 ** 64}/").status_code == 404
    assert "Chen" not in client.get("/en/join/status/").content.decode()
    client.force_login(other_joiner)
    assert client.get(f"/en/join/requests/{theirs.pk}/").status_code == 200


def test_a_company_member_cannot_see_a_request_to_join_their_company(client, other_joiner, haiwan):
    owner = UserFactory(username="haiwan-owner")
    haiwan.memberships.create(user=owner, role="admin")
    theirs = services.join_request_submit(user=other_joiner, company=haiwan)
    client.force_login(owner)
    assert client.get(f"/en/join/requests/{theirs.pk}/").status_code == 404


def test_an_editor_sees_any_request_and_anonymous_visitors_log_in(client, other_joiner, haiwan, staff_editor):
    theirs = services.join_request_submit(user=other_joiner, company=haiwan)
    response = client.get(f"/en/join/requests/{theirs.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    client.force_login(staff_editor)
    assert client.get(f"/en/join/requests/{theirs.pk}/").status_code == 200


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_join_requests_per_user_are_limited(client, joiner, settings, language):
    rates(settings, "join_request", user="2/d")
    targets = [company(f"target-{n}", f"Target {n}", f"目标{n}") for n in range(3)]
    client.force_login(joiner)
    for target in targets[:2]:
        assert client.post(f"/{language}/join/companies/{target.slug}/", {"message": ""}).status_code == 302
    assert_limited(client.post(f"/{language}/join/companies/{targets[2].slug}/", {"message": ""}), language)
    assert JoinRequest.objects.count() == 2
