"""The meetings world: the portal's coming edition (tests/fixtures/portal.py) with company A (member_a, Chinese)
at booth A101 and company B (member_b, English), each taking meetings on the edition's first day, and two
visitors (English and Chinese) without a company."""

import datetime

import pytest

from apps.meetings import services
from tests.factories import BoothFactory, HallFactory, UserFactory


@pytest.fixture
def day_one(coming_edition):
    return coming_edition.starts_on


@pytest.fixture
def booth_a(company_a, coming_edition):
    hall = HallFactory(edition=coming_edition, code="A")
    return BoothFactory(hall=hall, code="A101", participation=company_a.participations.get())


@pytest.fixture
def days_a(company_a, coming_edition, booth_a, day_one):
    """A: 10:00–12:00 in 30-minute slots at its booth on day one."""
    return services.availability_save(company=company_a, edition=coming_edition, day=day_one,
                                      starts_at=datetime.time(10), ends_at=datetime.time(12), slot_minutes=30,
                                      location="booth")


@pytest.fixture
def days_b(company_b, coming_edition, day_one):
    """B: 14:00–15:00 in 15-minute slots at a meeting table on day one."""
    return services.availability_save(company=company_b, edition=coming_edition, day=day_one,
                                      starts_at=datetime.time(14), ends_at=datetime.time(15), slot_minutes=15,
                                      location="table", table_name="Table 7")


@pytest.fixture
def visitor(db):
    return UserFactory(username="visitor-en", first_name="Anna", last_name="Smith", preferred_language="en")


@pytest.fixture
def visitor_zh(db):
    return UserFactory(username="visitor-zh", first_name="明", last_name="李", preferred_language="zh-hans")

