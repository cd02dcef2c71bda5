"""Reads of meetings: the days and free slots of an exhibitor, the requests each side sees, the confirmed meetings
of a user's agenda, counts for the exhibitor figures, the reminders that are due."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, TruncDate
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import get_language

from apps.companies.models import Company
from apps.core.languages import other_language
from apps.expo import selectors as expo_selectors

from .models import ACTIVE, ZONE, Availability, MeetingRequest, Status, slot_value


def edition_current():
    """The edition meetings are booked for: the expo's current one (None when there is none)."""
    return expo_selectors.edition_current()


def edition_days(edition):
    if edition is None:
        return []
    count = (edition.ends_on - edition.starts_on).days + 1
    return [edition.starts_on + datetime.timedelta(days=n) for n in range(count)]


def _name(path):
    """A company's name in the active language, else the other one (a subquery: no prefetch needed)."""
    translations = Company._parler_meta.root_model.objects
    language = get_language()

    def pick(code):
        return Subquery(translations.filter(master_id=OuterRef(path), language_code=code).values("name")[:1])

    return Coalesce(pick(language), pick(other_language(language)), Value(""))


def company_get(*, slug):
    """A company with its name in the active language as `shown_name` (None when missing)."""
    return Company.objects.annotate(shown_name=_name("pk")).filter(slug=slug).first()


def companies_of_member(*, user):
    return list(Company.objects.filter(memberships__user=user).prefetch_related("translations").order_by("slug"))


def company_booths(*, company, edition):
    """The company's booth codes in the edition ("" when it has none there), read through the expo."""
    for participation in expo_selectors.company_participations(company=company):
        if participation.edition_id == edition.pk:
            return ", ".join(booth.code for booth in participation.booths.all())
    return ""


def exhibits_in(*, company, edition):
    """Whether the company has a public participation in the edition."""
    return edition is not None and any(
        p.edition_id == edition.pk for p in expo_selectors.company_participations(company=company))


def availabilities(*, company, edition):
    """{day: Availability} of the company in the edition."""
    return {a.day: a for a in Availability.objects.filter(company=company, edition=edition)}


def name_of(company, language):
    if getattr(company, "shown_name", "") and language == get_language():
        return company.shown_name
    return company.safe_translation_getter("name", language_code=language, any_language=True) or company.slug


def company_url(company):
    """The company's public page, or "" where the expo is not hooked into a page."""
    try:
        return company.get_absolute_url()
    except NoReverseMatch:
        return ""


def person_of(user):
    return user.get_full_name() or user.username


@dataclass
class Slot:
    start: datetime.datetime
    end: datetime.datetime
    free: bool

    @property
    def value(self):
        return slot_value(self.start)


@dataclass
class Day:
    availability: Availability
    slots: list = field(default_factory=list)

    @property
    def day(self):
        return self.availability.day

    @property
    def free_slots(self):
        return [slot for slot in self.slots if slot.free]


def _held(company, days):
    """(start, end) of the active requests of the company on these days."""
    if not days:
        return []
    rows = MeetingRequest.objects.filter(company=company, status__in=ACTIVE, availability__day__in=days)
    return list(rows.values_list("starts_at", "ends_at"))


def slot_days(*, company, edition=None, now=None, open_only=True, held=None):
    """The company's days to come (of one edition, or all) with their slots, each free unless past or overlapping
    a held one: two queries (one when the caller knows the held (start, end) pairs already)."""
    now = now or timezone.now()
    days = Availability.objects.filter(company=company, day__gte=now.astimezone(ZONE).date())
    if edition is not None:
        days = days.filter(edition=edition)
    if open_only:
        days = days.filter(is_open=True)
    days = list(days.order_by("day"))
    held = _held(company, [a.day for a in days]) if held is None else held
    result = []
    for availability in days:
        step = datetime.timedelta(minutes=availability.slot_minutes)
        slots = [Slot(start, start + step, start > now and availability.is_open and not any(
            start < end and begin < start + step for begin, end in held))
            for start in availability.slot_starts()]
        result.append(Day(availability, slots))
    return result


