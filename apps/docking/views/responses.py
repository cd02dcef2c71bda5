"""Responses: a verified supplier answers a requirement; the response's page (both companies and editors) with
its files, the poster's decisions, the supplier's withdrawal, the thread and the agreement to publish an award."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.ratelimits import limit

from .. import selectors, services
from ..forms import AttachmentForm, ResponseForm, ThreadForm, error_list
from ..models import ResponseStatus
from ..rules import member_companies
from ._common import user_companies

DECISIONS = {
    "shortlist": (ResponseStatus.SHORTLISTED, gettext_lazy("The response was shortlisted; the supplier is told.")),
    "decline": (ResponseStatus.DECLINED, gettext_lazy("The response was declined; the supplier is told.")),
    "award": (ResponseStatus.AWARDED, gettext_lazy("The requirement was awarded to this supplier, who is told.")),
}


def _response(request, pk, permission="docking.see_response"):
    response = selectors.response_get(pk=pk, language=get_language())
    if response is None or not request.user.has_perm(permission, response):
        raise Http404(_("There is no such response."))
    return response


@login_required
@require_http_methods(["GET", "POST"])
@limit("docking_response")
def respond(request, pk):
    companies, verified = user_companies(request.user)
    requirement = selectors.requirement_to_answer(pk=pk, language=get_language(),
                                                  responder_ids=[company.pk for company in companies])
    if requirement is None or not request.user.has_perm("docking.see_requirement", requirement):
        raise Http404(_("There is no such requirement."))
    if requirement.own_response_id is not None:
        return redirect("docking:response", pk=requirement.own_response_id)
    if not request.user.has_perm("docking.respond", requirement):
        return render(request, "docking/respond_closed.html", {"requirement": requirement,
                                                               "verified": verified}, status=403)
    choices = [company for company in verified if company.pk != requirement.company_id]
    form = ResponseForm(request.POST or None, companies=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            response = services.response_create(
                requirement=requirement, company=form.chosen_company(), user=request.user, message=data["message"],
                capabilities=data["capabilities"], price=data["price"], currency=data["currency"])
        except (ValidationError, PermissionDenied) as error:
            for message in error_list(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("Your response was sent. The poster is told; you can add files below."))
            return redirect("docking:response", pk=response.pk)
    return render(request, "docking/respond.html", {"requirement": requirement,
                                                    "shown": {"title": requirement.shown_title,
                                                              "language_code": requirement.title_language},
                                                    "form": form},
                  status=400 if form.is_bound else 200)


def _detail(request, response, *, thread_form=None, status=200):
    requirement, user = response.requirement, request.user
    return render(request, "docking/response.html", {
        "response": response, "requirement": requirement,
        "shown": {"title": response.requirement_title, "language_code": response.title_language},
        "thread": list(response.thread.all()), "attachments": list(response.attachments.all()),
        "thread_form": thread_form or ThreadForm(), "attachment_form": AttachmentForm(),
        "is_poster": requirement.company_id in member_companies(user),
        "may_decide": user.has_perm("docking.decide_response", response),
        "may_withdraw": user.has_perm("docking.withdraw_response", response),
        "may_write": user.has_perm("docking.write_in_thread", response),
        "may_publish": user.has_perm("docking.publish_outcome", response),
        "supplier_url": selectors.company_url(response.company, get_language()),
    }, status=status)


@login_required
def response_detail(request, pk):
    return _detail(request, _response(request, pk))


def _back(request, response, error=None, done=None):
    if error is not None:
        for message in error_list(error):
            messages.error(request, message)
    elif done:
        messages.success(request, done)
    return redirect("docking:response", pk=response.pk)


@login_required
@require_POST
def response_decide(request, pk, decision):
    if decision not in DECISIONS:
        raise Http404
    response = _response(request, pk)
    if not request.user.has_perm("docking.decide_response", response):
        if response.requirement.company_id not in member_companies(request.user):
            raise Http404(_("There is no such response."))
        return _back(request, response, ValidationError(_("This response can no longer be decided.")))
    status, done = DECISIONS[decision]
    try:
        services.response_decide(response=response, user=request.user, decision=status)
    except ValidationError as error:
        return _back(request, response, error)
    return _back(request, response, done=done)


@login_required
@require_POST
def response_withdraw(request, pk):
    response = _response(request, pk, "docking.withdraw_response")
    services.response_withdraw(response=response, user=request.user)
    return _back(request, response, done=_("Your response was withdrawn."))


@login_required
@require_POST
def response_publish(request, pk):
    """Either side agrees (agree=1) or no longer agrees (agree=0) to publish the award on the requirement's page."""
    response = _response(request, pk, "docking.publish_outcome")
    agree = request.POST.get("agree") == "1"
    services.outcome_agree(response=response, user=request.user, agree=agree)
    response.refresh_from_db()
    if not agree:
        done = _("The outcome is not shown on the requirement's page.")
    elif response.outcome_public:
        done = _("Both companies agreed: the requirement's page now says who it was matched with.")
    else:
        done = _("Noted. The outcome is published once the other company agrees too.")
    return _back(request, response, done=done)


@login_required
@require_POST
@limit("docking_message")
def thread_post(request, pk):
    response = _response(request, pk, "docking.write_in_thread")
    form = ThreadForm(request.POST)
    if not form.is_valid():
        return _detail(request, response, thread_form=form, status=400)
    try:
        services.thread_post(response=response, user=request.user, body=form.cleaned_data["body"])
    except ValidationError as error:
        for message in error_list(error):
            form.add_error("body", message)
        return _detail(request, response, thread_form=form, status=400)
    return _back(request, response, done=_("Your message was sent."))


@login_required
@require_POST
@limit("docking_upload")
def response_attachment_add(request, pk):
    response = _response(request, pk, "docking.withdraw_response")  # the supplier, before a decision
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _back(request, response, ValidationError([m for ms in form.errors.values() for m in ms]))
    try:
        services.attachment_add(user=request.user, upload=form.cleaned_data["file"], response=response)
    except ValidationError as error:
        return _back(request, response, error)
    return _back(request, response, done=_("The file was attached."))
