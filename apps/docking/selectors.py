"""Reads of Supply & Demand: every queryset a page, feed, export or the admin shows, with what it prefetches.

"Open" at a moment: status open and the deadline not passed (`deadline >= today` in the site's time zone); an open
requirement past its deadline is listed as closed. Lists annotate the texts they show (title and company name in
the page's language, else the other one) instead of prefetching every translation.
"""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Aggregate, CharField, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language, override

from apps.accounts.rules import is_editor
from apps.companies.models import Company

from .conf import SOON_DAYS
from .models import (
    PUBLIC_STATUSES,
    Attachment,
    DockingEvent,
    Requirement,
    Response,
    ResponseStatus,
    Status,
    ThreadMessage,
    Visibility,
)
from .rules import in_verified_company, member_companies

BOARD_STATUSES = ("open", "closed", "awarded", "cancelled", "all")


@dataclass(frozen=True)
class BoardFilters:
    category_ids: tuple = ()  # the chosen category and everything below it
    region: str = ""
    segment: str = ""
    status: str = "open"  # one of BOARD_STATUSES
    soon: bool = False  # open, with the deadline within SOON_DAYS


def today(now=None):
    return timezone.localdate(now or timezone.now())


def translated(model, field, language, outer="pk"):
    """(value, language) expressions: the field of the row's translation in `language`, else of another one."""
    rows = model._parler_meta.root_model.objects.filter(master=OuterRef(outer))
    own = rows.filter(language_code=language)
    other = rows.exclude(language_code=language).order_by("language_code")
    return (Coalesce(Subquery(own.values(field)[:1]), Subquery(other.values(field)[:1])),
            Coalesce(Subquery(own.values("language_code")[:1]), Subquery(other.values("language_code")[:1])))


class IdList(Aggregate):
    """The ids of a group as one comma-separated string (SQLite's GROUP_CONCAT, PostgreSQL's STRING_AGG)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="STRING_AGG",
                           template="%(function)s(CAST(%(expressions)s AS text), ',')", **extra_context)


def with_category_ids(queryset):
    """Annotate `category_ids` (a comma-separated string, or None), read by `category_lists_attach`."""
    links = (Requirement.categories.through.objects.filter(requirement_id=OuterRef("pk")).order_by()
             .values("requirement_id").annotate(ids=IdList("productcategory_id")).values("ids"))
    return queryset.annotate(category_ids=Subquery(links, output_field=CharField()))


def with_texts(queryset, language):
    title, title_language = translated(Requirement, "title", language)
    company_name, _company_language = translated(Company, "name", language, outer="company_id")
    return queryset.annotate(shown_title=title, title_language=title_language, company_name=company_name)


def response_count():
    counted = (Response.objects.filter(requirement=OuterRef("pk")).exclude(status=ResponseStatus.WITHDRAWN)
               .order_by().values("requirement").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _may_see_verified_only(user):
    return user.is_authenticated and (in_verified_company(user) or is_editor(user))


def requirements_visible(*, user):
    """Public requirements the user may see: for everyone, plus those for verified companies when the user is in
    one (or an editor), plus their own companies'."""
    queryset = Requirement.objects.filter(status__in=PUBLIC_STATUSES)
    if _may_see_verified_only(user):
        return queryset
    return queryset.filter(Q(visibility=Visibility.PUBLIC) | Q(company_id__in=list(member_companies(user))))


def _status_filter(status, now):
    day = today(now)
    return {
        "open": Q(status=Status.OPEN, deadline__gte=day),
        "closed": Q(status=Status.CLOSED) | Q(status=Status.OPEN, deadline__lt=day),
        "awarded": Q(status=Status.AWARDED),
        "cancelled": Q(status=Status.CANCELLED),
    }.get(status, Q())


def board_requirements(*, user, filters, language, now=None):
    """(requirements, {status: count}): the board's rows for the filters, and how many there are per status
    (with the other filters applied) — one aggregate that also gives the paginator its count."""
    queryset = requirements_visible(user=user)
    if filters.category_ids:
        linked = Requirement.categories.through.objects.filter(productcategory_id__in=filters.category_ids)
        queryset = queryset.filter(pk__in=linked.values("requirement_id"))
    if filters.region:
        queryset = queryset.filter(region=filters.region)
    if filters.segment:
        queryset = queryset.filter(segment=filters.segment)
    if filters.soon:
        queryset = queryset.filter(deadline__lte=today(now) + datetime.timedelta(days=SOON_DAYS))
    counts = queryset.aggregate(**{name: Count("pk", filter=_status_filter(name, now)) for name in BOARD_STATUSES})
    status = "open" if filters.soon else filters.status
    rows = with_category_ids(with_texts(queryset.filter(_status_filter(status, now)), language)).select_related(
        "company").annotate(response_count=response_count())
    order = ("deadline", "pk") if filters.soon else ("-published_at", "-pk")
    return rows.order_by(*order), counts


