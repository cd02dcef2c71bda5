"""Fixtures of the editors' desk tests: one item waiting in each source of the queue."""

import datetime

import pytest
from django.utils import timezone

from apps.accounts import roles
from apps.docking import services as docking_services
from apps.expo.models import ProfileChange, ProfileChangeState
from apps.onboarding.models import CompanyApplication, JoinRequest
from tests.docking.factories import requirement_draft
from tests.factories import (
    ArticleFactory,
    CompanyFactory,
    MembershipFactory,
    NoticeFactory,
    ProductCategoryFactory,
    UserFactory,
)


def bilingual_company(slug, en, zh, **fields):
    return CompanyFactory(slug=slug, translations={"en": {"name": en}, "zh-hans": {"name": zh}}, **fields)


@pytest.fixture
def contributor(db):
    return UserFactory(role=roles.CONTRIBUTORS, username="contributor")


@pytest.fixture
def waiting(db, trading_staff):
    """One item in each source: an article in review, a profile change, a submitted notice (by trading_staff's
    colleague), a requirement in review, a company to verify and a join request."""
    article = ArticleFactory(state="review", translations={
        "en": {"title": "Tyre prices rise", "slug": "tyre-prices-rise", "body": "<p>Up.</p>"},
        "zh-hans": {"title": "轮胎价格上涨", "slug": "luntai-jiage", "body": "<p>涨。</p>"}})
    longyuan = bilingual_company("longyuan", "Longyuan Tyre", "隆远轮胎", verified_at=timezone.now())
    change = ProfileChange.objects.create(company=longyuan, state=ProfileChangeState.PENDING)
    notice = NoticeFactory(publish=False, title_en="Margin change", title_zh="保证金调整")
    poster = UserFactory(role=roles.EXHIBITORS, username="poster")
    MembershipFactory(company=longyuan, user=poster)
    category = ProductCategoryFactory(slug="carbon-black", en="Carbon black", zh="炭黑")
    requirement = requirement_draft(company=longyuan, user=poster, categories=[category], title_en="Need carbon black",
                                    title_zh="求购炭黑", deadline=timezone.localdate() + datetime.timedelta(days=20))
    docking_services.requirement_submit(requirement=requirement, user=poster)
    fresh = bilingual_company("haiwan", "Haiwan Chemical", "海湾化工")
    application = CompanyApplication.objects.create(company=fresh, applicant=poster)
    asker = UserFactory(username="asker", first_name="Wang", last_name="Fang")
    join_request = JoinRequest.objects.create(user=asker, company=longyuan, message="Please")
    return {"article": article, "change": change, "notice": notice, "requirement": requirement,
            "application": application, "join_request": join_request, "company": longyuan}
