"""Editors are told of new applications: a company created by a visitor waits for verification, a visitor asks
to join a company. Inbox and email, each editor in their language, once; members and others are not told."""

import pytest
from django.core import mail

from apps.accounts import roles
from apps.notifications.models import Channel, Message
from apps.notifications.services import user_email_set
from apps.onboarding import services
from apps.onboarding.models import CompanyApplication, JoinRequest
from tests.factories import UserFactory
from tests.support import deliver_all


def inbox_of(user):
    return list(Message.objects.filter(user=user, channel=Channel.INBOX).values_list("subject_line", flat=True))


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.fixture
def editors(db):
    return {language: UserFactory(role=roles.EDITORS, username=f"editor-{language}", preferred_language=language,
                                  email=f"editor-{language}@example.com")
            for language in ("en", "zh-hans")}


def test_a_new_company_is_announced_to_every_editor_in_their_language(client, joiner, other_joiner, editors):
    client.force_login(joiner)
    response = client.post("/zh-hans/join/company/", {"name_zh_hans": "东营新材料", "name_en": "", "segment": "midstream",
                                                      "region": "shandong", "website": ""})
    assert response.status_code == 302
    application = CompanyApplication.objects.get(company__translations__name="东营新材料")
    deliver_all()

    assert inbox_of(editors["en"]) == ["New company to verify: 东营新材料"]
    assert inbox_of(editors["zh-hans"]) == ["待认证的新企业：东营新材料"]
    (english,) = mails_to("editor-en@example.com")
    assert english.subject == "New company to verify: 东营新材料"
    assert "王芳 (wang.fang@haiwan.example) has created 东营新材料" in english.body
    assert f"/admin/onboarding/companyapplication/{application.pk}/change/" in english.body
    (chinese,) = mails_to("editor-zh-hans@example.com")
    assert "王芳（wang.fang@haiwan.example）在平台上创建了东营新材料" in chinese.body
    assert inbox_of(joiner) == [] and inbox_of(other_joiner) == []


def test_a_join_request_is_announced_with_its_message(client, joiner, haiwan, editors):
    client.force_login(joiner)
    response = client.post(f"/zh-hans/join/companies/{haiwan.slug}/", {"message": "我是海湾化工的采购经理。"})
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(user=joiner, company=haiwan)
    deliver_all()

    assert inbox_of(editors["en"]) == ["Request to join Haiwan Chemical"]
    assert inbox_of(editors["zh-hans"]) == ["申请加入海湾化工"]
    (english,) = mails_to("editor-en@example.com")
    assert "王芳 (wang.fang@haiwan.example) asks to join Haiwan Chemical." in english.body
    assert "我是海湾化工的采购经理。" in english.body
    assert f"/admin/onboarding/joinrequest/{join_request.pk}/change/" in english.body
    assert mails_to("editor-zh-hans@example.com")[0].subject == "申请加入海湾化工"


def test_an_editor_without_emails_finds_it_in_the_inbox_only(joiner, haiwan, editors):
    user_email_set(user_id=editors["en"].pk, enabled=False)
    services.join_request_submit(user=joiner, company=haiwan)
    deliver_all()

    assert mails_to("editor-en@example.com") == []
    assert inbox_of(editors["en"]) == ["Request to join Haiwan Chemical"]
    assert len(mails_to("editor-zh-hans@example.com")) == 1


def test_a_refused_request_tells_nobody(joiner, haiwan, editors):
    services.join_request_submit(user=joiner, company=haiwan)
    with pytest.raises(services.JoinError):
        services.join_request_submit(user=joiner, company=haiwan)
    deliver_all()

    assert inbox_of(editors["en"]) == ["Request to join Haiwan Chemical"]
    assert len(mails_to("editor-en@example.com")) == 1
