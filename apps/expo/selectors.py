"""Reads of the public expo pages. Only confirmed participations of editions that are not drafts are public."""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.companies.models import Company, Product
from apps.core.languages import is_chinese, other_language
from apps.search.selectors import ids_matching

from .models import Booth, Edition, EditionStatus, Hall, Participation

PAGE_SIZE = 24


def public_editions():
    return Edition.objects.exclude(status=EditionStatus.DRAFT).prefetch_related("translations")


def phase_rank(today=None):
    """0 for an edition open today, 1 for an upcoming one, 2 for a closed one: by its dates, like Edition.phase."""
    today = today or timezone.localdate()
    return Case(When(starts_on__lte=today, ends_on__gte=today, then=Value(0)),
                When(starts_on__gt=today, then=Value(1)), default=Value(2), output_field=IntegerField())


def edition_current():
    """The edition open now, else the next upcoming one, else the latest closed one (None: nothing public)."""
    ranked = public_editions().annotate(rank=phase_rank())
    current = ranked.filter(rank__lt=2).order_by("rank", "starts_on").first()
    return current or ranked.order_by("-starts_on").first()


def _halls_prefetch():
    return Prefetch("halls", queryset=Hall.objects.prefetch_related("translations").order_by("position", "code"))


def edition_by_slug(*, slug):
    """An edition whatever its status (None when missing), for other apps that link their records to it."""
    return Edition.objects.filter(slug=slug).first()


def edition_get(*, slug):
    """A public edition with its halls (None when missing or a draft)."""
    return public_editions().prefetch_related(_halls_prefetch()).filter(slug=slug).first()


def edition_with_halls(edition):
    """The halls of an edition with their number of booths and of exhibitors' booths."""
    return list(edition.halls.prefetch_related("translations").annotate(
        booth_count=Count("booths"),
        # as the floor plan shows them: a booth is taken by a confirmed participation only
        taken_count=Count("booths", filter=Q(booths__participation__is_confirmed=True)),
    ).order_by("position", "code"))


def public_participations():
    return Participation.objects.filter(is_confirmed=True).exclude(edition__status=EditionStatus.DRAFT)


def public_exhibitor_count(*, edition):
    return public_participations().filter(edition=edition).count()


@dataclass(frozen=True)
class DirectoryFilters:
    hall: str = ""  # hall code
    category_ids: tuple = ()  # the chosen category and its descendants
    segment: str = ""
    region: str = ""
    letter: str = ""  # English initial
    pinyin: str = ""  # pinyin initial of the Chinese name
    q: str = ""


def _name_in(language):
    translations = Company._parler_meta.root_model.objects.filter(master=OuterRef("company_id"),
                                                                  language_code=language)
    return Subquery(translations.values("name")[:1])


def directory(*, edition, filters, language):
    """The public participations of an edition matching the filters, A-Z in the language's order (English names
    by English initial, Chinese names by pinyin initial), with what a directory row shows."""
    queryset = public_participations().filter(edition=edition)
    if filters.hall:
        queryset = queryset.filter(pk__in=Booth.objects.filter(hall__edition=edition, hall__code=filters.hall)
                                   .values("participation_id"))
    if filters.category_ids:
        by_exhibit = Participation.categories.through.objects.filter(productcategory_id__in=filters.category_ids)
        by_product = Product.categories.through.objects.filter(productcategory_id__in=filters.category_ids)
        queryset = queryset.filter(Q(pk__in=by_exhibit.values("participation_id"))
                                   | Q(company_id__in=by_product.values("product__company_id")))
    if filters.segment:
        queryset = queryset.filter(company__segment=filters.segment)
    if filters.region:
        queryset = queryset.filter(company__region=filters.region)
    if filters.letter:
        queryset = queryset.filter(company__initial_en=filters.letter)
    if filters.pinyin:
        queryset = queryset.filter(company__initial_pinyin=filters.pinyin)
    if filters.q:
        matched = ids_matching(q=filters.q, types=("company",))  # the site-search index (names and products)
        if matched is not None:
            queryset = queryset.filter(company_id__in=matched)
    initial = "company__initial_pinyin" if is_chinese(language) else "company__initial_en"
    queryset = queryset.annotate(
        sort_name=Coalesce(_name_in(language), _name_in(other_language(language))),
        others_last=Case(When(**{initial: "#"}, then=Value(1)), default=Value(0), output_field=IntegerField()))
    return queryset.select_related("company").prefetch_related(
        "company__translations",
        Prefetch("booths", queryset=Booth.objects.select_related("hall").order_by("code")),
    ).order_by("others_last", initial, "sort_name", "pk")


def hall_get(*, edition, code):
    return edition.halls.prefetch_related("translations").filter(code=code).first()


def hall_booths(*, hall):
    """The booths of a hall with their public exhibitor (None for a free booth or a hidden participation)."""
    booths = list(hall.booths.select_related("participation__company").prefetch_related(
        "participation__company__translations").order_by("code"))
    for booth in booths:
        participation = booth.participation
        booth.exhibitor = participation.company if participation and participation.is_confirmed else None
    return booths


def company_get(*, slug):
    return Company.objects.prefetch_related("translations").filter(slug=slug).first()


def company_participations(*, company):
    """The company's public participations, newest edition first, with booths (and halls) and categories."""
    return list(public_participations().filter(company=company).select_related("edition").prefetch_related(
        "translations", "edition__translations",
        Prefetch("booths", queryset=Booth.objects.select_related("hall").prefetch_related("hall__translations")
                 .order_by("code")),
        "categories",  # names through product_category_tree()
    ).order_by("-edition__starts_on"))


def _translated(model, field, language, outer="pk"):
    """A field of the row's translation in `language`, else in the other language (a subquery, no prefetch)."""
    rows = model._parler_meta.root_model.objects.filter(master=OuterRef(outer))
    return Coalesce(Subquery(rows.filter(language_code=language).values(field)[:1]),
                    Subquery(rows.filter(language_code=other_language(language)).values(field)[:1]))


def home_expo(*, language, exhibitors=6):
    """The home page's expo block in three queries whatever the size of the expo: the current edition (as
    edition_current() chooses it, with its texts and number of exhibitors), its halls, and a few confirmed
    exhibitors (those with a logo first). None when no edition is public."""
    exhibitor_count = (public_participations().filter(edition=OuterRef("pk")).order_by().values("edition")
                       .annotate(n=Count("pk")).values("n"))
    rank = phase_rank()
    edition = (Edition.objects.exclude(status=EditionStatus.DRAFT).annotate(
        rank=rank, shown_name=_translated(Edition, "name", language),
        shown_venue=_translated(Edition, "venue", language), shown_city=_translated(Edition, "city", language),
        exhibitor_count=Coalesce(Subquery(exhibitor_count, output_field=IntegerField()), Value(0)),
        coming=Case(When(rank__lt=2, then="starts_on")),  # upcoming/open: the soonest; closed: the latest
    ).order_by("rank", F("coming").asc(nulls_last=True), "-starts_on").first())
    if edition is None:
        return None
    halls = list(edition.halls.annotate(shown_name=_translated(Hall, "name", language)).order_by("position", "code"))
    companies = list(Company.objects.filter(pk__in=public_participations().filter(edition=edition)
                                            .values("company_id")).annotate(
        shown_name=_translated(Company, "name", language),
        no_logo=Case(When(logo="", then=Value(1)), default=Value(0), output_field=IntegerField()),
    ).order_by("no_logo", "shown_name", "pk")[:exhibitors])
    return {"edition": edition, "halls": halls, "exhibitors": companies}
