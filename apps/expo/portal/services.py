"""Writes of the exhibitor portal: proposed changes of a company profile wait as one ProfileChange per company
until an editor approves (applied in apps.expo.portal.apply) or rejects them.

One pending change per company: every save in the portal extends it (the profile form replaces the profile
sections, each product operation adds or replaces that product's entry), so members keep editing where they
stopped and the editor reviews everything at once. A database constraint keeps it to one.
"""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.companies.models import Company
from apps.expo import notifications
from apps.expo.models import ProfileChange, ProfileChangeState

from . import apply, selectors
from .uploads import files_delete, pending_save


class ProfileChangeError(Exception):
    """A change cannot be made now (its message is for the user)."""


def _open(*, company, user):
    """The company's pending change, locked; a new one (with the live values as baseline) when there is none."""
    Company.objects.select_for_update().filter(pk=company.pk).first()  # one submitter at a time per company
    change = ProfileChange.objects.select_for_update().filter(company=company, state=ProfileChangeState.PENDING).first()
    if change is None:
        change = ProfileChange(company=company, submitted_by=user, payload={},
                               baseline=selectors.company_snapshot_load(company))
    return change


def _save(change):
    created = change.pk is None
    if not _has_content(change.payload):
        if not created:
            _close(change, ProfileChangeState.WITHDRAWN)
        return change
    change.save()
    if created:
        notifications.change_submitted_record(change)
    return change


def _has_content(payload):
    return any(payload.get(key) for key in ("shared", "translations", "logo", "participations", "products"))


def _close(change, state, *, editor=None, reason=""):
    paths = selectors.profile_change_files(change)
    change.logo.name = ""  # the files go; the payload stays as the record of what was proposed
    change.state, change.reason = state, reason
    if editor is not None:
        change.reviewed_by, change.reviewed_at = editor, timezone.now()
    change.save()
    transaction.on_commit(lambda: files_delete(paths))


@transaction.atomic
def profile_change_submit(*, company, user, profile=None, logo=None, remove_logo=False):
    """Propose profile values. `profile`: {"shared", "translations", "participations"} as the portal form cleans
    them; `logo`: a CheckedImage (uploads.image_check); `remove_logo`: drop the logo."""
    change = _open(company=company, user=user)
    payload = change.payload
    if profile is not None:
        payload["shared"], payload["translations"] = profile["shared"], profile["translations"]
        allowed = {str(pk) for pk in company.participations.values_list("pk", flat=True)}
        payload["participations"] = {key: value for key, value in profile.get("participations", {}).items()
                                     if key in allowed}
    if logo is not None:
        old = change.logo.name
        change.logo.name = pending_save(logo)
        payload["logo"] = "replace"
        if old:
            transaction.on_commit(lambda: files_delete([old]))
    elif remove_logo:
        old = change.logo.name
        change.logo.name, payload["logo"] = "", "remove"
        if old:
            transaction.on_commit(lambda: files_delete([old]))
    return _save(change)


def _product_op(change, company, key):
    """(the op of this product in the payload or None, whether it is a live product); LookupError if unknown."""
    ops = change.payload.setdefault("products", {})
    if key.isdigit() and company.products.filter(pk=int(key)).exists():
        return ops.get(key), True
    if key in ops and ops[key]["op"] == "add":
        return ops[key], False
    raise LookupError(key)


def _image_entry(image):
    path = pending_save(image)
    return {"ref": f"p{uuid.uuid4().hex[:12]}", "path": path}


