"""Fixtures of the exhibitor-portal tests: an edition coming soon, two companies exhibiting in it, a member each."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from apps.accounts import roles
from apps.companies.services import company_member_add
from apps.notifications.services import messages_send, pending_batches
from tests.factories import CompanyFactory, make_edition, make_participation, make_product, make_user
from tests.factories.expo import make_category

__all__ = ["coming_edition", "company_a", "company_b", "member_a", "member_b", "portal_editor", "rubber_category",
           "deliver_all", "image_upload", "make_member"]


def deliver_all():
    """Send every pending outbox email now (what the Celery task does), into mail.outbox."""
    for batch in pending_batches():
        messages_send(ids=batch)


def image_upload(name="logo.png", *, size=(320, 200), fmt="PNG", color="#0b6e4f", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **options)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_member(company, *, username, language="en"):
    user = make_user(role=roles.EXHIBITORS, username=username, preferred_language=language)
    company_member_add(company=company, user=user)
    return user


@pytest.fixture
def coming_edition(db):
    return make_edition(slug="rubber-expo-2026", name_en="China Rubber Expo", name_zh="中国橡胶博览会",
                        starts_on=timezone.localdate() + datetime.timedelta(days=20))


@pytest.fixture
def rubber_category(db):
    return make_category(slug="natural-rubber", en="Natural rubber", zh="天然橡胶")


def _company(slug, en, zh, edition):
    company = CompanyFactory(slug=slug, translations={"en": {"name": en, "summary": f"{en} summary"},
                                                      "zh-hans": {"name": zh, "summary": f"{zh}简介"}})
    make_participation(company=company, edition=edition)
    make_product(company=company, en=f"{en} tyre", zh=f"{zh}轮胎", description_en="Radial", description_zh="子午线",
                 images=1)
    return company


@pytest.fixture
def company_a(coming_edition):
    return _company("longyuan-tyre", "Longyuan Tyre", "隆远轮胎", coming_edition)


@pytest.fixture
def company_b(coming_edition):
    return _company("haiwan-chemical", "Haiwan Chemical", "海湾化工", coming_edition)


@pytest.fixture
def member_a(company_a):
    return make_member(company_a, username="member-a", language="zh-hans")


@pytest.fixture
def member_b(company_b):
    return make_member(company_b, username="member-b", language="en")


@pytest.fixture
def portal_editor(db):
    return make_user(role=roles.EDITORS, username="portal-editor", preferred_language="en")
