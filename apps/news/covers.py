"""Cover images: checked by content, re-encoded, and cut into fixed renditions when saved.

The renditions are plain files named after the image's hash, made once at upload: pages show them without any
database lookup (a list's query count does not grow with its covers) and lists do not jump while loading.
"""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 200
FORMATS = {"JPEG", "PNG", "WEBP"}
# name: (width, height); every rendition is cropped to exactly this size.
RENDITIONS = {"list": (480, 270), "detail": (1200, 675), "social": (1200, 630)}
ORIGINAL_MAX_SIDE = 2400


def _open(data):
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # a decompression bomb raises instead of filling the memory
    try:
        probe = Image.open(io.BytesIO(data))
        probe.verify()
        image = Image.open(io.BytesIO(data))
        if image.format not in FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(_("The image has too many pixels (at most 40 megapixels)."), code="pixels")
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The file is not a valid image."), code="invalid") from exc
    return image


def cover_validate(upload):
    """Check an uploaded cover by its content and size; return its bytes. Raises ValidationError."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image is too large (at most 10 MB)."), code="size")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    image = _open(data)
    if min(image.size) < MIN_SIDE:
        raise ValidationError(_("The image is too small (at least 200 pixels on each side)."), code="small")
    return data


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def _flatten(image):
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        ground = Image.new("RGB", image.size, "white")
        ground.paste(image, mask=image.getchannel("A"))
        return ground
    return image.convert("RGB")


def cover_files(data):
    """{"cover": ContentFile, "cover_list": ..., "cover_detail": ..., "cover_social": ...}, re-encoded as JPEG."""
    image = _flatten(_open(data))
    digest = hashlib.sha256(data).hexdigest()[:16]
    original = image.copy()
    original.thumbnail((ORIGINAL_MAX_SIDE, ORIGINAL_MAX_SIDE))
    files = {"cover": ContentFile(_jpeg(original), name=f"{digest}.jpg")}
    for name, size in RENDITIONS.items():
        rendition = ImageOps.fit(image, size, method=Image.Resampling.LANCZOS)
        files[f"cover_{name}"] = ContentFile(_jpeg(rendition), name=f"{digest}-{name}.jpg")
    return files
