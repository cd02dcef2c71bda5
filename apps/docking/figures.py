"""Figures computed from the records, never typed in: per docking event (its public page and the admin) and per
product category (the editors' figures page). A requirement counts when it is public (opened at some point);
a response when it was not withdrawn; a match is an awarded response."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from apps.companies.models import Company

from .models import PUBLIC_STATUSES, Requirement, Response, ResponseStatus


def _figures(requirements):
    responses = Response.objects.filter(requirement__in=requirements).exclude(status=ResponseStatus.WITHDRAWN)
    counted = responses.aggregate(responses=Count("pk"), matches=Count("pk", filter=Q(status=ResponseStatus.AWARDED)))
    companies = Company.objects.filter(Q(pk__in=requirements.values("company_id"))
                                       | Q(pk__in=responses.values("company_id"))).count()
    return {"companies": companies, "requirements": requirements.count(), **counted}


def _count(queryset):
    """A subquery counting the rows of `queryset` (which may refer to the outer row)."""
    counted = queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def event_figure_annotations():
    """Annotations of a DockingEvent queryset giving each event's figures (`figure_companies`,
    `figure_requirements`, `figure_responses`, `figure_matches`) in the same query."""
    requirements = Requirement.objects.filter(event=OuterRef("pk"), status__in=PUBLIC_STATUSES)
    responses = Response.objects.filter(requirement__event=OuterRef("pk"),
                                        requirement__status__in=PUBLIC_STATUSES).exclude(
        status=ResponseStatus.WITHDRAWN)
    companies = Company.objects.filter(
        Q(pk__in=Requirement.objects.filter(event=OuterRef(OuterRef("pk")), status__in=PUBLIC_STATUSES)
          .values("company_id"))
        | Q(pk__in=Response.objects.filter(requirement__event=OuterRef(OuterRef("pk")),
                                           requirement__status__in=PUBLIC_STATUSES)
            .exclude(status=ResponseStatus.WITHDRAWN).values("company_id")))
    return {"figure_companies": _count(companies), "figure_requirements": _count(requirements),
            "figure_responses": _count(responses),
            "figure_matches": _count(responses.filter(status=ResponseStatus.AWARDED))}


def figures_of(event):
    """The figures an event was annotated with (event_figure_annotations)."""
    return {name: getattr(event, f"figure_{name}") for name in ("companies", "requirements", "responses", "matches")}


def event_figures(*, event):
    """{"companies", "requirements", "responses", "matches"} of the requirements released at the event."""
    return _figures(Requirement.objects.filter(event=event, status__in=PUBLIC_STATUSES))


def overall_figures():
    return _figures(Requirement.objects.filter(status__in=PUBLIC_STATUSES))


def category_figures(*, tree):
    """Rows in tree order: {"category", "depth", "requirements", "responses", "matches"}; a requirement in two
    categories counts in both. Categories without requirements are left out."""
    links = Requirement.categories.through.objects.filter(requirement__status__in=PUBLIC_STATUSES)
    active = ~Q(requirement__responses__status=ResponseStatus.WITHDRAWN)
    rows = links.values("productcategory_id").annotate(
        requirements=Count("requirement", distinct=True),
        responses=Count("requirement__responses", filter=active & Q(requirement__responses__isnull=False),
                        distinct=True),
        matches=Count("requirement__responses", filter=Q(requirement__responses__status=ResponseStatus.AWARDED),
                      distinct=True),
    )
    by_category = {row["productcategory_id"]: row for row in rows}
    return [{"category": category, "depth": depth, **{name: row[name] for name in ("requirements", "responses",
                                                                                 "matches")}}
            for category, depth in _walk(tree.roots(), 0) if (row := by_category.get(category.pk))]


def _walk(nodes, depth):
    for node in nodes:
        yield node, depth
        yield from _walk(node.child_list, depth + 1)
