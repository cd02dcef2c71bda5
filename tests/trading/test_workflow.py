"""The notice workflow: draft → submitted → approved by a second person → published; corrections supersede."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.accounts import roles
from apps.trading import services
from apps.trading.models import Effect, Notice, NoticeKind, NoticeStatus
from tests.factories import NoticeFactory, TradingCenterFactory, UserFactory
from tests.factories.trading import notice_translations

FOUR_EYES = ("A notice must be approved by someone other than the person who drafted or last changed it.")


def test_drafter_cannot_approve_own_notice(trading_staff):
    notice = NoticeFactory(author=trading_staff, publish=False)

    with pytest.raises(ValidationError) as error:
        services.notice_approve(notice=notice, user=trading_staff)

    assert error.value.messages == [FOUR_EYES]
    notice.refresh_from_db()
    assert (notice.status, notice.number, notice.approved_by) == (NoticeStatus.SUBMITTED, None, None)


def test_person_who_last_changed_notice_cannot_approve_it(trading_staff, second_trading_staff):
    notice = NoticeFactory(author=trading_staff, publish=False)
    services.notice_update(notice=notice, user=second_trading_staff, translations={"en": {"title": "Changed"}})

    with pytest.raises(ValidationError) as error:
        services.notice_approve(notice=notice, user=second_trading_staff)

    assert error.value.messages == [FOUR_EYES]


@pytest.mark.parametrize("approver_role", [roles.TRADING_STAFF, roles.EDITORS])
def test_second_staff_member_or_editor_approves(trading_staff, approver_role):
    notice = NoticeFactory(author=trading_staff, publish=False)
    approver = UserFactory(role=approver_role)
    moment = timezone.make_aware(datetime.datetime(2026, 5, 4, 10, 30))

    published = services.notice_approve(notice=notice, user=approver, at=moment)

    assert (published.status, published.approved_by, published.published_at) == (
        NoticeStatus.PUBLISHED, approver, moment)
    assert (published.issue_date, published.effective_from, published.number) == (
        datetime.date(2026, 5, 4), moment, 1)


@pytest.mark.parametrize("role", [roles.EXHIBITORS, None])
def test_exhibitor_and_plain_user_may_not_draft_or_approve(role, trading_staff):
    outsider = UserFactory(role=role)
    center = TradingCenterFactory()
    with pytest.raises(PermissionDenied):
        services.notice_create(center=center, kind=NoticeKind.FEES, author=outsider,
                               translations=notice_translations("Fees"))
    notice = NoticeFactory(center=center, author=trading_staff, publish=False)
    with pytest.raises(PermissionDenied):
        services.notice_approve(notice=notice, user=outsider)


def test_only_submitted_notice_can_be_published(trading_staff, editor):
    draft = NoticeFactory(author=trading_staff, submit=False, publish=False)

    with pytest.raises(ValidationError) as error:
        services.notice_approve(notice=draft, user=editor)

    assert error.value.messages == ["Only a notice awaiting approval can be published."]


def test_submit_needs_title_and_text_in_prevailing_language(trading_staff):
    notice = services.notice_create(center=TradingCenterFactory(), kind=NoticeKind.TRADING, author=trading_staff,
                                    translations={"en": {"title": "English only", "body": "<p>Text</p>"}},
                                    prevailing_language="zh-hans")

    with pytest.raises(ValidationError) as error:
        services.notice_submit(notice=notice, user=trading_staff)

    assert error.value.messages == ["The notice needs a title and a text in its prevailing language (简体中文)."]


def test_returned_notice_goes_back_to_draft(trading_staff, editor):
    notice = NoticeFactory(author=trading_staff, publish=False)

    returned = services.notice_return(notice=notice, user=editor)

    assert (returned.status, returned.submitted_at) == (NoticeStatus.DRAFT, None)


def test_published_notice_cannot_be_changed_or_deleted(trading_staff, editor):
    notice = NoticeFactory(author=trading_staff, approver=editor)

    with pytest.raises(ValidationError) as changed:
        services.notice_update(notice=notice, user=trading_staff, translations={"en": {"title": "Changed"}})
    with pytest.raises(ValidationError) as deleted:
        services.notice_delete(notice=notice, user=editor)

    assert changed.value.messages == ["A published notice cannot be changed; publish a correction instead."]
    assert deleted.value.messages == ["A published notice cannot be deleted; withdraw it instead."]
    assert Notice.objects.language("en").get(pk=notice.pk).title.startswith("Notice")


def test_effective_until_must_follow_effective_from(trading_staff):
    start = timezone.now()
    with pytest.raises(ValidationError) as error:
        NoticeFactory(author=trading_staff, publish=False, effective_from=start, effective_until=start)

    assert error.value.message_dict == {"effective_until": ["The end of the effective period must come after its start."]}


def test_correction_supersedes_earlier_notice_in_a_chain(trading_staff, editor):
    center = TradingCenterFactory()
    first = NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Fees", author=trading_staff, approver=editor)
    draft = services.notice_correction_start(notice=first, user=trading_staff)
    assert (draft.status, draft.supersedes, draft.kind) == (NoticeStatus.DRAFT, first, NoticeKind.FEES)
    assert Notice.objects.language("en").get(pk=draft.pk).title == "Fees"
    services.notice_submit(notice=draft, user=trading_staff)
    second = services.notice_approve(notice=draft, user=editor)
    third = NoticeFactory(center=center, kind=NoticeKind.FEES, supersedes=second, author=trading_staff)

    now = timezone.now()
    assert [n.effect(now) for n in Notice.objects.filter(pk__in=[first.pk, second.pk, third.pk]).order_by("pk")] == [
        Effect.SUPERSEDED, Effect.SUPERSEDED, Effect.IN_EFFECT]
    assert list(first.corrections.all()) == [second]
    assert list(second.corrections.all()) == [third]
    assert [first.pk, second.pk, third.pk] == [n.pk for n in (third.supersedes.supersedes, third.supersedes, third)]


def test_notice_can_be_superseded_only_once(trading_staff, editor):
    center = TradingCenterFactory()
    original = NoticeFactory(center=center, author=trading_staff)
    NoticeFactory(center=center, supersedes=original, author=trading_staff)

    with pytest.raises(ValidationError) as error:
        NoticeFactory(center=center, supersedes=original, author=trading_staff, publish=False)

    assert error.value.message_dict["supersedes"] == [
        f"{original.serial} has already been superseded by [{original.year}] No. {original.number + 1}."]


def test_only_published_notice_of_same_center_can_be_superseded(trading_staff):
    draft = NoticeFactory(author=trading_staff, publish=False)
    elsewhere = NoticeFactory(author=trading_staff)

    with pytest.raises(ValidationError) as of_draft:
        NoticeFactory(center=draft.center, supersedes=draft, author=trading_staff, publish=False)
    with pytest.raises(ValidationError) as of_other_center:
        NoticeFactory(center=draft.center, supersedes=elsewhere, author=trading_staff, publish=False)

    assert of_draft.value.message_dict["supersedes"] == ["Only a published notice can be superseded."]
    assert of_other_center.value.message_dict["supersedes"] == [
        "A notice can only supersede a notice of the same trading center."]


def test_withdrawn_notice_keeps_its_number(trading_staff, editor):
    notice = NoticeFactory(author=trading_staff)

    withdrawn = services.notice_withdraw(notice=notice, user=editor)

    assert (withdrawn.status, withdrawn.number, withdrawn.effect()) == (NoticeStatus.WITHDRAWN, 1, Effect.WITHDRAWN)


def test_pinning_a_published_notice(trading_staff, editor):
    notice = NoticeFactory(author=trading_staff)

    services.notice_pin(notice=notice, user=trading_staff, pinned=True)

    notice.refresh_from_db()
    assert (notice.pinned, notice.status) == (True, NoticeStatus.PUBLISHED)
