"""The benchmark data generator: bulk exhibitors, indexed and public, found by the directory's filters and search."""

import io

import pytest
from django.core.management import call_command

from apps.companies.models import Company, Product
from apps.expo.models import Booth, Participation
from tests.factories import ProductCategoryFactory

pytestmark = pytest.mark.usefixtures("expo_page")


def test_bench_command_creates_indexed_exhibitors(client, db):
    ProductCategoryFactory(slug="tires", en="Tires", zh="轮胎")

    call_command("bench_exhibitors", "--count", "60", stdout=io.StringIO())

    companies = Company.objects.filter(slug__startswith="bench-company-")
    assert companies.count() == 60 == Participation.objects.filter(edition__slug="bench-expo-2026").count()
    assert Booth.objects.filter(participation__isnull=False).count() == 60
    assert Product.objects.filter(company__in=companies).count() >= 60
    assert not companies.filter(search_document="").exists()
    tires = companies.filter(translations__language_code="zh-hans", translations__name__contains="轮胎")
    response = client.get("/zh-hans/expo/bench-expo-2026/exhibitors/?q=轮胎")
    assert response.status_code == 200
    assert f"{tires.count()}家展商" in response.content.decode()
    by_category = client.get("/en/expo/bench-expo-2026/exhibitors/?category=tires&hall=H1")
    assert f"{tires.count()} exhibitor" in by_category.content.decode()
    assert client.get("/en/expo/companies/bench-company-00030/").status_code == 200
    assert client.get("/en/expo/bench-expo-2026/halls/H1/").status_code == 200
