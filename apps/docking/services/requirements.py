"""Requirement writes: drafting by a verified company's member, review by an editor, the poster ending it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.companies.selectors import product_category_tree
from apps.core.languages import translations_apply
from apps.search.services import index_on_commit

from .. import matching, notifications
from ..models import DECIDING_STATUSES, Attachment, Requirement, Status, Visibility
from ..selectors import today
from ._common import changed, require, require_verified_member
from .attachments import attachment_files_delete

FIELDS = ("segment", "quantity", "unit", "region", "deadline", "budget_min", "budget_max", "currency", "visibility",
          "event")


def _locked(requirement):
    return Requirement.objects.select_for_update().get(pk=requirement.pk)


def _fields_apply(requirement, fields):
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown requirement fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(requirement, name, value)


def _check(requirement, translations):
    errors = {}
    if not any(values.get("title") for values in (translations or {}).values()):
        errors["title"] = _("Give the requirement a title in at least one language.")
    if requirement.budget_min is not None and requirement.budget_max is not None \
            and requirement.budget_max < requirement.budget_min:
        errors["budget_max"] = _("The upper end of the budget cannot be below its lower end.")
    if requirement.quantity is not None and not requirement.unit:
        errors["unit"] = _("Say in which unit the quantity is counted.")
    if errors:
        raise ValidationError(errors)


def _store(requirement, translations, categories):
    _check(requirement, translations)
    translations_apply(requirement, translations, drop_empty=True)
    shown = next(language for language, values in translations.items() if values.get("title"))
    requirement.set_current_language(shown)
    requirement.full_clean(exclude=["categories"])
    requirement.save()
    requirement.categories.set(categories)
    return requirement


@transaction.atomic
def requirement_create(*, company, user, translations, categories, **fields):
    """A new draft of `company`; `translations` maps a language to {"title", "description", "specifications"}."""
    require_verified_member(user, company)
    requirement = Requirement(company=company, created_by=user, status=Status.DRAFT)
    _fields_apply(requirement, fields)
    return _store(requirement, translations, categories)


@transaction.atomic
def requirement_update(*, requirement, user, translations, categories, **fields):
    """Change a draft (a requirement an editor returned is a draft again)."""
    requirement = _locked(requirement)
    require(user, "docking.edit_requirement", requirement, _("Only a draft of your own company can be changed."))
    _fields_apply(requirement, fields)
    return _store(requirement, translations, categories)


@transaction.atomic
def requirement_delete(*, requirement, user):
    """Delete a draft that was never published (with its files)."""
    requirement = _locked(requirement)
    require(user, "docking.edit_requirement", requirement, _("Only a draft of your own company can be deleted."))
    if requirement.published_at is not None:
        raise ValidationError(_("A requirement that was published stays on record; cancel it instead."))
    names = list(Attachment.objects.filter(requirement=requirement).values_list("file", flat=True))
    requirement.delete()
    transaction.on_commit(lambda: attachment_files_delete(names=names))


@transaction.atomic
def requirement_submit(*, requirement, user, now=None):
    """Send a draft to the editors' review."""
    requirement = _locked(requirement)
    require(user, "docking.edit_requirement", requirement, _("Only a draft of your own company can be submitted."))
    if not requirement.categories.exists():
        raise ValidationError(_("Choose at least one product category."))
    if requirement.deadline < today(now):
        raise ValidationError(_("The deadline has passed; choose a later one."))
    requirement.status, requirement.submitted_at = Status.REVIEW, now or timezone.now()
    requirement.save(update_fields=["status", "submitted_at", "updated_at"])
    notifications.requirement_submitted_record(requirement)
    return requirement


@transaction.atomic
def requirement_approve(*, requirement, user, now=None):
    """An editor opens the requirement: it is public from now on and the companies it fits are told once."""
    require(user, "docking.review_requirement")
    requirement = _locked(requirement)
    if requirement.status != Status.REVIEW:
        raise ValidationError(_("Only a requirement in review can be approved."))
    if requirement.deadline < today(now):
        raise ValidationError(_("The deadline has passed; return the requirement so its poster can change it."))
    requirement.status, requirement.reviewed_by = Status.OPEN, user
    requirement.published_at, requirement.review_note = now or timezone.now(), ""
    requirement.save(update_fields=["status", "reviewed_by", "published_at", "review_note", "updated_at"])
    changed()
    index_on_commit("requirement", requirement.pk)
    notifications.requirement_reviewed_record(requirement, opened=True)
    _opened_record(requirement)
    return requirement


def _opened_record(requirement):
    tree = product_category_tree()
    users = list(matching.member_users(matching.companies_matching(requirement=requirement, tree=tree)))
    slugs = []
    if requirement.visibility == Visibility.PUBLIC:  # email subscribers have no account to check
        for category in requirement.categories.all():
            for node in tree.ancestors(tree.by_pk.get(category.pk, category)):
                if node.slug not in slugs:
                    slugs.append(node.slug)
    notifications.requirement_opened_record(requirement, users=users, topic_slugs=slugs)


@transaction.atomic
def requirement_return(*, requirement, user, note):
    """An editor sends the requirement back to its poster as a draft, saying why."""
    require(user, "docking.review_requirement")
    requirement = _locked(requirement)
    if requirement.status != Status.REVIEW:
        raise ValidationError(_("Only a requirement in review can be returned."))
    if not (note or "").strip():
        raise ValidationError({"note": _("Say what the poster should change.")})
    requirement.status, requirement.reviewed_by, requirement.review_note = Status.DRAFT, user, note.strip()
    requirement.save(update_fields=["status", "reviewed_by", "review_note", "updated_at"])
    notifications.requirement_reviewed_record(requirement, opened=False)
    return requirement


def _end(requirement, user, status, *, allowed_from, editors_too=False):
    requirement = _locked(requirement)
    allowed = user.has_perm("docking.end_requirement", requirement) or (
        editors_too and user.has_perm("docking.review_requirement"))
    if not allowed:
        raise PermissionDenied(_("Only a member of the posting company can end this requirement."))
    if requirement.status not in allowed_from:
        raise ValidationError(_("The requirement is %(status)s: this cannot be done now.")
                              % {"status": requirement.get_status_display().lower()})
    requirement.status, requirement.ended_at = status, timezone.now()
    requirement.save(update_fields=["status", "ended_at", "updated_at"])
    changed()
    index_on_commit("requirement", requirement.pk)
    return requirement


@transaction.atomic
def requirement_close(*, requirement, user):
    """The poster stops taking responses before the deadline (decisions on responses stay possible)."""
    return _end(requirement, user, Status.CLOSED, allowed_from=(Status.OPEN,))


@transaction.atomic
def requirement_cancel(*, requirement, user):
    """The poster (or an editor, e.g. for abuse) calls the requirement off; its page says so."""
    return _end(requirement, user, Status.CANCELLED, allowed_from=DECIDING_STATUSES, editors_too=True)
