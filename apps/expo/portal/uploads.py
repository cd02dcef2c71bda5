"""Logo and product images uploaded by exhibitors: checked and re-encoded (apps.core.images), stored as pending
until an editor approves the change.

Pending files live in a private storage (outside MEDIA_ROOT, no URL): only the company's members and editors see
them, through the portal's pending_file view. Approval copies them to the public storage."""

import os
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from apps.core.images import MAX_BYTES, MAX_PIXELS, CheckedImage, image_check  # noqa: F401  (used by the portal)
from apps.core.storage import PrivateStorage

PENDING_DIR = "pending"
pending_storage = PrivateStorage("expo", setting="EXPO_PENDING_ROOT")
"""EXPO_PENDING_ROOT, default "<media root>-private/expo"; files are named "pending/<hex>.<ext>"."""


def is_pending(path):
    """Whether a stored path names a pending file (else a live file of the public storage)."""
    return bool(path) and path.startswith(f"{PENDING_DIR}/")


def pending_save(checked):
    """Store a checked image under the pending folder (an unguessable name); returns its storage path."""
    name = f"{PENDING_DIR}/{uuid.uuid4().hex}.{checked.extension}"
    return pending_storage.save(name, ContentFile(checked.content))


def pending_read(path):
    """A ContentFile of a pending file, named after it (to store it in the public storage)."""
    with pending_storage.open(path, "rb") as stored:
        return ContentFile(stored.read(), name=os.path.basename(path))


def files_delete(paths):
    """Delete stored files, pending or live (after a transaction committed); missing files are ignored."""
    for path in paths:
        storage = pending_storage if is_pending(path) else default_storage
        if path and storage.exists(path):
            storage.delete(path)
