"""Fixtures of the Supply & Demand tests: the pages (home, the Expo page for company links, the Supply & Demand
page with its apphook), a small category tree, three verified companies with a member each, an unverified one."""

import pytest
from django.utils import timezone, translation

from apps.accounts import roles
from tests.factories import CompanyFactory, MembershipFactory, PageFactory, ProductCategoryFactory, UserFactory
from tests.factories.cms_pages import apphook_detach
from tests.fixtures.pages import home_page, pages_admin, section_page


@pytest.fixture(autouse=True)
def _english_outside_requests(media_root):
    """Messages made outside a request in English; uploads in a temporary media root."""
    with translation.override("en"):
        yield


@pytest.fixture
def docking_pages(db):
    admin = pages_admin()
    pages = {"home": home_page(admin), "expo": section_page("expo", user=admin)}
    pages["docking"] = PageFactory(title_en="Supply & Demand", title_zh="供需对接", slug="docking",
                                   template="cms/section.html", user=admin, apphook="DockingApphook",
                                   apphook_namespace="docking")
    yield pages
    apphook_detach(pages["docking"])
    apphook_detach(pages["expo"])


@pytest.fixture
def categories(db):
    equipment = ProductCategoryFactory(slug="equipment", en="Equipment", zh="设备")
    mixing = ProductCategoryFactory(slug="mixing-lines", en="Mixing lines", zh="密炼线", parent=equipment)
    materials = ProductCategoryFactory(slug="materials", en="Materials", zh="原材料", position=1)
    carbon = ProductCategoryFactory(slug="carbon-black", en="Carbon black", zh="炭黑", parent=materials)
    return {"equipment": equipment, "mixing": mixing, "materials": materials, "carbon": carbon}


def company(slug, en, zh, *, verified=True):
    return CompanyFactory(slug=slug, verified_at=timezone.now() if verified else None,
                          translations={"en": {"name": en}, "zh-hans": {"name": zh}})


def member(of, username, language="en"):
    user = UserFactory(username=username, role=roles.EXHIBITORS, preferred_language=language,
                       email=f"{username}@example.com")
    MembershipFactory(company=of, user=user)
    return user


@pytest.fixture
def lead(db):
    return company("linglong-test", "Linglong Test Tire", "玲珑测试轮胎")


@pytest.fixture
def supplier(db):
    return company("yiyang-mixers", "Yiyang Mixers", "益阳密炼机")


@pytest.fixture
def other(db):
    return company("carbon-co", "Carbon Co", "炭黑公司")


@pytest.fixture
def unverified(db):
    return company("newcomer", "Newcomer Rubber", "新来橡胶", verified=False)


@pytest.fixture
def lead_member(lead):
    return member(lead, "lead-member", "zh-hans")


@pytest.fixture
def supplier_member(supplier):
    return member(supplier, "supplier-member", "en")


@pytest.fixture
def other_member(other):
    return member(other, "other-member", "zh-hans")


@pytest.fixture
def unverified_member(unverified):
    return member(unverified, "unverified-member", "en")


@pytest.fixture
def docking_editor(db):
    return UserFactory(username="docking-editor", role=roles.EDITORS, preferred_language="en")


@pytest.fixture
def time_machine(monkeypatch):
    """Set the clock `django.utils.timezone.now()` reads (for everything in the process) to a moment."""
    def travel(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return travel
