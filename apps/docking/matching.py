"""Reads that match requirements with companies by product category.

A company fits a requirement when one of its products, or one of its public expo participations' exhibit
categories, is in a category the requirement asks for or below one (asking for "Equipment" reaches makers of
mixing lines). The expo's participations are read only through apps.expo.selectors.
"""

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from apps.companies.models import Company, Product, ProductCategory
from apps.companies.selectors import product_category_tree
from apps.expo import selectors as expo_selectors

from .conf import FIT_LIMIT, MATCH_LIMIT
from .models import Requirement, Response, Status, Visibility
from .selectors import response_count, translated, with_texts

ProductCategories = Product.categories.through


def wanted_category_ids(requirement, tree=None):
    """The requirement's categories with everything below them (its `category_list` when the caller attached
    one, see selectors.category_lists_attach)."""
    tree = tree or product_category_tree()
    ids = set()
    chosen = getattr(requirement, "category_list", None)
    for category_id in ([c.pk for c in chosen] if chosen is not None else
                        requirement.categories.values_list("pk", flat=True)):
        if category_id in tree.by_pk:
            ids.update(tree.descendant_ids(tree.by_pk[category_id]))
    return ids


def _companies_in(category_ids):
    """A filter: companies with a product or a public exhibit category in `category_ids`."""
    by_product = ProductCategories.objects.filter(productcategory_id__in=category_ids).values("product__company_id")
    by_exhibit = expo_selectors.public_participations().filter(categories__in=category_ids).values("company_id")
    return Q(pk__in=by_product) | Q(pk__in=by_exhibit)


def companies_matching(*, requirement, tree=None):
    """Companies other than the poster that fit the requirement; only verified ones for a verified-only one."""
    ids = wanted_category_ids(requirement, tree)
    if not ids:
        return Company.objects.none()
    queryset = Company.objects.filter(_companies_in(ids)).exclude(pk=requirement.company_id)
    if requirement.visibility == Visibility.VERIFIED:
        queryset = queryset.filter(verified_at__isnull=False)
    return queryset


def companies_that_may_fit(*, requirement, language, tree=None, limit=FIT_LIMIT):
    """What the poster sees: fitting companies, verified ones first, with `name_shown` in `language`."""
    matching = companies_matching(requirement=requirement, tree=tree).values("pk")
    name, _name_language = translated(Company, "name", language)
    verified_first = F("verified_at").desc(nulls_last=True)
    return list(Company.objects.filter(pk__in=matching).annotate(name_shown=name)
                .order_by(verified_first, "slug")[:limit])


def company_category_ids(company_ids):
    """The categories of the companies' products and public exhibit categories (one query)."""
    by_product = ProductCategories.objects.filter(product__company_id__in=company_ids).order_by().values_list(
        "productcategory_id", flat=True)
    by_exhibit = expo_selectors.public_participations().filter(
        company_id__in=company_ids, categories__isnull=False).order_by().values_list("categories", flat=True)
    return set(by_product.union(by_exhibit))


def _with_ancestors(category_ids):
    """The categories and every category above them, from one read of the tree's parent links."""
    parents = dict(ProductCategory.objects.values_list("pk", "parent_id"))
    found = set()
    for start in category_ids:
        node = start
        while node is not None and node not in found:
            found.add(node)
            node = parents.get(node)
    return found


def requirements_matching(*, company_ids, visible, language, limit=MATCH_LIMIT):
    """Open requirements of other companies that ask for a category of the companies' products or exhibits (or a
    category above one), soonest deadline first, with `answered` (one of the companies responded); `visible` is
    the queryset of requirements the user may see."""
    ids = _with_ancestors(company_category_ids(company_ids)) if company_ids else set()
    if not ids:
        return []
    wanted = Requirement.categories.through.objects.filter(productcategory_id__in=ids).values("requirement_id")
    answered = Response.objects.filter(requirement=OuterRef("pk"), company_id__in=company_ids)
    rows = (visible.filter(pk__in=wanted, status=Status.OPEN, deadline__gte=timezone.localdate())
            .exclude(company_id__in=company_ids))
    return list(with_texts(rows, language).select_related("company").annotate(
        response_count=response_count(), answered=Exists(answered)).order_by("deadline", "pk")[:limit])


def member_users(companies):
    """The active members of these companies (each once)."""
    return get_user_model().objects.filter(memberships__company__in=companies.values("pk"),
                                           is_active=True).distinct()
