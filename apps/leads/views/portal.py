"""The exhibitor portal's contact requests, for the members of the company of the URL only (leads.manage_leads):
the list (status filter, search, pages), a request (status and notes) and the CSV export. Anything of another
company, or a request not (yet) confirmed, answers 404. Never cached: every page is a member's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from menus.utils import set_language_changer

from apps.accounts.decorators import object_permission_required
from apps.core.paging import paginate
from apps.core.ratelimits import limit

from .. import selectors, services
from ..forms import LeadFilterForm, LeadUpdateForm
from ..models import Status
from ._common import path_in

EXPORT_SCOPES = ("new", "all")


def _company(request, slug, **_kwargs):
    return selectors.member_company(user=request.user, slug=slug)


company_required = object_permission_required("leads.manage_leads", fn=_company)  # the view gets the company


def _lead_or_404(company, pk):
    lead = selectors.company_lead(company_id=company.pk, pk=pk)
    if lead is None:
        raise Http404(_("There is no such contact request."))
    return lead


@never_cache
@require_safe
@login_required
def index(request):
    """The user's companies: straight to the list of the only one, else a choice."""
    companies = selectors.member_companies(user=request.user)
    if len(companies) == 1:
        return redirect("leads_portal:list", slug=companies[0].slug)
    return render(request, "leads/portal/index.html", {"companies": companies})


@never_cache
@require_safe
@login_required
@company_required
def lead_list(request, company, slug):
    filters = LeadFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {"status": "", "q": ""}
    counts = selectors.company_status_counts(company_id=company.pk)
    known = None if chosen["q"] else counts[chosen["status"]] if chosen["status"] else counts["total"]
    page = paginate(request, selectors.company_leads(company_id=company.pk, status=chosen["status"],
                                                     q=chosen["q"]), selectors.PAGE_SIZE, count=known)
    set_language_changer(request, lambda code: path_in("leads_portal:list", code, slug=slug))
    return render(request, "leads/portal/list.html", {
        "company": company, "page": page, "leads": list(page), "filters": filters, "chosen": chosen,
        "counts": counts, "status_counts": [(value, label, counts[value]) for value, label in Status.choices],
    })


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@limit("lead_manage")
@company_required
def lead_detail(request, company, slug, pk):
    lead = _lead_or_404(company, pk)
    form = LeadUpdateForm(request.POST or None, initial={"status": lead.status, "notes": lead.notes})
    if request.method == "POST" and form.is_valid():
        services.lead_update(lead=lead, status=form.cleaned_data["status"], notes=form.cleaned_data["notes"])
        messages.success(request, _("The contact request was saved."))
        return redirect("leads_portal:lead", slug=slug, pk=pk)
    set_language_changer(request, lambda code: path_in("leads_portal:lead", code, slug=slug, pk=pk))
    return render(request, "leads/portal/lead.html", {"company": company, "lead": lead, "form": form},
                  status=400 if form.errors else 200)


@never_cache
@require_POST
@login_required
@limit("lead_manage")
@company_required
def lead_export(request, company, slug):
    """CSV of the requests not exported yet ("new") or of all of them; either way they count as exported now."""
    scope = request.POST.get("scope", "new")
    if scope not in EXPORT_SCOPES:
        raise Http404
    leads = selectors.company_leads_for_export(company_id=company.pk, since_last_export=scope == "new")
    content = services.leads_export(queryset=leads, language=get_language())
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    name = f"contact-requests-{company.slug}-{scope}-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
