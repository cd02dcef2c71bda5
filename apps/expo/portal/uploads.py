"""Logo and product images uploaded by exhibitors: checked and re-encoded (apps.core.images), stored as pending
until an editor approves the change."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from apps.core.images import MAX_BYTES, MAX_PIXELS, CheckedImage, image_check  # noqa: F401  (used by the portal)

PENDING_DIR = "expo/pending"


def pending_save(checked):
    """Store a checked image under the pending folder (an unguessable name); returns its storage path."""
    name = f"{PENDING_DIR}/{uuid.uuid4().hex}.{checked.extension}"
    return default_storage.save(name, ContentFile(checked.content))


def files_delete(paths):
    """Delete stored files (after a transaction committed); missing files are ignored."""
    for path in paths:
        if path and default_storage.exists(path):
            default_storage.delete(path)
