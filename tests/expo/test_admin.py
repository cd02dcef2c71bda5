"""The expo admin for editors: every list and change form loads; saves re-index companies and refresh pages."""

import pytest
from django.urls import reverse

from apps.companies.models import Company
from tests.factories import (
    BoothFactory,
    CompanyFactory,
    EditionFactory,
    HallFactory,
    ParticipationFactory,
    ProductCategoryFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture
def records(db):
    edition = EditionFactory(slug="rubber-expo-2026")
    hall = HallFactory(edition=edition, code="A")
    category = ProductCategoryFactory(slug="tires", en="Tires", zh="轮胎")
    company = CompanyFactory(slug="longyuan")
    participation = ParticipationFactory(company=company, edition=edition, categories=[category],
                                         booths=[BoothFactory(hall=hall, code="A101")])
    product = ProductFactory(company=company, en="Truck tire", zh="载重轮胎", categories=[category], images=1)
    return {"edition": edition, "hall": hall, "booth": participation.booths.get(), "participation": participation,
            "category": category, "product": product, "company": company}


@pytest.mark.parametrize("model, key", [
    ("expo.edition", "edition"), ("expo.hall", "hall"), ("expo.booth", "booth"),
    ("expo.participation", "participation"), ("companies.productcategory", "category"),
    ("companies.product", "product"), ("companies.company", "company"),
])
def test_editor_opens_lists_and_change_forms(client, editor, records, model, key):
    client.force_login(editor)
    app_label, model_name = model.split(".")

    listing = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    change = client.get(reverse(f"admin:{app_label}_{model_name}_change", args=[records[key].pk]))
    add = client.get(reverse(f"admin:{app_label}_{model_name}_add"))

    assert (listing.status_code, change.status_code, add.status_code) == (200, 200, 200)


def test_hall_change_form_shows_the_plan(client, editor, records):
    client.force_login(editor)

    html = client.get(reverse("admin:expo_hall_change", args=[records["hall"].pk])).content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg" class="floorplan"' in html
    assert 'id="booth-a101"' in html


def test_saving_a_company_in_the_admin_indexes_its_names(client, editor, records):
    client.force_login(editor)
    company = records["company"]
    url = reverse("admin:companies_company_change", args=[company.pk]) + "?language=zh-hans"
    data = {"name": "潍坊华星炭黑有限公司", "short_name": "", "slug": "longyuan", "segment": "upstream",
            "summary": "", "profile": "", "website": "", "email": "", "phone": "", "country": "CN",
            "region": "shandong", "city": "", "address": "",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    company = Company.objects.get(pk=company.pk)
    assert company.initial_pinyin == "W" and " 炭黑 " in company.search_document
    assert " 载重 " in company.search_document  # its product's name is kept


def test_visitor_and_exhibitor_cannot_open_the_expo_admin(client, exhibitor, records):
    url = reverse("admin:expo_hall_changelist")
    assert client.get(url).status_code == 302
    client.force_login(exhibitor)
    assert client.get(url).status_code in (302, 403)
