"""Speaker photos: checked and re-encoded by the core image pipeline (apps.core.images) as a square JPEG, so pages
show them at a fixed aspect ratio."""

import hashlib

from django.core.files.base import ContentFile

from apps.core.images import Rendition, Rules, image_check, image_validate

SIDE = 480  # stored photos are SIDE x SIDE
RULES = Rules(formats=("JPEG", "PNG", "WEBP"), min_side=160, max_bytes=5 * 1024 * 1024)
PHOTO = Rendition(format="JPEG", crop=(SIDE, SIDE), quality=85)


def photo_validate(upload):
    """The upload's bytes when it is an acceptable photo; raises ValidationError in the user's language."""
    return image_validate(upload, RULES)


def photo_file(data):
    """A ContentFile of the re-encoded square JPEG, named after the content's hash."""
    checked = image_check(data, RULES, PHOTO)
    return ContentFile(checked.content, name=f"{hashlib.sha256(data).hexdigest()[:16]}.{checked.extension}")
