"""Reads of the exhibitor portal: the companies a user manages, each with its live and pending profile."""

import hashlib
import json
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from apps.companies.models import Company, Product, ProductCategory
from apps.expo.models import Invitation, Participation, ProfileChange, ProfileChangeState

from .completeness import LABELS, completeness
from .forms import LANGUAGE_LABELS
from .profile import company_snapshot, effective


def _open_participations(today):
    """Participations in editions that have not ended, the coming one first."""
    return (Participation.objects.filter(edition__ends_on__gte=today)
            .select_related("edition").prefetch_related("translations", "categories", "edition__translations")
            .order_by("edition__starts_on", "pk"))


def _products():
    return Product.objects.prefetch_related("translations", "categories", "images").order_by("position", "pk")


def _changes():
    return ProfileChange.objects.exclude(state=ProfileChangeState.WITHDRAWN).order_by("-submitted_at", "-pk")


def portal_companies():
    """Companies with everything the portal shows about them, in a fixed number of queries."""
    return Company.objects.prefetch_related(
        "translations",
        Prefetch("participations", queryset=_open_participations(timezone.localdate()), to_attr="open_participations"),
        Prefetch("products", queryset=_products(), to_attr="product_list"),
        Prefetch("profile_changes", queryset=_changes(), to_attr="change_list"),
    )


def is_member(*, user):
    """Whether the user manages at least one company (one query)."""
    return Company.objects.filter(memberships__user=user).exists()


def companies_of_member(*, user):
    return portal_companies().filter(memberships__user=user).order_by("slug").distinct()


def company_by_slug(*, slug):
    return portal_companies().filter(slug=slug).first()


@dataclass
class CompanyProfile:
    """A company in the portal: live snapshot, pending change, the effective profile and its completeness."""

    company: Company
    participations: list
    pending: ProfileChange | None
    latest: ProfileChange | None  # the latest change, whatever its state
    snapshot: dict
    state: dict
    completeness: dict = field(default_factory=dict)

    @property
    def current_participation(self):
        return self.participations[0] if self.participations else None

    def completeness_rows(self):
        """[(language, language label, percent, [(item code, label)])] for the templates."""
        return [(language, LANGUAGE_LABELS[language], values["percent"],
                 [(code, LABELS[code]) for code in values["missing"]])
                for language, values in self.completeness.items()]


def company_profile(company):
    """The CompanyProfile of a company loaded by portal_companies()."""
    participations = company.open_participations
    changes = company.change_list
    pending = next((c for c in changes if c.state == ProfileChangeState.PENDING), None)
    snapshot = company_snapshot(company, participations=participations, products=company.product_list)
    state = effective(snapshot, pending.payload, logo_path=pending.logo.name) if pending else effective(snapshot, {})
    current = participations[0].pk if participations else None
    return CompanyProfile(company=company, participations=participations, pending=pending,
                          latest=changes[0] if changes else None, snapshot=snapshot, state=state,
                          completeness=completeness(state, current_participation=current))


def company_snapshot_load(company):
    """The live snapshot of one company, read afresh (for a change's baseline)."""
    loaded = portal_companies().get(pk=company.pk)
    return company_snapshot(loaded, participations=loaded.open_participations, products=loaded.product_list)


def category_choices():
    """[(pk, label)] of the product-category tree, depth first, children indented."""
    categories = list(ProductCategory.objects.prefetch_related("translations").order_by("position", "slug"))
    children = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    choices = []

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            choices.append((category.pk, "\u3000" * depth + str(category)))
            walk(category.pk, depth + 1)

    walk(None, 0)
    return choices


def category_names(ids):
    """{pk: name} of categories, in the active language."""
    return {c.pk: str(c) for c in ProductCategory.objects.filter(pk__in=ids).prefetch_related("translations")}


def pending_changes():
    return (ProfileChange.objects.filter(state=ProfileChangeState.PENDING)
            .select_related("company", "submitted_by").prefetch_related("company__translations"))


def pending_change_of(*, slug):
    """The pending change of a company (with the company), or None."""
    return (ProfileChange.objects.filter(company__slug=slug, state=ProfileChangeState.PENDING)
            .select_related("company").first())


def profile_change_digest(change):
    """A short fingerprint of a change (payload and proposed logo file): the review form carries it, so an
    approval applies what the editor was shown."""
    seen = {"payload": change.payload, "logo": change.logo.name if change.logo else ""}
    return hashlib.sha256(json.dumps(seen, sort_keys=True).encode()).hexdigest()[:16]


def profile_change_files(change):
    """Storage paths of the files a change holds (its logo and its products' pending images)."""
    paths = [change.logo.name] if change.logo else []
    for op in change.payload.get("products", {}).values():
        paths += [image["path"] for image in op.get("images", []) + op.get("images_added", [])]
    return paths


def invitation_get(pk):
    return Invitation.objects.select_related("company").prefetch_related("company__translations").filter(pk=pk).first()
