"""The visitor's side: the slot picker of a company (signed-in users book; anonymous visitors get a login link),
"My meetings" with cancel and accepting a proposed time. Thin: permission, selector or service, render. Pages
of signed-in users are never cached; anyone else's request answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts.decorators import object_permission_required
from apps.core.ratelimits import limit

from .. import selectors, services
from ..forms import BookForm
from ..models import Status


def _request(request, pk, **_kwargs):
    return selectors.request_get(pk=pk)


def _error_status(error):
    return 409 if error.code == services.SLOT_TAKEN else 400


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("meeting_request")
def book(request, slug):
    company = selectors.company_get(slug=slug)
    if company is None:
        raise Http404
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    language = get_language()
    days = selectors.slot_days(company=company)
    context = {"company": company, "company_name": selectors.name_of(company, language), "days": days,
               "company_url": selectors.company_url(company)}
    if not request.user.is_authenticated:
        return render(request, "meetings/book.html", context)
    companies = selectors.companies_of_member(user=request.user)
    own = any(c.pk == company.pk for c in companies)
    form = BookForm(request.POST or None, days=days, companies=[c for c in companies if c.pk != company.pk],
                    language=language)
    status = 200
    if request.method == "POST":
        if own:
            form.add_error(None, _("You cannot book a meeting with your own company."))
        elif form.is_valid():
            start = form.cleaned_data["start"]
            availability = next(d.availability for d in days if d.day == start.date())
            try:
                services.meeting_request(user=request.user, availability=availability, start=start,
                                         message=form.cleaned_data["message"], requester_company=form.company())
            except ValidationError as error:
                form.add_error(None, error)
                status = _error_status(error)
            else:
                messages.success(request, _("Your request was sent. The exhibitor will answer by email and in "
                                            "your inbox."))
                return redirect("meetings:mine")
        status = status if status != 200 else 400
    return render(request, "meetings/book.html", {**context, "form": form, "own": own}, status=status)


def _mine_context(request):
    try:
        agenda_url = reverse("forums:agenda")
    except NoReverseMatch:  # the forums are not hooked into a page (yet)
        agenda_url = ""
    return {"rows": selectors.requests_of_user(user=request.user), "proposed": Status.PROPOSED,
            "agenda_url": agenda_url}


@never_cache
@login_required
def mine(request):
    return render(request, "meetings/mine.html", _mine_context(request))


def _act(request, meeting, service, done):
    try:
        service(meeting=meeting)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return render(request, "meetings/mine.html", _mine_context(request), status=400)
    messages.success(request, done)
    return redirect("meetings:mine")


@require_POST
@login_required
@object_permission_required("meetings.own_request", fn=_request)
def cancel(request, meeting, pk):
    return _act(request, meeting, services.meeting_cancel, _("The meeting request is cancelled."))


@require_POST
@login_required
@object_permission_required("meetings.own_request", fn=_request)
def proposal_accept(request, meeting, pk):
    return _act(request, meeting, services.meeting_proposal_accept, _("The meeting is confirmed."))
