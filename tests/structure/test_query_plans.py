"""The filters and orderings the busiest lists use are served by an index (EXPLAIN on SQLite, EXPLAIN with
sequential scans discouraged on PostgreSQL, whose planner scans a tiny test table rather than use any index)."""

import pytest
from django.db import connection

from apps.search.models import Term
from apps.trading.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db


def _plan(queryset):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


@pytest.mark.parametrize("name, queryset, index", [
    ("the editors' queue of notices awaiting the second approval",
     lambda: Notice.objects.filter(status=NoticeStatus.SUBMITTED).order_by("submitted_at", "pk"),
     "trading_approval_idx"),
    ("a prefix widened to the title terms", lambda: Term.objects.filter(term__gte="lun", term__lt="luo"), "term"),
])
def test_the_list_reads_an_index(name, queryset, index):
    plan = _plan(queryset())
    assert "INDEX" in plan.upper() and index in plan, (name, plan)
