"""Demo data of meetings (a demo builder, order 94, after docking): a dozen exhibitors of the demo edition open
meeting times on its days, and demo users (members of other demo companies) ask for slots in both languages;
some are confirmed, one waits, one has another time proposed, one was declined. The content is in
fixtures/demo/meetings/meetings.json. Everything goes through the services, with the clock set to the day
before the edition so its slots count as future ones; loading twice creates nothing new."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.db import transaction

from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR
from apps.expo import selectors as expo_selectors

from . import services
from .models import Availability, MeetingRequest, Status

DEMO_FILE = DEMO_DIR / "meetings" / "meetings.json"
EDITION_FILE = DEMO_DIR / "expo" / "edition.json"


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def _edition():
    return expo_selectors.edition_by_slug(slug=_read(EDITION_FILE)["edition"]["slug"])


def _time(value):
    return datetime.time.fromisoformat(value)


def _availability(edition, spec):
    company = Company.objects.filter(slug=spec["company"]).first()
    if company is None:
        return 0
    made = 0
    for index in spec["days"]:
        day = edition.starts_on + datetime.timedelta(days=index)
        if Availability.objects.filter(company=company, day=day).exists():
            continue
        services.availability_save(company=company, edition=edition, day=day, starts_at=_time(spec["from"]),
                                   ends_at=_time(spec["until"]), slot_minutes=spec["minutes"],
                                   location=spec["location"], table_name=spec.get("table", ""))
        made += 1
    return made


def _request(edition, spec, now):
    user = get_user_model().objects.filter(username=spec["requester"]).first()
    company = Company.objects.filter(slug=spec["company"]).first()
    if user is None or company is None:
        return 0
    if MeetingRequest.objects.filter(requester=user, company=company, edition=edition).exists():
        return 0
    day = edition.starts_on + datetime.timedelta(days=spec["day"])
    availability = Availability.objects.get(company=company, day=day)
    on_behalf = Company.objects.filter(slug=spec.get("on_behalf", ""), memberships__user=user).first()
    meeting = services.meeting_request(user=user, availability=availability, start=services.local(
        day, _time(spec["at"])), message=spec["message"], requester_company=on_behalf, now=now)
    if spec["status"] == Status.ACCEPTED:
        services.meeting_accept(meeting=meeting)
    elif spec["status"] == Status.DECLINED:
        services.meeting_decline(meeting=meeting)
    elif spec["status"] == Status.PROPOSED:
        services.meeting_propose(meeting=meeting, availability=availability,
                                 start=services.local(day, _time(spec["proposed"])), now=now)
    return 1


@transaction.atomic
def build(*, author):
    edition = _edition()
    if edition is None:
        return 0
    data = _read(DEMO_FILE)
    now = services.local(edition.starts_on - datetime.timedelta(days=1), datetime.time(12))
    made = sum(_availability(edition, spec) for spec in data["availability"])
    return made + sum(_request(edition, spec, now) for spec in data["requests"])


@transaction.atomic
def delete():
    edition = _edition()
    if edition is None:
        return 0
    slugs = [spec["company"] for spec in _read(DEMO_FILE)["availability"]]
    requests = MeetingRequest.objects.filter(edition=edition, company__slug__in=slugs).delete()[0]
    return requests + Availability.objects.filter(edition=edition, company__slug__in=slugs).delete()[0]