def company_open_requirements(*, company, language, limit):
    """The company's open requirements everyone may see, soonest deadline first."""
    queryset = Requirement.objects.filter(_status_filter("open", None), company=company,
                                          visibility=Visibility.PUBLIC)
    return list(with_texts(queryset, language).order_by("deadline", "pk")[:limit])


def category_lists_attach(requirements, tree):
    """Give each requirement `category_list` (categories from the tree, in tree order): from its `category_ids`
    (see `with_category_ids`) when every requirement has them, else in one query."""
    by_requirement = {}
    if all(hasattr(requirement, "category_ids") for requirement in requirements):
        pairs = [(requirement.pk, int(pk)) for requirement in requirements
                 for pk in (requirement.category_ids or "").split(",") if pk]
    else:
        pairs = Requirement.categories.through.objects.filter(
            requirement_id__in=[r.pk for r in requirements]).values_list("requirement_id", "productcategory_id")
    for requirement_id, category_id in pairs:
        if category_id in tree.by_pk:
            by_requirement.setdefault(requirement_id, []).append(tree.by_pk[category_id])
    order = {category.pk: index for index, category in enumerate(tree.categories)}
    for requirement in requirements:
        requirement.category_list = sorted(by_requirement.get(requirement.pk, []), key=lambda c: order[c.pk])
    return requirements


def _outcome(language):
    """Annotations naming the awarded supplier when both sides agreed to publish the outcome."""
    awarded = Response.objects.filter(requirement=OuterRef("pk"), status=ResponseStatus.AWARDED,
                                      poster_publishes=True, supplier_publishes=True)
    name, _name_language = translated(Company, "name", language, outer="company_id")
    return {"outcome_company_slug": Subquery(awarded.values("company__slug")[:1]),
            "outcome_company_name": Subquery(awarded.annotate(name=name).values("name")[:1])}


def requirement_get(*, pk, language, responder_ids=()):
    """A requirement in any status (the caller checks who may see it) with what its page shows, or None: its
    texts in `language` else the other one (`shown_texts`), `category_ids` (see `category_lists_attach`), its
    attachments, and `own_response_id`, the response one of `responder_ids` (companies) sent."""
    event_name, _event_language = translated(DockingEvent, "name", language, outer="event_id")
    texts = {f"{field}_shown": translated(Requirement, field, language)[0]
             for field in ("description", "specifications")}
    own = Response.objects.filter(requirement=OuterRef("pk"), company_id__in=list(responder_ids)).values("pk")
    queryset = with_category_ids(with_texts(Requirement.objects.filter(pk=pk), language))
    queryset = queryset.select_related("company", "event").annotate(
        event_name=event_name, own_response_id=Subquery(own[:1]) if responder_ids else Value(None, IntegerField()),
        **texts, **_outcome(language)).prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "pk")))
    return queryset.first()


def shown_texts(requirement):
    """The texts `requirement_get` annotated, shaped like a translation (title, description, specifications,
    language_code); None when the requirement has no translation."""
    if requirement.title_language is None:
        return None
    return SimpleNamespace(title=requirement.shown_title, description=requirement.description_shown or "",
                           specifications=requirement.specifications_shown or "",
                           language_code=requirement.title_language)


def requirement_for_form(*, pk):
    """A requirement with its translations and `category_ids` (see `category_lists_attach`), for its form."""
    return with_category_ids(Requirement.objects.prefetch_related("translations").filter(pk=pk)).first()


def requirement_for_update(*, pk):
    """A requirement with its translations and categories, for the services and forms (None when missing)."""
    return Requirement.objects.select_related("company").prefetch_related("translations", "categories").filter(
        pk=pk).first()


def requirement_to_answer(*, pk, language, responder_ids):
    """A requirement for the response form: `shown_title` / `title_language`, the poster, and `own_response_id`
    (the response one of `responder_ids` sent, else None); None when missing. The caller checks access."""
    own = Response.objects.filter(requirement=OuterRef("pk"), company_id__in=list(responder_ids)).values("pk")
    return with_texts(Requirement.objects.filter(pk=pk), language).select_related("company").annotate(
        own_response_id=Subquery(own[:1]) if responder_ids else Value(None, IntegerField())).first()


def requirements_of(*, company_ids, language):
    """The requirements of these companies in every status, newest first (the poster's portal list)."""
    queryset = Requirement.objects.filter(company_id__in=company_ids)
    return with_texts(queryset, language).select_related("company").annotate(
        response_count=response_count()).order_by("-created_at", "-pk")


