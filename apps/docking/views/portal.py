"""A company's own side at mine/: its requirements (drafting, files, submitting, ending), its responses, the
requirements that match its products. Members of verified companies post; a requirement of another company
answers 404 whatever is asked of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.companies.selectors import product_category_tree
from apps.core.ratelimits import limit

from .. import matching, selectors, services
from ..forms import AttachmentForm, RequirementForm, error_list
from ..models import Status
from ..rules import member_companies
from ._common import user_companies

ACTIONS = {
    "submit": (services.requirement_submit, gettext_lazy("The requirement was sent to the editors for review.")),
    "close": (services.requirement_close, gettext_lazy("The requirement no longer takes responses.")),
    "cancel": (services.requirement_cancel, gettext_lazy("The requirement was cancelled.")),
    "delete": (services.requirement_delete, gettext_lazy("The draft was deleted.")),
}


def _own(request, requirement, permission="docking.manage_page"):
    if requirement is None or not request.user.has_perm(permission, requirement):
        raise Http404(_("There is no such requirement."))
    return requirement


@login_required
def mine(request):
    companies = member_companies(request.user)
    ids, language = list(companies), get_language()
    return render(request, "docking/portal/mine.html", {
        "company_count": len(companies), "verified": any(companies.values()),
        "requirements": list(selectors.requirements_of(company_ids=ids, language=language)),
        "responses": list(selectors.responses_of_suppliers(company_ids=ids, language=language)),
    })


@login_required
def matches(request):
    ids = list(member_companies(request.user))
    visible = selectors.requirements_visible(user=request.user)
    found = list(matching.requirements_matching(company_ids=ids, visible=visible, language=get_language()))
    return render(request, "docking/portal/matches.html", {"requirements": found})


def _form_options(verified):
    tree = product_category_tree()
    events = {str(event.pk): event for event in selectors.events_public(language=get_language())}
    return tree, events, {"companies": verified, "category_choices": tree.choices(),
                          "event_choices": [(pk, event.name_shown or event.slug) for pk, event in events.items()]}


def _save(request, form, tree, events, requirement=None):
    """Store the form through the services; a refusal becomes the form's errors (nothing typed is lost)."""
    categories = [tree.by_slug[slug] for slug in form.cleaned_data["categories"] if slug in tree.by_slug]
    options = {"user": request.user, "translations": form.translations(), "categories": categories,
               **form.fields_for_service(events=events)}
    try:
        if requirement is None:
            return services.requirement_create(company=form.chosen_company(), **options)
        return services.requirement_update(requirement=requirement, **options)
    except ValidationError as error:
        for message in error_list(error):
            form.add_error(None, message)
    return None


@login_required
@require_http_methods(["GET", "POST"])
@limit("docking_post")
def requirement_new(request):
    _companies, verified = user_companies(request.user)
    if not verified:
        return render(request, "docking/portal/not_verified.html", status=403)
    tree, events, options = _form_options(verified)
    form = RequirementForm(request.POST or None, **options)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, tree, events)
        if saved is not None:
            messages.success(request, _("The draft was saved. Add files if you like, then send it for review."))
            return redirect("docking:mine_requirement", pk=saved.pk)
    return render(request, "docking/portal/requirement_form.html", {"form": form, "requirement": None},
                  status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
@limit("docking_post")
def requirement_edit(request, pk):
    _companies, verified = user_companies(request.user)  # also what the permission reads
    requirement = _own(request, selectors.requirement_for_form(pk=pk), "docking.edit_requirement")
    tree, events, options = _form_options([c for c in verified if c.pk == requirement.company_id])
    selectors.category_lists_attach([requirement], tree)
    form = RequirementForm(request.POST or None, initial=RequirementForm.initial_from(requirement), **options)
    if request.method == "POST" and form.is_valid() and _save(request, form, tree, events, requirement) is not None:
        messages.success(request, _("The draft was saved."))
        return redirect("docking:mine_requirement", pk=requirement.pk)
    return render(request, "docking/portal/requirement_form.html", {"form": form, "requirement": requirement},
                  status=400 if form.is_bound else 200)


@login_required
def mine_requirement(request, pk):
    language = get_language()
    detail = _own(request, selectors.requirement_get(pk=pk, language=language))
    tree = product_category_tree()
    selectors.category_lists_attach([detail], tree)
    fits = []
    if detail.status == Status.OPEN:
        fits = matching.companies_that_may_fit(requirement=detail, language=language, tree=tree)
    for company in fits:
        company.page_url = selectors.company_url(company, language)
    return render(request, "docking/portal/requirement.html", {
        "requirement": detail, "shown": selectors.shown_texts(detail), "state": detail.state(),
        "attachments": list(detail.attachments.all()), "categories": detail.category_list,
        "responses": selectors.responses_to(requirement=detail, language=language), "fits": fits,
        "attachment_form": AttachmentForm(), "may_edit": request.user.has_perm("docking.edit_requirement", detail),
        "may_end": request.user.has_perm("docking.end_requirement", detail),
    })


@login_required
@require_POST
@limit("docking_post")
def requirement_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    requirement = _own(request, selectors.requirement_for_update(pk=pk))
    service, done = ACTIONS[action]
    try:
        service(requirement=requirement, user=request.user)
    except (ValidationError, PermissionDenied) as error:
        for message in error_list(error):
            messages.error(request, message)
        return redirect("docking:mine_requirement", pk=pk)
    messages.success(request, done)
    return redirect("docking:mine") if action == "delete" else redirect("docking:mine_requirement", pk=pk)


@login_required
@require_POST
@limit("docking_upload")
def requirement_attachment_add(request, pk):
    requirement = _own(request, selectors.requirement_for_update(pk=pk), "docking.edit_requirement")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(user=request.user, upload=form.cleaned_data["file"], requirement=requirement,
                                    verified_only=form.cleaned_data["verified_only"])
        except ValidationError as error:
            form.add_error("file", error_list(error))
        else:
            messages.success(request, _("The file was attached."))
            return redirect("docking:mine_requirement", pk=pk)
    for message in [m for messages_ in form.errors.values() for m in messages_]:
        messages.error(request, message)
    return redirect("docking:mine_requirement", pk=pk)


@login_required
@require_POST
def attachment_remove(request, pk):
    """Remove a file of one's own draft, or of one's own undecided response."""
    attachment = selectors.attachment_get(pk=pk)
    if attachment is None:
        raise Http404
    if attachment.requirement_id:
        allowed = request.user.has_perm("docking.edit_requirement", attachment.requirement)
        back = redirect("docking:mine_requirement", pk=attachment.requirement_id)
    else:
        allowed = request.user.has_perm("docking.withdraw_response", attachment.response)
        back = redirect("docking:response", pk=attachment.response_id)
    if not allowed:
        raise Http404
    services.attachment_delete(attachment=attachment, user=request.user)
    messages.success(request, _("The file was removed."))
    return back
