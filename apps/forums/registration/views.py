"""Registration pages: the public sign-up form of a forum, the registrant's own page (reached by the secret link
in their emails) and the attendee list for organisers. Never cached: forms carry CSRF tokens, the rest is private.

A sign-up answers the same whether or not the address was registered already (one redirect to one page, the same
words): only the email that follows differs, so the form cannot be used to find out who is registered."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from menus.utils import set_language_changer
from rules.contrib.views import permission_required

from apps.core.ratelimits import limit
from apps.forums.models import RegistrationState

from . import selectors, services
from .csv_export import registrations_csv
from .forms import RegistrationForm
from .notifications import manage_path


def _initial(user):
    """A logged-in visitor's name, address and company, to start the form with."""
    if not user.is_authenticated:
        return {}
    membership = user.memberships.select_related("company").prefetch_related("company__translations").first()
    return {"name": user.get_full_name() or user.username, "email": user.email,
            "organisation": str(membership.company) if membership else ""}


def _forum_context(forum):
    places_left = None if forum.capacity is None else max(0, forum.capacity - forum.confirmed_count)
    return {"forum": forum, "places_left": places_left, "full": places_left == 0}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("forum_register")
def register(request, slug):
    forum = selectors.registration_forum_get(slug=slug)
    if forum is None:
        raise Http404
    form = RegistrationForm(request.POST or None, initial=_initial(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_request(forum=forum, language=get_language(), user=request.user,
                                          **form.cleaned_data)
        except ValidationError as error:  # the forum stopped taking registrations
            form.add_error(None, error)
        else:
            return redirect("forums:register_sent", slug=forum.slug)
    set_language_changer(request, lambda language: _register_path(forum, language))
    return render(request, "forums/registration/register.html", {**_forum_context(forum), "form": form},
                  status=400 if form.errors else 200)


@never_cache
@require_safe
def register_sent(request, slug):
    """Where every sign-up lands: the rest comes by email."""
    forum = selectors.registration_forum_get(slug=slug)
    if forum is None:
        raise Http404
    set_language_changer(request, lambda language: _register_path(forum, language, "forums:register_sent"))
    return render(request, "forums/registration/sent.html", {"forum": forum})


def _register_path(forum, language, view="forums:register"):
    with translation.override(language):
        return reverse(view, kwargs={"slug": forum.slug})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("registration_manage")
def registration_manage(request, token):
    registration = selectors.registration_get(token=token)
    if registration is None:
        raise Http404
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        return redirect(f"{manage_path(registration)}?cancelled=1")
    set_language_changer(request, lambda language: manage_path(registration, language))
    response = render(request, "forums/registration/manage.html", {
        "registration": registration, "forum": registration.forum,
        "position": selectors.registration_waitlist_position(registration),
        "just_cancelled": "cancelled" in request.GET, "states": RegistrationState,
    })
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak to other sites
    return response


@never_cache
@require_safe
@login_required
@permission_required("forums.export_attendees", raise_exception=True)  # the same for every forum: no object
def attendees_csv(request, slug):
    """The forum's attendee list for its organisers (staff who may view registrations)."""
    forum = selectors.forum_get(slug=slug)
    if forum is None:
        raise Http404
    response = HttpResponse(registrations_csv(selectors.attendees(forum=forum)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="attendees-{forum.slug}.csv"'
    return response
