"""Serial numbers: per center, year and type, taken at publication, never shared and never reused."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from apps.accounts import roles
from apps.trading import services
from apps.trading.models import Notice, NoticeCounter, NoticeKind, NoticeStatus
from tests.factories import NoticeFactory, TradingCenterFactory, UserFactory
from tests.factories.trading import notice_translations


def at(year, month=3, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


def test_serial_numbers_count_per_center_year_and_type(db):
    center, other_center = TradingCenterFactory(), TradingCenterFactory()
    first = NoticeFactory(center=center, kind=NoticeKind.FEES, at=at(2026))
    second = NoticeFactory(center=center, kind=NoticeKind.FEES, at=at(2026))
    other_type = NoticeFactory(center=center, kind=NoticeKind.RISK, at=at(2026))
    other_year = NoticeFactory(center=center, kind=NoticeKind.FEES, at=at(2027))
    other_place = NoticeFactory(center=other_center, kind=NoticeKind.FEES, at=at(2026))

    assert [(n.year, n.number) for n in (first, second, other_type, other_year, other_place)] == [
        (2026, 1), (2026, 2), (2026, 1), (2027, 1), (2026, 1)]
    assert str(second.serial) == "[2026] No. 2"


def test_serial_year_is_year_of_issue_date(db):
    notice = NoticeFactory(issue_date=datetime.date(2025, 12, 30), at=at(2026, 1, 2))

    assert (notice.year, notice.number, notice.issue_date) == (2025, 1, datetime.date(2025, 12, 30))


def test_drafts_have_no_serial_until_published(db):
    draft = NoticeFactory(publish=False)

    assert (draft.status, draft.year, draft.number, draft.serial) == (NoticeStatus.SUBMITTED, None, None, "")
    assert NoticeCounter.objects.count() == 0


def test_withdrawn_and_superseded_notices_keep_their_numbers_which_are_never_reused(db):
    center = TradingCenterFactory()
    editor = UserFactory(role=roles.EDITORS)
    withdrawn = NoticeFactory(center=center, at=at(2026))
    services.notice_withdraw(notice=withdrawn, user=editor)
    superseded = NoticeFactory(center=center, at=at(2026))
    correction = NoticeFactory(center=center, at=at(2026), supersedes=superseded)
    deleted_draft = NoticeFactory(center=center, publish=False)
    services.notice_delete(notice=deleted_draft, user=editor)
    latest = NoticeFactory(center=center, at=at(2026))

    withdrawn.refresh_from_db()
    superseded.refresh_from_db()
    assert [(n.status, n.number) for n in (withdrawn, superseded, correction, latest)] == [
        (NoticeStatus.WITHDRAWN, 1), (NoticeStatus.PUBLISHED, 2), (NoticeStatus.PUBLISHED, 3),
        (NoticeStatus.PUBLISHED, 4)]
    assert NoticeCounter.objects.get(center=center, year=2026, kind=NoticeKind.TRADING).last_number == 4


def test_database_refuses_two_notices_with_one_serial(db):
    notice = NoticeFactory(at=at(2026))
    twin = NoticeFactory(center=notice.center, at=at(2026))

    with pytest.raises(IntegrityError), transaction.atomic():
        Notice.objects.filter(pk=twin.pk).update(number=notice.number)


def _submitted_notices(center, count):
    author = UserFactory(role=roles.TRADING_STAFF)
    notices = []
    for index in range(count):
        notice = services.notice_create(center=center, kind=NoticeKind.RISK, author=author,
                                        translations=notice_translations(f"Warning {index}", f"提示{index}"))
        notices.append(services.notice_submit(notice=notice, user=author))
    return notices


def _publish_at_once(notices, approvers):
    """Publish every notice from its own thread (its own database connection), all released together."""
    barrier = threading.Barrier(len(notices))
    errors = []

    def publish(notice, approver):
        try:
            barrier.wait(timeout=30)
            services.notice_approve(notice=notice, user=approver)
        except Exception as exc:  # collected and asserted below: a thread cannot fail the test itself
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=pair) for pair in zip(notices, approvers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_simultaneous_publications_never_share_a_number(transactional_db):
    """On PostgreSQL eight publications race in eight connections, the first of them creating the counter row;
    on SQLite, whose writes are serialized (BEGIN IMMEDIATE), they run one after another."""
    center = TradingCenterFactory()
    notices = _submitted_notices(center, 8)
    approvers = [UserFactory(role=roles.EDITORS) for _ in notices]

    if connection.vendor == "postgresql":
        errors = _publish_at_once(notices, approvers)
        assert errors == []
    else:
        for notice, approver in zip(notices, approvers):
            services.notice_approve(notice=notice, user=approver)

    numbers = sorted(Notice.objects.filter(center=center).values_list("number", flat=True))
    assert numbers == list(range(1, 9))
    assert NoticeCounter.objects.get(center=center, kind=NoticeKind.RISK).last_number == 8
