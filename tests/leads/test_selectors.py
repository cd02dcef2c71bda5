"""lead_counts_by_day for the exhibitor figures: confirmed requests of one company by day of confirmation in the
site's time zone, both ends included, in one query."""

import datetime

from django.utils import timezone

from apps.leads.models import Lead
from apps.leads.selectors import lead_counts_by_day

from .conftest import lead_make


def at(lead, moment):
    Lead.objects.filter(pk=lead.pk).update(confirmed_at=moment)


def test_counts_by_day_of_confirmation_in_the_sites_time_zone(company_a, company_b, django_assert_num_queries):
    zone = timezone.get_current_timezone()  # Asia/Shanghai
    day = datetime.date(2026, 9, 16)

    def local(d, hour, minute=0):
        return datetime.datetime.combine(d, datetime.time(hour, minute), tzinfo=zone)

    for moment in (local(day, 0, 5), local(day, 23, 55), local(day + datetime.timedelta(days=2), 12)):
        at(lead_make(company_a), moment)
    at(lead_make(company_a), local(day - datetime.timedelta(days=1), 23, 59))  # before the range
    at(lead_make(company_a), local(day + datetime.timedelta(days=3), 0, 0))  # after it
    at(lead_make(company_b), local(day, 12))  # another company
    lead_make(company_a, confirmed=False)  # waiting for its sender: not a lead yet

    with django_assert_num_queries(1):
        counts = lead_counts_by_day(company_id=company_a.pk, start=day, end=day + datetime.timedelta(days=2))

    assert counts == {day: 2, day + datetime.timedelta(days=2): 1}
    assert lead_counts_by_day(company_id=company_b.pk, start=day, end=day) == {day: 1}
    assert lead_counts_by_day(company_id=company_a.pk, start=day + datetime.timedelta(days=5),
                              end=day + datetime.timedelta(days=9)) == {}
