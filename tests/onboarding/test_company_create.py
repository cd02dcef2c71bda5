"""Creating a company: bilingual name (one language may be left out, not both), a generated slug, segment, region,
website; the creator its administrator; unverified and queued for the editors; errors in both languages."""

import pytest

from apps.accounts import roles
from apps.companies.models import Company, Membership
from apps.onboarding.models import ApplicationState, CompanyApplication
from tests.ratelimit_support import assert_limited, rates

from .conftest import company

CREATE = "/{language}/join/company/"


def create(client, language="en", **data):
    values = {"name_en": "Longyuan Tyre", "name_zh_hans": "隆远轮胎", "segment": "midstream", "region": "shandong",
              "website": "longyuan.example", **data}
    return client.post(CREATE.format(language=language), values)


def test_the_creator_gets_an_unverified_company_of_their_own(client, joiner):
    client.force_login(joiner)
    response = create(client, "zh-hans")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/join/status/"

    made = Company.objects.get()
    made.set_current_language("zh-hans")
    assert (made.slug, made.segment, made.region, made.website, made.verified_at) == (
        "longyuan-tyre", "midstream", "shandong", "https://longyuan.example", None)
    assert made.name == "隆远轮胎"
    assert made.safe_translation_getter("name", language_code="en") == "Longyuan Tyre"
    assert list(made.memberships.values_list("user", "role")) == [(joiner.pk, Membership.Role.ADMIN)]
    assert joiner.groups.filter(name=roles.EXHIBITORS).exists()
    application = CompanyApplication.objects.get()
    assert (application.company, application.applicant, application.state) == (made, joiner,
                                                                                ApplicationState.PENDING)
    assert " longyuan " in made.search_document
    assert " 隆远 " in made.search_document
    assert not joiner.has_perm("companies.act_for_verified", made)
    assert joiner.has_perm("companies.edit_profile", made)


def test_a_chinese_name_alone_gives_a_pinyin_slug_and_a_taken_slug_a_number(client, joiner):
    company("qing-dao-hai-yue", "Other", None)
    client.force_login(joiner)
    assert create(client, name_en="", name_zh_hans="青岛海月").status_code == 302
    made = Company.objects.get(translations__name="青岛海月")
    assert made.slug == "qing-dao-hai-yue-2"
    assert list(made.get_available_languages()) == ["zh-hans"]


@pytest.mark.parametrize(("language", "message", "required"), [
    ("en", "Give the company&#x27;s name in at least one language.", "This field is required."),
    ("zh-hans", "请至少用一种语言填写企业名称。", "这个字段是必填项。"),
])
def test_without_a_name_or_segment_the_form_says_so_and_keeps_the_rest(client, joiner, language, message, required):
    client.force_login(joiner)
    response = create(client, language, name_en="", name_zh_hans="", segment="", website="www.haiyue.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert required in html
    assert 'value="www.haiyue.example"' in html
    assert '<option value="shandong" selected>' in html
    assert not Company.objects.exists()


@pytest.mark.parametrize(("language", "message"), [
    ("en", "A company named “Haiwan Chemical” is on the platform already: ask to join it instead."),
    ("zh-hans", "平台上已有名为“海湾化工”的企业，请改为申请加入。"),
])
def test_a_name_already_on_the_platform_is_refused(client, joiner, haiwan, language, message):
    client.force_login(joiner)
    response = create(client, language, name_en="haiwan chemical", name_zh_hans="")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Company.objects.count() == 1


@pytest.mark.parametrize(("language", "message"), [("en", "Enter a valid URL."), ("zh-hans", "请输入有效的网址。")])
def test_a_bad_website_is_refused_in_the_language(client, joiner, language, message):
    client.force_login(joiner)
    response = create(client, language, website="not a url")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/en/join/company/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/join/company/"
    assert create(client).status_code == 302
    assert not Company.objects.exists()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_companies_per_user_are_limited(client, joiner, settings, language):
    rates(settings, "company_create", user="2/d")
    client.force_login(joiner)
    for n in range(2):
        assert create(client, language, name_en=f"Company {n}", name_zh_hans="").status_code == 302
    assert_limited(create(client, language, name_en="Company 9", name_zh_hans=""), language)
    assert Company.objects.count() == 2
