"""The exhibitor portal's meeting pages, for members of the company only (others get 404): availability per expo
day, the requests with accept / decline / propose another free slot, confirmed meetings, cancel. Thin views;
never cached."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.decorators import object_permission_required

from .. import selectors, services
from ..forms import AvailabilityForm, ProposeForm
from ..models import ACTIVE, Location, Status


def _company(request, slug, **_kwargs):
    return selectors.company_get(slug=slug)


def _meeting(request, slug, pk, **_kwargs):
    meeting = selectors.request_get(pk=pk)
    return meeting if meeting is not None and meeting.company.slug == slug else None


company_required = object_permission_required("meetings.manage_company", fn=_company)
answer_required = object_permission_required("meetings.answer_request", fn=_meeting)


@never_cache
@login_required
def index(request):
    """The first of the user's companies (a page saying there is none otherwise)."""
    companies = selectors.companies_of_member(user=request.user)
    if companies:
        return redirect("meetings_portal:requests", slug=companies[0].slug)
    return render(request, "meetings/portal/no_company.html")


def _requests_context(company, *, forms=None):
    rows = selectors.company_requests(company=company)
    days = selectors.slot_days(company=company, held=[(r.starts_at, r.ends_at) for r in rows if r.is_active])
    forms = forms or {}
    for row in rows:
        row.propose_form = forms.get(row.pk) or (ProposeForm(days=days, prefix=f"r{row.pk}")
                                                 if row.status == Status.REQUESTED else None)
    return {"company": company, "company_name": selectors.name_of(company, get_language()), "tab": "requests",
            "waiting": [r for r in rows if r.status in (Status.REQUESTED, Status.PROPOSED)],
            "confirmed": [r for r in rows if r.status == Status.ACCEPTED],
            "closed": [r for r in rows if r.status not in ACTIVE], "has_days": bool(days)}


@never_cache
@login_required
@company_required
def requests(request, company, slug):
    return render(request, "meetings/portal/requests.html", _requests_context(company))


def _answer(request, meeting, slug, call, done):
    try:
        call()
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return render(request, "meetings/portal/requests.html", _requests_context(meeting.company),
                      status=409 if error.code == services.SLOT_TAKEN else 400)
    messages.success(request, done)
    return redirect("meetings_portal:requests", slug=slug)


def _answering(service, done):
    """A view that answers a request with `service(meeting=...)` and says `done`."""
    @require_POST
    @login_required
    @answer_required
    def answer(request, meeting, slug, pk):
        return _answer(request, meeting, slug, lambda: service(meeting=meeting), done)

    return answer


accept = _answering(services.meeting_accept,
                    gettext_lazy("The meeting is confirmed. Both of you find it in your agenda."))
decline = _answering(services.meeting_decline, gettext_lazy("The request is declined."))
cancel = _answering(services.meeting_cancel, gettext_lazy("The meeting is cancelled."))


@require_POST
@login_required
@answer_required
def propose(request, meeting, slug, pk):
    days = selectors.slot_days(company=meeting.company)
    form = ProposeForm(request.POST, days=days, prefix=f"r{meeting.pk}")
    if not form.is_valid():
        context = _requests_context(meeting.company, forms={meeting.pk: form})
        return render(request, "meetings/portal/requests.html", context, status=400)
    start = form.cleaned_data["start"]
    availability = next(d.availability for d in days if d.day == start.date())
    return _answer(request, meeting, slug,
                   lambda: services.meeting_propose(meeting=meeting, availability=availability, start=start),
                   _("Your proposal was sent. The meeting is confirmed once the visitor accepts it."))


def _day_form(day, availability, data=None):
    if availability is not None:
        initial = {"day": day, "is_open": availability.is_open, "starts_at": availability.starts_at,
                   "ends_at": availability.ends_at, "slot_minutes": availability.slot_minutes,
                   "location": availability.location, "table_name": availability.table_name}
    else:
        initial = {"day": day, "is_open": False, "starts_at": "09:30", "ends_at": "16:30", "slot_minutes": 30,
                   "location": Location.BOOTH}
    return AvailabilityForm(data, initial=initial, prefix=f"d{day:%Y%m%d}")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@company_required
def availability(request, company, slug):
    edition = selectors.edition_current()
    exhibits = selectors.exhibits_in(company=company, edition=edition)
    saved = selectors.availabilities(company=company, edition=edition) if exhibits else {}
    days = selectors.edition_days(edition) if exhibits else []
    posted = request.POST.get("day", "") if request.method == "POST" else ""
    forms, status = [], 200
    for day in days:
        bound = posted == f"{day:%Y%m%d}"
        form = _day_form(day, saved.get(day), request.POST if bound else None)
        if bound:
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.availability_save(company=company, edition=edition, day=day,
                                               starts_at=data["starts_at"], ends_at=data["ends_at"],
                                               slot_minutes=data["slot_minutes"], location=data["location"],
                                               table_name=data["table_name"], is_open=data["is_open"])
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("Your availability for %(day)s is saved.") % {
                        "day": f"{day:%Y-%m-%d}"})
                    return redirect("meetings_portal:availability", slug=slug)
            status = 400
        forms.append((day, form))
    if request.method == "POST" and not any(posted == f"{d:%Y%m%d}" for d in days):
        messages.error(request, _("Choose a day of the expo."))
        status = 400
    return render(request, "meetings/portal/availability.html", {
        "company": company, "company_name": selectors.name_of(company, get_language()), "tab": "availability",
        "edition": edition, "exhibits": exhibits, "forms": forms}, status=status)
