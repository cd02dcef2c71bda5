"""Query counts of the portal pages: the same with 1 and with 3 products (and companies on the dashboard).

Logged-in pages are never cached; the count includes the session, the inbox badge and django CMS's page (its
menu is kept per CMS version and user: apps/core/templatetags/portal_tags.py kept_menu).
"""

import pytest
from django.core.cache import cache

from apps.expo.portal import services
from tests.factories import CompanyFactory, MembershipFactory, ParticipationFactory, ProductFactory

pytestmark = pytest.mark.usefixtures("media_root")

QUERIES = {"dashboard": 13, "profile": 17, "products": 15, "product": 17, "change": 28}  # change: + the live profile it is compared with


@pytest.fixture
def world(coming_edition, rubber_category):
    def make(count):
        member = None
        companies = []
        for number in range(count):
            company = CompanyFactory(slug=f"maker-{number}")
            ParticipationFactory(company=company, edition=coming_edition, categories=[rubber_category])
            for index in range(count):
                ProductFactory(company=company, en=f"Tyre {number}-{index}", zh=f"轮胎{index}",
                               categories=[rubber_category], images=1)
            member = member or MembershipFactory(company=company, user__username="counted").user
            if number:
                from apps.companies.services import company_member_add

                company_member_add(company=company, user=member)
            companies.append(company)
        first = companies[0]
        services.product_submit(company=first, user=member, key=str(first.products.first().pk),
                                categories=[rubber_category.pk],
                                translations={"en": {"name": "Renamed", "description": "d"},
                                              "zh-hans": {"name": "改名", "description": "说明"}})
        cache.clear()
        return member, first

    return make


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize("name, path", [
    ("dashboard", "/en/portal/"), ("profile", "/zh-hans/portal/companies/{slug}/"),
    ("products", "/en/portal/companies/{slug}/products/"), ("product", "/en/portal/companies/{slug}/products/{pk}/"),
    ("change", "/zh-hans/portal/companies/{slug}/change/"),
])
def test_portal_pages_query_count_does_not_grow(client, world, django_assert_num_queries, count, name, path):
    member, company = world(count)
    client.force_login(member)
    url = path.format(slug=company.slug, pk=company.products.first().pk)
    client.get(url)  # warms django CMS's in-process caches (the first request of a process does one query more)
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    shown = {
        "dashboard": [f"Example Rubber Co. maker-{number}" for number in range(count)],
        "profile": ["示例橡胶有限公司 maker-0"],
        "products": ["Renamed"] + [f"Tyre 0-{index}" for index in range(1, count)],
        "product": ["Renamed"],
        "change": ["改名"],
    }[name]
    assert all(text in html for text in shown), shown
