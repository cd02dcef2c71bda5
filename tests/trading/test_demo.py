"""The Trading Center's demo data (the only trading test that reads the demo fixtures)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from apps.accounts import roles
from apps.core.demo.fixtures import DEMO_DIR
from apps.trading import demo
from apps.trading.models import Notice, NoticeAttachment, NoticeKind, NoticeStatus, TradingCenter
from tests.factories import UserFactory

SPECS = json.loads((DEMO_DIR / "trading" / "notices.json").read_text(encoding="utf-8"))["notices"]


@pytest.fixture
def author(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return UserFactory(role=roles.EDITORS, username="demo-editor")


def test_demo_build_publishes_every_notice_in_both_languages(author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = demo.build(author=author)

    assert created == len(SPECS) + 2  # the notices, the center and the demo trader
    center = TradingCenter.objects.get(slug="natural-rubber")
    notices = list(Notice.objects.filter(center=center).prefetch_related("translations"))
    assert len(notices) == len(SPECS) >= 40
    assert {notice.status for notice in notices} == {NoticeStatus.PUBLISHED}
    assert set(Counter(notice.kind for notice in notices)) == set(NoticeKind.values)
    assert {notice.year for notice in notices} >= {2025, 2026}
    for notice in notices:
        assert sorted(notice.get_available_languages()) == ["en", "zh-hans"]
        assert notice.created_by.username == "trader" and notice.approved_by == author
    serials = [(n.year, n.kind, n.number) for n in notices]
    assert len(set(serials)) == len(serials)


def test_demo_build_numbers_follow_issue_dates_and_keeps_corrections(author):
    demo.build(author=author)

    holidays_2025 = Notice.objects.filter(kind=NoticeKind.HOLIDAY, year=2025).order_by("issue_date")
    assert [n.number for n in holidays_2025] == list(range(1, holidays_2025.count() + 1))
    corrected = Notice.objects.language("en").get(translations__title="Delivery fees for ribbed smoked sheets")
    correction = corrected.corrections.get()
    assert correction.safe_translation_getter("title", language_code="en").endswith("(corrected)")
    assert (corrected.number, correction.number) == (corrected.number, corrected.number + 1)


def test_demo_build_attaches_valid_pdfs(author):
    demo.build(author=author)

    attachments = list(NoticeAttachment.objects.all())
    assert len(attachments) == sum(1 for spec in SPECS if spec.get("attachment"))
    for attachment in attachments:
        with attachment.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
        assert (attachment.content_type, attachment.size) == ("application/pdf", len(data))


def test_demo_build_twice_creates_nothing_new_and_delete_removes_it(author, django_capture_on_commit_callbacks):
    demo.build(author=author)

    assert demo.build(author=author) == 0
    assert Notice.objects.count() == len(SPECS)
    with django_capture_on_commit_callbacks(execute=True):
        deleted = demo.delete()
    assert deleted == len(SPECS) + 2
    assert (Notice.objects.count(), TradingCenter.objects.count(), NoticeAttachment.objects.count()) == (0, 0, 0)
    root = NoticeAttachment._meta.get_field("file").storage.location
    assert [path for path in Path(root).rglob("*") if path.is_file()] == []


def test_demo_has_a_risk_warning_in_effect_on_the_demo_date(author):
    from django.utils import timezone

    from apps.trading.selectors import banner_warnings

    demo.build(author=author)

    moment = timezone.make_aware(timezone.datetime(2026, 12, 1, 10, 0))
    titles = [n.safe_translation_getter("title", language_code="en") for n in banner_warnings(now=moment)]
    assert titles == ["Risk warning: price volatility at the end of 2026"]
