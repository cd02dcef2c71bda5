"""Reads of the bookmarks: a user's starred companies, ids sent by a browser, and the agenda section's rows."""

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from apps.companies.models import Company
from apps.core.languages import other_language

from ..cache import expo_cache
from ..models import Booth, Hall, StarredExhibitor
from ..selectors import edition_current, public_participations

MAX_STARS = 200


def starred_company_ids(*, user):
    """The companies the user starred, in the order starred ([] for anonymous visitors)."""
    if not user.is_authenticated:
        return []
    return list(StarredExhibitor.objects.filter(user=user).order_by("created_at", "pk")
                .values_list("company_id", flat=True))


def company_ids_from_input(raw):
    """Company ids from a list (JSON) or a comma-separated string (a URL), duplicates dropped, order kept;
    ValidationError for anything that is not a list of positive ids or too long a list. Unknown ids are left to
    `known_company_ids`."""
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    if not isinstance(raw, list):
        raise ValidationError(_("Send a list of exhibitors."))
    if len(raw) > MAX_STARS:
        raise ValidationError(_("You can star at most %(count)d exhibitors.") % {"count": MAX_STARS})
    ids = []
    for value in raw:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError(_("This list of exhibitors is not valid."))
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValidationError(_("This list of exhibitors is not valid.")) from None
        if number <= 0 or number >= 2**63:
            raise ValidationError(_("This list of exhibitors is not valid."))
        if number not in ids:
            ids.append(number)
    return ids


def known_company_ids(ids):
    """The ids of companies that exist, in the given order (one query)."""
    known = set(Company.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    return [pk for pk in ids if pk in known]


def translated(model, field, language, outer):
    """A translated field in `language`, else in the other one (a subquery, no prefetch)."""
    rows = model._parler_meta.root_model.objects.filter(master=OuterRef(outer))
    return Coalesce(Subquery(rows.filter(language_code=language).values(field)[:1]),
                    Subquery(rows.filter(language_code=other_language(language)).values(field)[:1]))


def starred_rows(*, ids, language):
    """[{"company", "name", "booths", "edition"}] of the starred companies in star order, with their booths in the
    current edition (each with `hall_name`): two queries whatever the number of stars (the edition is memoised)."""
    if not ids:
        return []
    companies = {company.pk: company for company in Company.objects.filter(pk__in=ids).annotate(
        shown_name=translated(Company, "name", language, "pk"))}
    edition = expo_cache.memo("edition-current", edition_current)  # changes with the expo's content version
    booths = {}
    if edition is not None:
        participations = public_participations().filter(edition=edition, company_id__in=list(companies))
        for booth in (Booth.objects.filter(participation__in=participations)
                      .select_related("hall", "participation")
                      .annotate(hall_name=translated(Hall, "name", language, "hall_id"))
                      .order_by("hall__position", "hall__code", "code")):
            booths.setdefault(booth.participation.company_id, []).append(booth)
    return [{"company": companies[pk], "name": companies[pk].shown_name or companies[pk].slug,
             "booths": booths.get(pk, []), "edition": edition} for pk in ids if pk in companies]
