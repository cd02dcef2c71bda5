"""Demo data of joining the platform (a demo builder, see apps.core.registries): a visitor who signed up and
created a company that waits for verification, and one who asks to join a company of the demo; the editors find
both in their queue (and inbox) after `make run`.

The content is in fixtures/demo/onboarding/onboarding.json. Everything goes through the services: the sign-up is
requested and confirmed, then the company created or the request sent. A person is found again by the address,
so loading twice creates nothing new.
"""

import json

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError

from apps.accounts.demo import users_delete
from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR

from . import services
from .models import CompanyApplication, JoinRequest

DEMO_FILE = DEMO_DIR / "onboarding" / "onboarding.json"


def _read():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def _person(spec):
    """The person's confirmed account: (user, created?)."""
    user = get_user_model().objects.filter(username=spec["email"].lower()).first()
    if user is not None:
        return user, False
    signup = services.signup_request(email=spec["email"], name=spec["name"], password=spec["password"],
                                     language=spec["language"])
    return services.signup_confirm(signup=signup), True


@transaction.atomic
def build(*, author):
    """Create the missing demo applicants, their company and their join request; return how many records."""
    data = _read()
    created = 0
    for spec in data["applications"]:
        user, made = _person(spec)
        created += made
        if not CompanyApplication.objects.filter(applicant=user).exists():
            company = spec["company"]
            services.application_submit(user=user, names=company["names"], segment=company["segment"],
                                        region=company.get("region", ""), website=company.get("website", ""))
            created += 1
    for spec in data["join_requests"]:
        company = Company.objects.filter(slug=spec["company"]).first()
        if company is None:  # the companies' part of the demo was not loaded
            continue
        user, made = _person(spec)
        created += made
        if not JoinRequest.objects.filter(user=user, company=company).exists():
            services.join_request_submit(user=user, company=company, message=spec["message"])
            created += 1
    return created


@transaction.atomic
def delete():
    """Delete the companies the demo applicants created, then the applicants (their requests go with them)."""
    data = _read()
    people = [{"username": spec["email"].lower()} for spec in [*data["applications"], *data["join_requests"]]]
    deleted = 0
    for application in CompanyApplication.objects.filter(
            applicant__username__in=[person["username"] for person in people]).select_related("company"):
        try:
            with transaction.atomic():
                deleted += application.company.delete()[0]
        except ProtectedError:  # the company was used meanwhile (e.g. it posted a requirement): kept
            continue
    removed, _kept = users_delete(users=people)
    return deleted + removed