def slot_is_free(*, availability, start, now=None, exclude=None):
    """Whether `start` begins a free slot of the availability (checked again inside the booking's lock)."""
    now = now or timezone.now()
    if not availability.is_open or start <= now or start not in availability.slot_starts():
        return False
    end = start + datetime.timedelta(minutes=availability.slot_minutes)
    clashes = MeetingRequest.objects.filter(company_id=availability.company_id, status__in=ACTIVE,
                                            starts_at__lt=end, ends_at__gt=start)
    if exclude is not None:
        clashes = clashes.exclude(pk=exclude.pk)
    return not clashes.exists()


def has_open_days(*, company, today=None):
    """Whether the company takes meeting requests on a day to come."""
    today = today or timezone.now().astimezone(ZONE).date()
    return Availability.objects.filter(company=company, is_open=True, day__gte=today).exists()


def _with_parties(queryset):
    return queryset.select_related("availability", "requester").prefetch_related(
        Prefetch("company", queryset=Company.objects.prefetch_related("translations")),
        Prefetch("requester_company", queryset=Company.objects.prefetch_related("translations")))


def company_requests(*, company):
    """Every request to the company by time (the page groups them by status), in one query."""
    rows = MeetingRequest.objects.filter(company=company).select_related("availability", "requester", "company")
    return list(rows.annotate(requester_company_name=_name("requester_company_id")).order_by("starts_at", "pk"))


def requests_of_user(*, user):
    """The requests a visitor made, newest meeting time first."""
    rows = MeetingRequest.objects.filter(requester=user).select_related("availability", "company").annotate(
        company_name=_name("company_id"))
    rows = list(rows.order_by("-starts_at", "-pk"))
    for row in rows:
        row.company_url = company_url(row.company)
    return rows


def request_get(*, pk):
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return _with_parties(MeetingRequest.objects.filter(pk=pk)).first()


def confirmed_meetings_of_user(*, user):
    """Accepted meetings where the user is the requester or a member of the exhibitor."""
    hosts = Company.objects.filter(memberships__user=user).values("pk")
    rows = MeetingRequest.objects.filter(Q(requester=user) | Q(company__in=hosts), status=Status.ACCEPTED)
    rows = rows.select_related("availability", "requester", "company").annotate(
        company_name=_name("company_id"), requester_company_name=_name("requester_company_id"))
    return list(rows.order_by("starts_at", "pk"))


def reminders_due(*, now=None):
    """Ids of accepted meetings on the next day (Beijing time) not yet reminded."""
    now = now or timezone.now()
    tomorrow = now.astimezone(ZONE).date() + datetime.timedelta(days=1)
    start = datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=ZONE)
    return list(MeetingRequest.objects.filter(
        status=Status.ACCEPTED, reminded_at__isnull=True, starts_at__gte=max(start, now),
        starts_at__lt=start + datetime.timedelta(days=1)).order_by("pk").values_list("pk", flat=True))


def meeting_counts_by_day(*, company_id, start, end, confirmed):
    """{date: count} for the exhibitor figures, one query. confirmed=False: requests received, by the day (Beijing
    time) they were made; True: accepted meetings, by the day they take place. `start`/`end` are dates, inclusive."""
    low = datetime.datetime.combine(start, datetime.time(), tzinfo=ZONE)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tzinfo=ZONE)
    column = "starts_at" if confirmed else "created_at"
    rows = MeetingRequest.objects.filter(company_id=company_id, **{f"{column}__gte": low, f"{column}__lt": high})
    if confirmed:
        rows = rows.filter(status=Status.ACCEPTED)
    rows = rows.annotate(day=TruncDate(column, tzinfo=ZONE)).values("day").annotate(count=Count("pk"))
    return {row["day"]: row["count"] for row in rows.order_by("day")}


def edition_counts(*, edition_id=None):
    """{status: count} of all requests (of one edition), for editors."""
    rows = MeetingRequest.objects.all()
    if edition_id:
        rows = rows.filter(edition_id=edition_id)
    return {row["status"]: row["count"] for row in rows.values("status").annotate(count=Count("pk")).order_by()}
