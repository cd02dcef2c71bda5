"""The public side: "Contact this exhibitor" for a company exhibiting at the expo, the page every request lands on,
and the confirmation link of anonymous senders. Never cached (forms carry CSRF tokens).

Every anonymous request answers alike, whatever the address (one redirect to one page, the same words): only the
email differs, so the form tells nothing about accounts. A robot that fills the hidden field lands on the same page
and nothing is stored."""

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from menus.utils import set_language_changer

from apps.core.ratelimits import limit

from .. import selectors, services, tokens
from ..forms import ContactForm
from ._common import company_page, path_in


def _company_or_404(slug):
    company = selectors.contactable_company(slug=slug)
    if company is None:
        raise Http404(_("There is no such exhibitor."))
    return company


def _product_choices(products, language):
    return [(product.pk, product.safe_translation_getter("name", language_code=language, any_language=True)
             or f"#{product.pk}") for product in products]


def _preselected(request, choices):
    wanted = request.GET.get("product", "")
    return int(wanted) if wanted.isdigit() and int(wanted) in {pk for pk, _name in choices} else None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("lead_send")
def contact(request, slug):
    company = _company_or_404(slug)
    language = get_language()
    products = {product.pk: product for product in selectors.company_products(company=company)}
    choices = _product_choices(products.values(), language)
    signed_in = request.user.is_authenticated
    form = ContactForm(request.POST or None, products=choices, signed_in=signed_in,
                       initial={"product": _preselected(request, choices)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        edition = selectors.contact_edition()
        if edition is None:
            raise Http404(_("There is no such exhibitor."))
        if not form.is_robot():
            services.lead_send(
                company=company, edition=edition, product=products.get(data["product"]),
                name=data.get("name", ""), email=data.get("email", ""), organisation=data["organisation"],
                phone=data["phone"], message=data["message"], language=language,
                sender=request.user if signed_in else None)
        return redirect("leads:sent" if not signed_in else "leads:delivered", slug=company.slug)
    set_language_changer(request, lambda code: path_in("leads:contact", code, slug=company.slug))
    return render(request, "leads/contact.html", {"company": company, "company_url": company_page(company),
                                                  "form": form, "signed_in": signed_in},
                  status=400 if form.errors else 200)


def _landing(request, slug, template):
    company = _company_or_404(slug)
    set_language_changer(request, lambda code: path_in(request.resolver_match.view_name, code, slug=company.slug))
    return render(request, template, {"company": company, "company_url": company_page(company)})


@never_cache
@require_safe
def sent(request, slug):
    """Where an anonymous request lands: the rest comes by email."""
    return _landing(request, slug, "leads/sent.html")


@never_cache
@require_safe
def delivered(request, slug):
    """Where a signed-in user's request lands: it reached the exhibitor."""
    return _landing(request, slug, "leads/delivered.html")


def _bad_link(request, message):
    return render(request, "leads/bad_link.html", {"message": message}, status=400)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit("lead_confirm")
def confirm(request, token):
    """GET shows a button (mail scanners that open links confirm nothing), POST confirms."""
    try:
        lead_id = tokens.confirm_token_read(token)
    except signing.SignatureExpired:
        return _bad_link(request, _("This confirmation link has expired. Please write to the exhibitor again."))
    except (signing.BadSignature, ValueError):
        return _bad_link(request, _("This link is not valid. It may have been cut short or changed."))
    lead = selectors.lead_for_confirmation(pk=lead_id)
    if lead is None:
        return _bad_link(request, _("This link is not valid. It may have been cut short or changed."))
    if request.method == "POST":
        lead, _confirmed = services.lead_confirm(lead_id=lead.pk)
        context = {"lead": lead, "company": lead.company, "company_url": company_page(lead.company)}
        return render(request, "leads/confirmed.html", context)
    template = "leads/confirmed.html" if lead.is_confirmed else "leads/confirm.html"
    response = render(request, template, {"lead": lead, "company": lead.company,
                                          "company_url": company_page(lead.company)})
    response["Referrer-Policy"] = "same-origin"  # the token must not leak to other sites (no-referrer would make
    # browsers send "Origin: null" with the form, which CSRF refuses)
    response["X-Robots-Tag"] = "noindex"
    return response
