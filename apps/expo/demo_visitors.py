"""Demo visitors and exhibitor figures (a demo builder, order 96, after docking and the other matchmaking parts):
two visitor accounts (no role) with starred exhibitors, and profile and product views of demo exhibitors on the
days of the demo edition and the days before it, so "My agenda" and the portal's figures page have something to
show. The content is in fixtures/demo/bookmarks/bookmarks.json. Visitors are found again by username and a day's
figures by company and day: loading twice creates nothing new.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError

from apps.accounts.services import user_create
from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR

from .bookmarks.services import bookmarks_replace
from .models import Edition, ExhibitorDayFigures

DEMO_FILE = DEMO_DIR / "bookmarks" / "bookmarks.json"
# Views per day as a share of the first expo day's: rising before the expo, highest on its first day.
BEFORE = (0.15, 0.2, 0.3, 0.35, 0.5, 0.6, 0.7)
DURING = (1.0, 0.8, 0.55, 0.4, 0.3)


def _read():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def _days(edition, days_before):
    """[(day, share)] from `days_before` days before the edition to its last day."""
    first = edition.starts_on
    length = (edition.ends_on - first).days + 1
    before = [(first - datetime.timedelta(days=n), BEFORE[-n] if n <= len(BEFORE) else BEFORE[0])
              for n in range(days_before, 0, -1)]
    during = [(first + datetime.timedelta(days=n), DURING[min(n, len(DURING) - 1)]) for n in range(length)]
    return before + during


def _visitors(specs):
    user_model = get_user_model()
    created = 0
    for spec in specs:
        user = user_model.objects.filter(username=spec["username"]).first()
        if user is None:
            user = user_create(username=spec["username"], email=spec["email"], password=spec["password"],
                               preferred_language=spec["preferred_language"], first_name=spec["first_name"],
                               last_name=spec["last_name"])
            created += 1
            ids = dict(Company.objects.filter(slug__in=spec["stars"]).values_list("slug", "pk"))
            bookmarks_replace(user=user, company_ids=[ids[slug] for slug in spec["stars"] if slug in ids])
    return created


def _views(spec):
    edition = Edition.objects.filter(slug=spec["edition"]).first()
    if edition is None:
        return 0
    companies = dict(Company.objects.filter(slug__in=[row["company"] for row in spec["companies"]])
                     .values_list("slug", "pk"))
    wanted = [(companies[row["company"]], day, round(row["profile"] * share), round(row["product"] * share))
              for row in spec["companies"] if row["company"] in companies
              for day, share in _days(edition, spec["days_before"])]
    have = set(ExhibitorDayFigures.objects.filter(company_id__in=companies.values())
               .values_list("company_id", "day"))
    rows = [ExhibitorDayFigures(company_id=company_id, day=day, profile_views=profile, product_views=product)
            for company_id, day, profile, product in wanted if (company_id, day) not in have]
    ExhibitorDayFigures.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def build(*, author):
    data = _read()
    return _visitors(data["visitors"]) + _views(data["views"])


@transaction.atomic
def delete():
    data = _read()
    spec = data["views"]
    edition = Edition.objects.filter(slug=spec["edition"]).first()
    deleted = 0
    if edition is not None:
        days = [day for day, _share in _days(edition, spec["days_before"])]
        deleted += ExhibitorDayFigures.objects.filter(
            company__slug__in=[row["company"] for row in spec["companies"]], day__in=days).delete()[0]
    for user in get_user_model().objects.filter(username__in=[visitor["username"] for visitor in data["visitors"]]):
        try:
            with transaction.atomic():
                deleted += user.delete()[0]
        except ProtectedError:
            continue
    return deleted
