"""Category names are read once per catalogue version (apps.companies.cache); an editor's change in the admin makes
the cached expo pages and the memoised tree stale at once, in both languages."""

import pytest

from tests.factories import CompanyFactory, EditionFactory, ParticipationFactory, ProductCategoryFactory

pytestmark = pytest.mark.usefixtures("expo_page")


@pytest.fixture
def category(db):
    category = ProductCategoryFactory(slug="truck-tires", en="Truck tires", zh="载重轮胎")
    company = CompanyFactory(slug="tire-maker", name_en="Tire Maker", name_zh="轮胎企业")
    ParticipationFactory(company=company, edition=EditionFactory(slug="rubber-expo-2026"), categories=[category])
    return category


def test_a_renamed_category_shows_on_the_cached_company_page(client, category, editor,
                                                              django_capture_on_commit_callbacks):
    before_en = client.get("/en/expo/companies/tire-maker/").content.decode()
    before_zh = client.get("/zh-hans/expo/companies/tire-maker/").content.decode()
    editor_client = type(client)()
    editor_client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/en/admin/companies/productcategory/{category.pk}/change/?language=en",
                                      {"name": "Lorry tires", "slug": "truck-tires", "parent": "", "position": "0"})
    after_en = client.get("/en/expo/companies/tire-maker/").content.decode()
    after_zh = client.get("/zh-hans/expo/companies/tire-maker/").content.decode()

    assert response.status_code == 302
    assert "Truck tires" in before_en and "载重轮胎" in before_zh
    assert "Lorry tires" in after_en and "Truck tires" not in after_en
    assert "载重轮胎" in after_zh  # the other language's name is untouched, and still Chinese
