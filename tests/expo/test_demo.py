"""The demo expo: built from fixtures/demo/expo/, idempotent, deleted again."""

import time

import pytest
from cms.models import Page
from django.contrib.auth import get_user_model

from apps.companies.models import Company, Product, ProductCategory
from apps.core.demo import demo_delete, demo_load
from apps.expo import demo as expo_demo
from apps.expo.models import Booth, Edition, Participation
from tests.factories.cms_pages import apphook_detach, urls_reload


@pytest.fixture
def demo(db, media_root, django_capture_on_commit_callbacks):
    def run(function):
        with django_capture_on_commit_callbacks(execute=True):
            return function()

    yield run
    page = Page.objects.filter(reverse_id="expo").first()
    if page is not None:
        apphook_detach(page)


def test_demo_builds_a_believable_expo_once_and_deletes_it(client, demo):
    demo(demo_load)
    urls_reload()  # as a server started after load_demo would
    edition = Edition.objects.get(slug="rubber-expo-2026")
    participations = Participation.objects.filter(edition=edition)

    assert edition.status in ("open", "upcoming") and edition.starts_on.year == 2026
    assert edition.halls.count() == 3
    assert 190 <= Booth.objects.filter(hall__edition=edition).count() <= 220
    assert 60 <= participations.filter(is_confirmed=True).count() <= 70
    assert participations.filter(is_confirmed=False).count() == 2
    assert ProductCategory.objects.filter(parent__isnull=True).count() == 8  # 7 of the expo + the docking demo's reinforcing materials
    exhibitor = get_user_model().objects.get(username="exhibitor")
    own = Company.objects.get(memberships__user=exhibitor)
    assert participations.filter(company=own, is_confirmed=True).exists()
    assert Booth.objects.filter(participation__company=own).exists()
    companies = Company.objects.filter(participations__edition=edition)
    assert not companies.filter(initial_en="").exists() and not companies.filter(search_document="").exists()
    products = Product.objects.filter(company__in=companies)
    assert products.count() >= companies.count()
    assert all(product.images.exists() for product in products[:10])
    assert Company.objects.get(slug="3a-polymer-additives").initial_en == "#"
    assert Company.objects.get(slug="shancheng-moto-tire").initial_pinyin == "C"
    assert Company.objects.get(slug="yunling-rubber-estates").logo

    counts = (Booth.objects.count(), Participation.objects.count(), Product.objects.count(), Company.objects.count())
    demo(demo_load)  # again: nothing new
    assert (Booth.objects.count(), Participation.objects.count(), Product.objects.count(),
            Company.objects.count()) == counts

    response = client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/?q=轮胎")
    assert response.status_code == 200
    assert "青岛隆远轮胎有限公司" in response.content.decode()

    demo(demo_delete)
    assert not Edition.objects.filter(slug="rubber-expo-2026").exists()
    assert not Company.objects.filter(slug="yunling-rubber-estates").exists()
    assert not ProductCategory.objects.exists()


def test_expo_demo_alone_builds_within_seconds(demo, editor):
    from apps.companies.demo import companies_build
    from apps.core.demo.fixtures import demo_data_read

    companies_build(companies=demo_data_read().companies)
    started = time.monotonic()
    created = demo(lambda: expo_demo.build(author=editor))
    elapsed = time.monotonic() - started

    assert created > 400  # categories, edition, halls, booths, companies, products, participations
    assert demo(lambda: expo_demo.build(author=editor)) == 0
    print(f"expo demo build: {elapsed:.1f} s")
