"""Joining the platform on the editors' desk (apps.editorial.registry): companies waiting for verification and
requests to join a company. Both are decided with the actions of their admin lists."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.companies.models import Company
from apps.editorial.registry import QueueItem, QueueSource, queue_slice, queue_source_register, translated

from .models import ApplicationState, CompanyApplication, JoinRequest, JoinState


def _pending(name):
    return f"{reverse(name)}?state__exact=pending"


def applications_slice(*, user, limit):
    rows = (CompanyApplication.objects.filter(state=ApplicationState.PENDING)
            .annotate(company_name=translated(Company, "name", get_language(), outer="company_id"))
            .order_by("created_at", "pk").only("pk", "created_at"))
    url = _pending("admin:onboarding_companyapplication_changelist")
    return queue_slice(rows, limit=limit, item=lambda application: QueueItem(
        what=str(_("Company to verify")), company=application.company_name or "", since=application.created_at,
        url=url))


def _person(user):
    return user.get_full_name() or user.email or user.username


def join_requests_slice(*, user, limit):
    rows = (JoinRequest.objects.filter(state=JoinState.PENDING).select_related("user")
            .annotate(company_name=translated(Company, "name", get_language(), outer="company_id"))
            .order_by("created_at", "pk"))
    url = _pending("admin:onboarding_joinrequest_changelist")
    return queue_slice(rows, limit=limit, item=lambda join_request: QueueItem(
        what=_person(join_request.user), company=join_request.company_name or "", since=join_request.created_at,
        url=url))


def register():
    queue_source_register(QueueSource(key="onboarding-verify", label=_("Companies waiting for verification"),
                                      position=50, allowed=lambda user: user.has_perm("onboarding.verify_company"),
                                      rows=applications_slice))
    queue_source_register(QueueSource(key="onboarding-join", label=_("Requests to join a company"), position=60,
                                      allowed=lambda user: user.has_perm("onboarding.decide_join_request"),
                                      rows=join_requests_slice))
