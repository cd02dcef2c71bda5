"""Cover images: checked and re-encoded by the core image pipeline (apps.core.images), cut into fixed renditions
when saved.

The renditions are plain files named after the image's hash, made once at upload: pages show them without any
database lookup (a list's query count does not grow with its covers) and lists do not jump while loading.
Limits: the site's (settings.UPLOAD_IMAGE_MAX_BYTES and UPLOAD_IMAGE_MAX_PIXELS).
"""

import hashlib

from django.core.files.base import ContentFile

from apps.core.images import Rendition, Rules, image_renditions, image_validate

RULES = Rules(formats=("JPEG", "PNG", "WEBP"), min_side=200)
# name: (width, height); every rendition is cropped to exactly this size.
RENDITIONS = {"list": (480, 270), "detail": (1200, 675), "social": (1200, 630)}
ORIGINAL_MAX_SIDE = 2400
SPECS = {"cover": Rendition(format="JPEG", fit=(ORIGINAL_MAX_SIDE, ORIGINAL_MAX_SIDE), quality=85)} | {
    f"cover_{name}": Rendition(format="JPEG", crop=size, quality=85) for name, size in RENDITIONS.items()}


def cover_validate(upload):
    """Check an uploaded cover by its content and size; return its bytes. Raises ValidationError."""
    return image_validate(upload, RULES)


def cover_files(data):
    """{"cover": ContentFile, "cover_list": ..., "cover_detail": ..., "cover_social": ...}, re-encoded as JPEG."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    files = {}
    for name, checked in image_renditions(data, RULES, SPECS).items():
        suffix = "" if name == "cover" else "-" + name.removeprefix("cover_")
        files[name] = ContentFile(checked.content, name=f"{digest}{suffix}.{checked.extension}")
    return files
