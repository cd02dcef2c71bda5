"""Writes of the Trading Center. Each service is one transaction; cached pages go stale after it commits.

Workflow: draft (notice_create / notice_save) → submitted (notice_submit) → published by a second person
(notice_approve, which takes the serial number) → possibly withdrawn (notice_withdraw). A published notice is
never edited: a correction is a new draft (notice_correction_start) that supersedes it once published.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.languages import translations_apply
from apps.search.services import index_now

from .cache import content_version_bump
from .models import (
    EDITABLE_STATUSES,
    Notice,
    NoticeAttachment,
    NoticeCounter,
    NoticeStatus,
    TradingCenter,
)
from .notifications import notice_published_record
from .uploads import check_upload

NOTICE_FIELDS = ("kind", "issue_date", "effective_from", "effective_until", "supersedes", "pinned",
                 "prevailing_language")


def _require(user, permission):
    """A model permission of the user's role (the four-eyes rule is checked by the service itself)."""
    if not user.has_perm(permission):
        raise PermissionDenied(_("You may not do this with trading notices."))


def _changed():
    transaction.on_commit(content_version_bump)


def _locked(notice):
    return Notice.objects.select_for_update().get(pk=notice.pk)


@transaction.atomic
def center_create(*, slug, translations, position=0):
    center = TradingCenter(slug=slug, position=position)
    translations_apply(center, translations)
    return center_save(center=center)


@transaction.atomic
def center_save(*, center):
    """Store a new or changed trading center (the admin sets the fields)."""
    center.full_clean()
    center.save()
    _changed()
    return center