def responses_of_suppliers(*, company_ids, language):
    """The responses these companies sent, newest first, with the requirement's title and poster."""
    title, _title_language = translated(Requirement, "title", language, outer="requirement_id")
    poster, _poster_language = translated(Company, "name", language, outer="requirement__company_id")
    supplier, _supplier_language = translated(Company, "name", language, outer="company_id")
    return (Response.objects.filter(company_id__in=company_ids).select_related("requirement")
            .annotate(requirement_title=title, poster_name=poster, supplier_name=supplier)
            .order_by("-created_at", "-pk"))


def responses_to(*, requirement, language):
    """The responses to a requirement, newest first, with the supplier's name and message count."""
    supplier, _supplier_language = translated(Company, "name", language, outer="company_id")
    messages = (ThreadMessage.objects.filter(response=OuterRef("pk")).order_by().values("response")
                .annotate(n=Count("pk")).values("n"))
    return list(Response.objects.filter(requirement=requirement).select_related("company").annotate(
        supplier_name=supplier, message_count=Coalesce(Subquery(messages, output_field=IntegerField()), Value(0)),
    ).order_by("-created_at", "-pk"))


def response_get(*, pk, language):
    """A response with its requirement, thread and attachments, and the names and title in `language` (else the
    other one): `supplier_name`, `poster_name`, `requirement_title`, `title_language`. The caller checks access."""
    title, title_language = translated(Requirement, "title", language, outer="requirement_id")
    poster, _poster_language = translated(Company, "name", language, outer="requirement__company_id")
    supplier, _supplier_language = translated(Company, "name", language, outer="company_id")
    return (Response.objects.filter(pk=pk).select_related("requirement", "company")
            .annotate(requirement_title=title, title_language=title_language, poster_name=poster,
                      supplier_name=supplier)
            .prefetch_related(Prefetch("thread", queryset=ThreadMessage.objects.select_related("author")),
                              Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "pk")))
            .first())


def attachment_get(*, pk):
    return Attachment.objects.select_related("requirement", "response__requirement").filter(pk=pk).first()


def review_queue():
    """Requirements waiting for an editor, oldest submission first."""
    return (Requirement.objects.filter(status=Status.REVIEW).select_related("company")
            .prefetch_related("translations", "company__translations").order_by("submitted_at", "pk"))


def feed_requirements(*, category_ids, language, limit):
    """The newest public open requirements (in these categories), for feeds."""
    queryset = Requirement.objects.filter(status__in=PUBLIC_STATUSES, visibility=Visibility.PUBLIC)
    if category_ids:
        linked = Requirement.categories.through.objects.filter(productcategory_id__in=category_ids)
        queryset = queryset.filter(pk__in=linked.values("requirement_id"))
    rows = with_texts(queryset, language).prefetch_related("translations").order_by("-published_at", "-pk")
    return list(rows[:limit])


def events_public(*, language=None):
    """Public docking events, newest first: with their translations, or with `name_shown` in `language` (else
    the other one) when a language is given."""
    queryset = DockingEvent.objects.filter(is_public=True).order_by("-starts_on", "slug")
    if language:
        return queryset.annotate(name_shown=translated(DockingEvent, "name", language)[0])
    return queryset.prefetch_related("translations")


def event_get(*, slug, language):
    """A public event with its texts in `language` (`name_shown`, `venue_shown`, `description_shown`, else the
    other language's) and its figures (apps.docking.figures), in one query; None when missing."""
    from .figures import event_figure_annotations

    texts = {f"{field}_shown": translated(DockingEvent, field, language)[0]
             for field in ("name", "venue", "description")}
    return (DockingEvent.objects.filter(is_public=True, slug=slug).annotate(**texts, **event_figure_annotations())
            .first())


def event_requirements(*, event, user, language):
    return with_category_ids(with_texts(requirements_visible(user=user).filter(event=event), language)).select_related(
        "company").annotate(response_count=response_count()).order_by("-published_at", "-pk")


def company_url(company, language=None):
    """The company's public page, or "" where the expo directory is not hooked into a page."""
    try:
        return company.get_absolute_url(language)
    except NoReverseMatch:
        return ""


def company_url_for_slug(slug, language=None):
    if not slug:
        return ""
    return company_url(Company(slug=slug), language)



def _reverse_or_blank(name, language, **kwargs):
    with override(language or get_language()):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return ""


def edition_url(slug, language=None):
    """The expo edition's page (by its slug), or "" where the expo is not hooked into a page."""
    return _reverse_or_blank("expo:edition", language, edition=slug) if slug else ""


def session_url(session_id, language=None):
    """The forum session's page, or "" where the forums are not hooked into a page."""
    return _reverse_or_blank("forums:session", language, pk=session_id) if session_id else ""


def home_requirements(*, language, limit=5, now=None):
    """The home page's open requirements that everyone may see, newest first, with their title and company name
    in `language` (one query). Empty when none is open: the block is then left out."""
    queryset = Requirement.objects.filter(_status_filter("open", now), visibility=Visibility.PUBLIC)
    return list(with_texts(queryset, language).order_by("-published_at", "-pk")[:limit])
