from dataclasses import dataclass, field

from django.db.models import Prefetch

from .models import Company, ProductCategory, ProductImage


def company_list():
    return Company.objects.prefetch_related("translations").order_by("slug")


def companies_of_member(*, user):
    if not user.is_authenticated:
        return Company.objects.none()
    return company_list().filter(memberships__user=user)


@dataclass
class CategoryTree:
    """Every product category (two queries), with parents and children resolved in memory."""

    categories: list
    by_pk: dict = field(default_factory=dict)
    by_slug: dict = field(default_factory=dict)

    def __post_init__(self):
        self.by_pk = {category.pk: category for category in self.categories}
        self.by_slug = {category.slug: category for category in self.categories}
        for category in self.categories:
            category.child_list = [c for c in self.categories if c.parent_id == category.pk]

    def roots(self):
        return [category for category in self.categories if category.parent_id is None]

    def descendant_ids(self, category):
        ids = [category.pk]
        for child in category.child_list:
            ids += self.descendant_ids(child)
        return ids

    def choices(self):
        """(slug, label) in tree order, children indented below their parent."""
        rows = []

        def walk(nodes, depth):
            for node in nodes:
                rows.append((node.slug, "\u2003" * depth + str(node)))
                walk(node.child_list, depth + 1)

        walk(self.roots(), 0)
        return rows


def product_category_tree():
    return CategoryTree(list(ProductCategory.objects.prefetch_related("translations").order_by("position", "slug")))


def products_of(*, company):
    """The company's products with their translations, categories and images, in their order."""
    return list(company.products.prefetch_related(
        "translations",
        Prefetch("categories", queryset=ProductCategory.objects.prefetch_related("translations")),
        Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
    ).order_by("position", "id"))