@transaction.atomic
def product_submit(*, company, user, key=None, translations, categories, image=None):
    """Propose a new product (key None) or new values for one; `image` (a CheckedImage) is added to its images.
    Returns (change, key). LookupError: no such product of this company."""
    change = _open(company=company, user=user)
    ops = change.payload.setdefault("products", {})
    if key is None:
        key = f"n{uuid.uuid4().hex[:12]}"
        op = ops[key] = {"op": "add", "images": []}
    else:
        op, _live = _product_op(change, company, key)
        if op is not None and op["op"] == "delete":
            raise LookupError(key)
        if op is None:
            op = ops[key] = {"op": "edit", "images_added": [], "images_removed": []}
    op["translations"], op["categories"] = translations, list(categories)
    if image is not None:
        op["images" if op["op"] == "add" else "images_added"].append(_image_entry(image))
    return _save(change), key


@transaction.atomic
def product_delete_submit(*, company, user, key):
    """Propose removing a live product, or forget a proposed new one. LookupError: no such product."""
    change = _open(company=company, user=user)
    op, live = _product_op(change, company, key)
    ops = change.payload["products"]
    dropped = [image["path"] for image in (op or {}).get("images", []) + (op or {}).get("images_added", [])]
    if live:
        ops[key] = {"op": "delete"}
    else:
        del ops[key]
    transaction.on_commit(lambda: files_delete(dropped))
    return _save(change)


@transaction.atomic
def product_image_delete_submit(*, company, user, key, ref):
    """Propose removing one image of a product (a live one) or forget a pending one. LookupError: unknown."""
    change = _open(company=company, user=user)
    op, live = _product_op(change, company, key)
    if op is not None and op["op"] == "delete":
        raise LookupError(key)
    pending = op.get("images" if op and op["op"] == "add" else "images_added", []) if op else []
    found = next((image for image in pending if image["ref"] == ref), None)
    if found is not None:
        pending.remove(found)
        transaction.on_commit(lambda: files_delete([found["path"]]))
    elif live and ref.startswith("l") and ref[1:].isdigit() and company.products.filter(
            pk=int(key), images__pk=int(ref[1:])).exists():
        if op is None:
            op = change.payload["products"][key] = {"op": "edit", "images_added": [], "images_removed": []}
        if ref not in op["images_removed"]:
            op["images_removed"].append(ref)
    else:
        raise LookupError(ref)
    return _save(change)


@transaction.atomic
def profile_change_withdraw(*, change, user):
    """The exhibitor takes a pending change back; its files are deleted."""
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.state != ProfileChangeState.PENDING:
        raise ProfileChangeError(_("This change is no longer waiting for review."))
    _close(change, ProfileChangeState.WITHDRAWN)
    return change


def _reviewable(change, digest):
    Company.objects.select_for_update().filter(pk=change.company_id).first()  # the submitters' lock order
    change = ProfileChange.objects.select_for_update().get(pk=change.pk)
    if change.state != ProfileChangeState.PENDING:
        raise ProfileChangeError(_("This change is no longer waiting for review."))
    if digest is not None and digest != selectors.profile_change_digest(change):
        raise ProfileChangeError(_("The exhibitor changed this request after you opened it. Review it again."))
    return change


@transaction.atomic
def profile_change_approve(*, change, editor, digest=None):
    """Apply a pending change to the live company, participations and products in one transaction, re-index the
    company, make the public expo pages stale and tell the company's members. `digest`: the
    selectors.profile_change_digest the editor saw (a change extended since is refused)."""
    change = _reviewable(change, digest)
    obsolete = set(apply.change_apply(change)) | set(selectors.profile_change_files(change))
    change.state, change.reviewed_by, change.reviewed_at = ProfileChangeState.APPROVED, editor, timezone.now()
    change.save()
    transaction.on_commit(lambda: files_delete(obsolete))
    notifications.change_reviewed_record(change)
    return change


@transaction.atomic
def profile_change_reject(*, change, editor, reason, digest=None):
    """Refuse a pending change with a reason the members read; nothing live changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ProfileChangeError(_("Give the exhibitor a reason for the rejection."))
    change = _reviewable(change, digest)
    _close(change, ProfileChangeState.REJECTED, editor=editor, reason=reason)
    notifications.change_reviewed_record(change)
    return change