@transaction.atomic
def notice_create(*, center, kind, translations, author, **fields):
    """A new draft notice; `translations` maps a language to {"title": ..., "body": ...}."""
    _require(author, "trading.add_notice")
    unknown = set(fields) - set(NOTICE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown notice fields: {sorted(unknown)}")
    notice = Notice(center=center, kind=kind, created_by=author, updated_by=author, **fields)
    translations_apply(notice, translations)
    return _draft_store(notice)


def _draft_store(notice):
    notice.full_clean()  # includes Notice.clean(): effective period, superseded notice
    notice.save()
    return notice


@transaction.atomic
def notice_save(*, notice, user):
    """Store a draft or submitted notice changed in a form (the admin sets the fields, this checks and saves)."""
    if notice.pk is None:
        _require(user, "trading.add_notice")
        notice.created_by = user
        notice.status = NoticeStatus.DRAFT
    else:
        _require(user, "trading.change_notice")
        current = _locked(notice)
        if current.status not in EDITABLE_STATUSES:
            raise ValidationError(_("A published notice cannot be changed; publish a correction instead."))
        notice.status = current.status
    notice.updated_by = user
    return _draft_store(notice)


@transaction.atomic
def notice_update(*, notice, user, translations=None, **fields):
    """Change a draft or submitted notice."""
    _require(user, "trading.change_notice")
    unknown = set(fields) - set(NOTICE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown notice fields: {sorted(unknown)}")
    notice = _locked(notice)
    if notice.status not in EDITABLE_STATUSES:
        raise ValidationError(_("A published notice cannot be changed; publish a correction instead."))
    for name, value in fields.items():
        setattr(notice, name, value)
    translations_apply(notice, translations)
    notice.updated_by = user
    return _draft_store(notice)


def _check_complete(notice):
    translation = notice.translations.filter(language_code=notice.prevailing_language).first()
    if translation is None or not translation.title or not (translation.body or "").strip():
        raise ValidationError(_("The notice needs a title and a text in its prevailing language (%(language)s).")
                              % {"language": notice.get_prevailing_language_display()})


@transaction.atomic
def notice_submit(*, notice, user):
    """Hand a draft to a second person for approval."""
    _require(user, "trading.change_notice")
    notice = _locked(notice)
    if notice.status != NoticeStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for approval."))
    _check_complete(notice)
    notice.status, notice.submitted_at = NoticeStatus.SUBMITTED, timezone.now()
    notice.save(update_fields=["status", "submitted_at", "updated_at"])
    return notice


@transaction.atomic
def notice_return(*, notice, user):
    """Send a submitted notice back to its drafter as a draft."""
    _require(user, "trading.change_notice")
    notice = _locked(notice)
    if notice.status != NoticeStatus.SUBMITTED:
        raise ValidationError(_("Only a notice awaiting approval can be returned to draft."))
    notice.status, notice.submitted_at = NoticeStatus.DRAFT, None
    notice.save(update_fields=["status", "submitted_at", "updated_at"])
    return notice


def _serial_take(*, center_id, year, kind):
    """The next number of a series, under a row lock held until the transaction ends (never given twice)."""
    series = {"center_id": center_id, "year": year, "kind": kind}
    counter = NoticeCounter.objects.select_for_update().filter(**series).first()
    if counter is None:
        try:
            with transaction.atomic():  # a savepoint: another publication may create the row at the same time
                counter = NoticeCounter.objects.create(**series)
        except IntegrityError:
            counter = NoticeCounter.objects.select_for_update().get(**series)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


@transaction.atomic
def notice_approve(*, notice, user, at=None):
    """Publish a submitted notice: a second person approves it (four eyes) and it takes its serial number.

    `at`: the moment of publication (default now); the issue date and the start of effect default to it.
    """
    _require(user, "trading.publish_notice")
    notice = _locked(notice)
    if notice.status != NoticeStatus.SUBMITTED:
        raise ValidationError(_("Only a notice awaiting approval can be published."))
    if user.pk in (notice.created_by_id, notice.updated_by_id):
        raise ValidationError(_("A notice must be approved by someone other than the person who drafted or last "
                                "changed it."))
    _check_complete(notice)
    at = at or timezone.now()
    notice.issue_date = notice.issue_date or timezone.localdate(at)
    notice.effective_from = notice.effective_from or at
    if notice.supersedes_id:
        Notice.objects.select_for_update().filter(pk=notice.supersedes_id).first()  # one correction at a time
    notice.clean()
    notice.year = notice.issue_date.year
    notice.number = _serial_take(center_id=notice.center_id, year=notice.year, kind=notice.kind)
    notice.status, notice.approved_by, notice.published_at = NoticeStatus.PUBLISHED, user, at
    notice.save(update_fields=["status", "approved_by", "published_at", "issue_date", "effective_from", "year",
                               "number", "updated_at"])
    _changed()
    index_now("notice", notice.pk)  # the board searches the index: never behind
    notice_published_record(notice)  # risk warnings at once; other types may wait for a daily digest
    return notice


@transaction.atomic
def notice_withdraw(*, notice, user, at=None):
    """Take a published notice out of effect; it keeps its number and its page says it was withdrawn."""
    _require(user, "trading.publish_notice")
    notice = _locked(notice)
    if notice.status != NoticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published notice can be withdrawn."))
    notice.status, notice.withdrawn_at = NoticeStatus.WITHDRAWN, at or timezone.now()
    notice.save(update_fields=["status", "withdrawn_at", "updated_at"])
    _changed()
    index_now("notice", notice.pk)  # the board searches the index: never behind
    return notice


@transaction.atomic
def notice_pin(*, notice, user, pinned):
    """Pin a notice to the head of its board, or unpin it (allowed after publication)."""
    _require(user, "trading.change_notice")
    notice = _locked(notice)
    notice.pinned = pinned
    notice.save(update_fields=["pinned", "updated_at"])
    _changed()
    return notice


@transaction.atomic
def notice_correction_start(*, notice, user):
    """A new draft that copies a published notice and will supersede it once published."""
    _require(user, "trading.add_notice")
    if notice.status != NoticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published notice can be corrected."))
    translations = {t.language_code: {"title": t.title, "body": t.body} for t in notice.translations.all()}
    return notice_create(
        center=notice.center, kind=notice.kind, translations=translations, author=user, supersedes=notice,
        effective_until=notice.effective_until, pinned=notice.pinned,
        prevailing_language=notice.prevailing_language,
    )


@transaction.atomic
def notice_delete(*, notice, user):
    """Delete a notice that was never published (a published one keeps its number and stays on record)."""
    _require(user, "trading.delete_notice")
    notice = _locked(notice)
    if notice.status not in EDITABLE_STATUSES:
        raise ValidationError(_("A published notice cannot be deleted; withdraw it instead."))
    names = list(notice.attachments.values_list("file", flat=True))
    notice.delete()
    transaction.on_commit(lambda: attachment_files_delete(names=names))


def attachment_files_delete(*, names):
    """Remove stored attachment files (after the rows that named them are gone)."""
    storage = NoticeAttachment._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


@transaction.atomic
def attachment_add(*, notice, upload, user, language="", position=0):
    """Attach a file to an unpublished notice after checking its content and size (ValidationError if bad)."""
    _require(user, "trading.change_notice")
    notice = _locked(notice)
    if notice.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Attachments of a published notice cannot be changed; publish a correction."))
    checked = upload if hasattr(upload, "file_type") else check_upload(upload)
    attachment = NoticeAttachment(notice=notice, filename=checked.filename, file_type=checked.file_type,
                                  content_type=checked.content_type, size=len(checked.content),
                                  language=language, position=position)
    attachment.file.save(checked.filename, ContentFile(checked.content), save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def attachment_update(*, attachment, user, language, position):
    """Change what is said about an attachment of an unpublished notice (its file stays)."""
    _require(user, "trading.change_notice")
    notice = _locked(attachment.notice)
    if notice.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Attachments of a published notice cannot be changed; publish a correction."))
    attachment.language, attachment.position = language, position
    attachment.full_clean()
    attachment.save(update_fields=["language", "position"])
    return attachment


@transaction.atomic
def attachment_delete(*, attachment, user):
    notice = attachment.notice
    _require(user, "trading.change_notice")
    notice = _locked(notice)
    if notice.status not in EDITABLE_STATUSES:
        raise ValidationError(_("Attachments of a published notice cannot be changed; publish a correction."))
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: attachment_files_delete(names=[name]))
