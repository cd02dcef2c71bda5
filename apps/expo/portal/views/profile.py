"""The exhibitor portal: thin views (a member's company → selector/service → render). Each company page declares
expo.manage_company on the company of its URL (apps/expo/rules.py): everything of another company answers 404, as
does anything unknown; anonymous visitors are sent to the login page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.accounts.decorators import object_permission_required
from apps.companies.signals import member_dashboard_links
from apps.core.csp import rich_text_editor_policy

from .. import selectors, services
from ..diff import change_diff
from ..forms import LANGUAGE_LABELS, ProductForm, ProfileForm
from ..profile import LANGUAGES, display_name
from ..uploads import PENDING_DIR, pending_storage

CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}  # what image_check stores


def _company(request, slug, **_kwargs):
    """The company of the URL, loaded with what its portal pages show (None when there is none)."""
    return selectors.company_by_slug(slug=slug)


def _pending_change(request, slug, **_kwargs):
    return selectors.pending_change_of(slug=slug)


company_required = object_permission_required("expo.manage_company", fn=_company)  # the view gets the company


def _context(profile, **extra):
    company = profile.company
    return {"profile": profile, "company": company, "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGES],
            **extra}


def _submitted(request):
    messages.success(request, _("Your changes were sent for review. Visitors see them once an editor approves them."))


@login_required
def dashboard(request):
    profiles = [selectors.company_profile(company) for company in selectors.companies_of_member(user=request.user)]
    return render(request, "expo/portal/dashboard.html", {"profiles": profiles,
                                                          "languages": [(c, LANGUAGE_LABELS[c]) for c in LANGUAGES],
                                                          "member_links": member_dashboard_links()})


@login_required
@require_http_methods(["GET", "POST"])
@company_required
@rich_text_editor_policy  # the profile's rich-text editor writes inline styles
def profile_edit(request, company, slug):
    profile = selectors.company_profile(company)
    options = {"participations": profile.participations, "category_choices": selectors.category_choices()}
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, **options)
        if form.is_valid():
            services.profile_change_submit(company=profile.company, user=request.user, profile=form.profile(),
                                           logo=form.cleaned_data.get("logo"),
                                           remove_logo=form.cleaned_data.get("remove_logo", False))
            _submitted(request)
            return redirect("expo_portal:profile", slug=slug)
    else:
        form = ProfileForm(initial=ProfileForm.initial_from(profile.state), **options)
    return render(request, "expo/portal/profile_edit.html", _context(profile, form=form),
                  status=400 if form.is_bound else 200)


@login_required
@company_required
def products(request, company, slug):
    profile = selectors.company_profile(company)
    items = [{"key": key, "name": display_name(product["translations"], request.LANGUAGE_CODE), **product}
             for key, product in profile.state["products"].items()]
    return render(request, "expo/portal/products.html", _context(profile, products=items))


def _product(profile, key):
    product = profile.state["products"].get(key)
    if product is None or product["status"] == "deleted":
        raise Http404
    return product


@login_required
@require_http_methods(["GET", "POST"])
@company_required
def product_edit(request, company, slug, key=None):
    profile = selectors.company_profile(company)
    product = _product(profile, key) if key else None
    options = {"category_choices": selectors.category_choices()}
    if request.method == "POST":
        form = ProductForm(request.POST, request.FILES, **options)
        if form.is_valid():
            try:
                _change, key = services.product_submit(
                    company=profile.company, user=request.user, key=key, translations=form.translations(),
                    categories=form.cleaned_data["categories"], image=form.cleaned_data.get("image"))
            except LookupError:
                raise Http404 from None
            _submitted(request)
            return redirect("expo_portal:product_edit", slug=slug, key=key)
    else:
        form = ProductForm(initial=ProductForm.initial_from(product) if product else None, **options)
    return render(request, "expo/portal/product_edit.html", _context(profile, form=form, product=product, key=key),
                  status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
@company_required
def product_delete(request, company, slug, key):
    profile = selectors.company_profile(company)
    product = _product(profile, key)
    if request.method == "POST":
        try:
            services.product_delete_submit(company=profile.company, user=request.user, key=key)
        except LookupError:
            raise Http404 from None
        _submitted(request)
        return redirect("expo_portal:products", slug=slug)
    name = display_name(product["translations"], request.LANGUAGE_CODE)
    return render(request, "expo/portal/product_delete.html", _context(profile, product=product, key=key, name=name))


@login_required
@require_POST
@company_required
def image_delete(request, company, slug, key, ref):
    profile = selectors.company_profile(company)
    if ref not in {image["ref"] for image in _product(profile, key)["images"]}:
        raise Http404
    try:
        services.product_image_delete_submit(company=profile.company, user=request.user, key=key, ref=ref)
    except LookupError:
        raise Http404 from None
    _submitted(request)
    return redirect("expo_portal:product_edit", slug=slug, key=key)


@login_required
@company_required
def change_detail(request, company, slug):
    profile = selectors.company_profile(company)
    diff = change_diff(profile.pending) if profile.pending else None
    return render(request, "expo/portal/change.html", _context(profile, diff=diff))


@login_required
@require_POST
@company_required
def change_withdraw(request, company, slug):
    profile = selectors.company_profile(company)
    if profile.pending is None:
        raise Http404
    try:
        services.profile_change_withdraw(change=profile.pending, user=request.user)
    except services.ProfileChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You withdrew your changes. The public profile stays as it is."))
    return redirect(reverse("expo_portal:dashboard"))


@login_required
@require_safe
@object_permission_required("expo.view_pending_file", fn=_pending_change)
def pending_file(request, change, slug, name):
    """A file of the company's pending change (its logo or a product image), for the company's members and for
    editors; 404 for anything else, including files of an earlier change."""
    path = f"{PENDING_DIR}/{name}"
    content_type = CONTENT_TYPES.get(name.rpartition(".")[2])
    if content_type is None or path not in selectors.profile_change_files(change):
        raise Http404
    try:
        handle = pending_storage.open(path, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "private, max-age=3600"  # the browser's own cache only; names never get reused
    response["X-Content-Type-Options"] = "nosniff"
    return response
