"""Pages of joining the platform. Never cached: they carry CSRF tokens or belong to one user.

The sign-up answers the same whether or not the address has an account (one redirect to one page): only the
email that follows differs, so the form cannot tell who is registered. Everything after it needs a signed-in
account; a join request of someone else answers 404, like one that does not exist.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import DetailView
from rules.contrib.views import PermissionRequiredMixin, permission_required

from apps.core.ratelimits import limit

from . import selectors, services, tokens
from .forms import CompanyForm, JoinRequestForm, SearchForm, SignupForm

TAKE_PART = "onboarding.take_part"


def _link_page(request, message, *, status=400, login_link=False):
    return render(request, "onboarding/link.html", {"message": message, "login_link": login_link}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("signup")
def signup(request):
    if request.user.is_authenticated:
        return redirect("onboarding:status")
    form = SignupForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.signup_request(email=data["email"], name=data["name"], password=data["password1"],
                                language=data["language"])
        return redirect("onboarding:signup_sent")
    return render(request, "onboarding/signup.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@require_safe
def signup_sent(request):
    """Where every sign-up lands, whatever the address: the rest comes by email."""
    return render(request, "onboarding/signup_sent.html")


def _confirmable(token):
    """(sign-up, None) for the link's sign-up, or (None, why the link opens nothing)."""
    not_valid = _("This link is not valid. It may have been cut short or changed.")
    try:
        pk, fingerprint = tokens.signup_token_read(token)
    except signing.SignatureExpired:
        return None, _("This link has expired. Sign up again to receive a new one.")
    except signing.BadSignature:
        return None, not_valid
    signup = selectors.signup_get(pk=pk)
    if signup is None:
        return None, not_valid
    if signup.confirmed_at is None and not tokens.signup_token_matches(signup, fingerprint):
        return None, _("This link was replaced by a newer one: use the link of the latest email.")
    return signup, None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("signup_confirm")
def confirm(request, token):
    signup, problem = _confirmable(token)
    if problem:
        return _link_page(request, problem)
    if request.method == "POST" and signup.confirmed_at is None:
        try:
            user = services.signup_confirm(signup=signup)
        except services.JoinError:
            pass  # confirmed by another request a moment ago
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your address is confirmed and you are logged in."))
            return redirect("onboarding:status")
    elif signup.confirmed_at is None:
        return render(request, "onboarding/confirm.html", {"signup": signup})
    return _link_page(request, _("This address is confirmed already. Log in with it."), status=200,
                      login_link=True)


@never_cache
@require_safe
@permission_required(TAKE_PART)
def status(request):
    return render(request, "onboarding/status.html", selectors.dashboard(user=request.user))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(TAKE_PART)
@limit("company_create")
def company_create(request):
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_submit(user=request.user, names=form.names(), segment=data["segment"],
                                                      region=data["region"], website=data["website"])
        except services.JoinError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("%(company)s is created. An editor verifies it soon.") % {
                "company": application.company})
            return redirect("onboarding:status")
    return render(request, "onboarding/company_create.html", {"form": form}, status=400 if form.errors else 200)


@never_cache
@require_safe
@permission_required(TAKE_PART)
def company_find(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = selectors.company_search(user=request.user, query=query) if query else []
    return render(request, "onboarding/company_find.html", {"form": form, "query": query, "results": results},
                  status=400 if form.errors else 200)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(TAKE_PART)
@limit("join_request")
def join_request_create(request, slug):
    company = selectors.company_get(slug=slug)
    if company is None:
        raise Http404
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            join_request = services.join_request_submit(user=request.user, company=company,
                                                        message=form.cleaned_data["message"])
        except services.JoinError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your request is sent. An editor decides on it soon."))
            return redirect("onboarding:join_request", pk=join_request.pk)
    return render(request, "onboarding/join_request_create.html", {"form": form, "company": company},
                  status=400 if form.errors else 200)


@method_decorator(never_cache, name="dispatch")
class JoinRequestDetail(PermissionRequiredMixin, DetailView):
    permission_required = "onboarding.see_join_request"
    template_name = "onboarding/join_request.html"
    context_object_name = "join_request"
    http_method_names = ["get", "head"]

    def get_object(self, queryset=None):
        """Read once: the permission check and the page use the same request."""
        if getattr(self, "_join_request", None) is None:
            self._join_request = selectors.join_request_get(pk=self.kwargs["pk"])
        if self._join_request is None:
            raise Http404
        return self._join_request

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise Http404  # someone else's request: as if it did not exist
        return super().handle_no_permission()
