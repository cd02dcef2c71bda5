"""The joining part of the demo: a company waiting for verification and a join request, both in the editors'
queue and inbox; loading twice adds nothing; deleting removes what it made."""

import json

import pytest

from apps.accounts import roles
from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR
from apps.core.registries import demo_builders
from apps.notifications.models import Channel, Message
from apps.onboarding import demo
from apps.onboarding.models import ApplicationState, CompanyApplication, JoinRequest, JoinState
from tests.factories import UserFactory

from .conftest import company

SPEC = json.loads((DEMO_DIR / "onboarding" / "onboarding.json").read_text(encoding="utf-8"))


@pytest.fixture
def editor(db):
    return UserFactory(role=roles.EDITORS, username="demo-queue-editor", preferred_language="zh-hans",
                       is_superuser=True)


@pytest.fixture
def lianxin(db):
    return company("lianxin-rubber-chemicals", "Qingdao Lianxin Rubber Chemicals Co., Ltd.", "青岛联信橡胶助剂有限公司",
                   verified=True)


def test_the_demo_fills_the_editors_queue_in_both_languages(client, editor, lianxin):
    assert demo.build(author=None) == 4  # two confirmed people, a company, a join request

    application = CompanyApplication.objects.get()
    assert application.state == ApplicationState.PENDING and application.company.verified_at is None
    names = {row.language_code: row.name for row in application.company.translations.all()}
    assert names == SPEC["applications"][0]["company"]["names"]
    assert application.applicant.is_active and application.applicant.check_password("xinrun-demo-2026")
    join_request = JoinRequest.objects.get()
    assert join_request.company == lianxin and join_request.state == JoinState.PENDING
    assert "Rotterdam" in join_request.message and "鹿特丹" in join_request.message

    inbox = set(Message.objects.filter(user=editor, channel=Channel.INBOX).values_list("subject_line", flat=True))
    assert inbox == {"待认证的新企业：东营新润再生橡胶有限公司", "申请加入青岛联信橡胶助剂有限公司"}
    client.force_login(editor)
    queue = client.get("/en/admin/onboarding/companyapplication/").content.decode()
    assert "Dongying Xinrun Reclaimed Rubber" in queue
    assert "marta.silva@lianxin-europe.example" in client.get("/zh-hans/admin/onboarding/joinrequest/").content.decode()


def test_loading_twice_adds_nothing_and_deleting_removes_it(editor, lianxin):
    demo.build(author=None)
    assert demo.build(author=None) == 0
    assert CompanyApplication.objects.count() == JoinRequest.objects.count() == 1

    assert demo.delete() >= 3
    assert not CompanyApplication.objects.exists() and not JoinRequest.objects.exists()
    assert not Company.objects.filter(translations__name="东营新润再生橡胶有限公司").exists()
    assert Company.objects.filter(pk=lianxin.pk).exists()


def test_without_the_demo_companies_the_join_request_is_left_out(editor):
    assert demo.build(author=None) == 2
    assert not JoinRequest.objects.exists()


def test_the_builder_is_registered_after_the_companies():
    assert demo_builders["companies"].order < demo_builders["onboarding"].order
