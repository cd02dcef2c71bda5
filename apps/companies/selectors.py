
from django.db.models import Prefetch

from apps.core.trees import CategoryTree

from .cache import category_tree_memo
from .models import Company, ProductCategory, ProductImage


def company_list():
    return Company.objects.prefetch_related("translations").order_by("slug")


def companies_of_member(*, user):
    if not user.is_authenticated:
        return Company.objects.none()
    return company_list().filter(memberships__user=user)


def company_is_verified(company):
    """Whether an editor has verified the company (it may then publish requirements and respond to them)."""
    return company is not None and company.verified_at is not None


def verified_companies_of_member(*, user):
    return companies_of_member(user=user).filter(verified_at__isnull=False)


def product_category_tree():
    """The category tree with translations, read once per catalogue version and language (companies.cache)."""
    return category_tree_memo(_category_tree_read)


def _category_tree_read():
    return CategoryTree(list(ProductCategory.objects.prefetch_related("translations").order_by("position", "slug")))



def products_of(*, company):
    """The company's products with their translations, categories and images, in their order. The categories come
    without translations: show them through `product_category_tree().by_pk`."""
    return list(company.products.prefetch_related(
        "translations", "categories",
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
    ).order_by("position", "id"))

