"""`manage.py public_summary` (printed by `make run` after the demo): how many objects of each kind visitors find,
counted once whatever the number of languages, without drafts and expired notices."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from apps.search.selectors_summary import public_counts
from tests.factories import ArticleFactory, NoticeFactory, TradingCenterFactory


def test_counts_what_visitors_find(portal_site, capsys):
    center = TradingCenterFactory(slug="other-center")
    NoticeFactory(center=center, title_en="Expired", title_zh="已失效",
                  effective_from=timezone.now() - datetime.timedelta(days=10),
                  effective_until=timezone.now() - datetime.timedelta(days=1))
    ArticleFactory(number=8, state="draft")
    call_command("search_reindex")
    counts = {str(label): count for label, count in public_counts()}
    assert counts["Companies"] == 1 and counts["News"] == 1  # one per object, not per language; no draft
    assert counts["Trading notices"] == 2  # the site's two, not the expired one
    assert counts["Forum sessions"] == 2
    call_command("public_summary")
    out = capsys.readouterr().out
    assert "What visitors find on the site: " in out and "Companies 1" in out and "Trading notices 2" in out
