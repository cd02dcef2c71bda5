
from django.db.models import Prefetch

from apps.core.trees import CategoryTree

from .models import Company, ProductCategory, ProductImage


def company_list():
    return Company.objects.prefetch_related("translations").order_by("slug")


def companies_of_member(*, user):
    if not user.is_authenticated:
        return Company.objects.none()
    return company_list().filter(memberships__user=user)


def product_category_tree():
    return CategoryTree(list(ProductCategory.objects.prefetch_related("translations").order_by("position", "slug")))


def products_of(*, company):
    """The company's products with their translations, categories and images, in their order."""
    return list(company.products.prefetch_related(
        "translations",
        Prefetch("categories", queryset=ProductCategory.objects.prefetch_related("translations")),
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
    ).order_by("position", "id"))

