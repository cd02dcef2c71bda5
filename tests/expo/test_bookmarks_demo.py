"""The demo's visitors and figures (builder "expo.visitors", order 96): two visitors with starred exhibitors and a
few days of views for demo exhibitors, built once, deleted again."""

import pytest
from django.contrib.auth import get_user_model

from apps.companies.models import Company
from apps.core import registries
from apps.core.demo import demo_delete, demo_load
from apps.expo.bookmarks.selectors import starred_company_ids
from apps.expo.figures.selectors import figures_table
from apps.expo.models import Edition, ExhibitorDayFigures, StarredExhibitor
from tests.factories.demo import demo_parts_only

BUILDERS = ("accounts", "companies", "expo", "expo.visitors")


@pytest.fixture
def demo(db, media_root, django_capture_on_commit_callbacks, monkeypatch):
    demo_parts_only(monkeypatch, BUILDERS)

    def run(function):
        with django_capture_on_commit_callbacks(execute=True):
            return function()

    return run


def test_the_builder_is_registered_after_docking():
    builder = registries.demo_builders["expo.visitors"]
    assert builder.order == 96 > registries.demo_builders["docking"].order


def test_demo_visitors_have_stars_and_exhibitors_have_figures_once(demo):
    report = demo(demo_load)
    assert report.counts["expo.visitors"] == 2 + 10 * 8  # two visitors; ten exhibitors over eight days
    assert report.summary().endswith(f"Expo {report.counts['expo.visitors']}")  # named after its app
    users = get_user_model().objects
    anna, liu = users.get(username="visitor"), users.get(username="visitor-zh")
    assert (anna.preferred_language, liu.preferred_language) == ("en", "zh-hans")
    assert not anna.groups.exists() and not anna.is_staff
    slugs = dict(Company.objects.values_list("pk", "slug"))
    assert [slugs[pk] for pk in starred_company_ids(user=anna)] == [
        "longyuan-tire", "haiyue-rubber-machinery", "huaxing-carbon-black", "zhengyuan-testing"]
    assert [slugs[pk] for pk in starred_company_ids(user=liu)] == ["tianhang-tire", "jinhai-synthetic-rubber",
                                                                   "longyuan-tire"]

    edition = Edition.objects.get(slug="rubber-expo-2026")
    longyuan = Company.objects.get(slug="longyuan-tire")
    table = figures_table(company_id=longyuan.pk, edition=edition, today=edition.ends_on)
    per_day = [counts[:2] for _day, counts in table.days]
    assert per_day == [[86, 140], [69, 112], [47, 77]]  # each expo day, highest on the first
    assert table.overall[0] > table.edition_totals[0] > 0  # and the days before the expo
    assert ExhibitorDayFigures.objects.filter(company=longyuan).count() == 5 + 3

    counts = (StarredExhibitor.objects.count(), ExhibitorDayFigures.objects.count(), users.count())
    demo(demo_load)  # again: nothing new
    assert (StarredExhibitor.objects.count(), ExhibitorDayFigures.objects.count(), users.count()) == counts

    demo(demo_delete)
    assert not users.filter(username__in=["visitor", "visitor-zh"]).exists()
    assert not StarredExhibitor.objects.exists() and not ExhibitorDayFigures.objects.exists()
