"""Speaker photos: checked by content (Pillow open + verify), size and pixel count, SVG refused, re-encoded as a
square JPEG (metadata dropped), so pages show them at a fixed aspect ratio."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 160
SIDE = 480  # stored photos are SIDE x SIDE
FORMATS = {"JPEG", "PNG", "WEBP"}


def photo_validate(upload):
    """The upload's bytes when it is an acceptable photo; raises ValidationError in the user's language."""
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The image is too large (at most 5 MB)."), code="size")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    image = _open(data)
    if min(image.size) < MIN_SIDE:
        raise ValidationError(_("The image is too small (at least 160 pixels on each side)."), code="small")
    return data


def _open(data):
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels (at most 40 megapixels)."), code="pixels")
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The file is not a valid image."), code="invalid") from exc
    return image


def photo_file(data):
    """A ContentFile of the re-encoded square JPEG, named after the content's hash."""
    image = ImageOps.exif_transpose(_open(data))
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        ground = Image.new("RGB", image.size, "white")
        ground.paste(image, mask=image.getchannel("A"))
        image = ground
    image = ImageOps.fit(image.convert("RGB"), (SIDE, SIDE), method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{hashlib.sha256(data).hexdigest()[:16]}.jpg")
