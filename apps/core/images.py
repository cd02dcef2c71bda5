"""Uploaded images (logos, product pictures): checked by what they contain, re-encoded without metadata.

Used by the exhibitor portal and by the admin forms of companies and products. Modelled on apps.trading.uploads
(size-limited read, Pillow verify, re-encoding) and apps.news.covers (EXIF orientation, pixel limit before
decoding); a logo keeps its format and transparency, where a news cover becomes a cropped JPEG.
"""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000
MAX_SIDE = 2400  # larger images are scaled down when re-encoded
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class CheckedImage:
    content: bytes  # re-encoded: pixels only, no metadata
    extension: str
    width: int
    height: int


def _read(upload):
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        _too_large(size)
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > MAX_BYTES:
        _too_large(len(data))
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _too_large(size):
    raise ValidationError(_("The file is %(size)s; the largest image accepted is %(limit)s."), code="too_large",
                          params={"size": filesizeformat(size), "limit": filesizeformat(MAX_BYTES)})


def _is_svg(data, name):
    head = data[:2048].lstrip().lower()
    return name.lower().endswith((".svg", ".svgz")) or head.startswith(b"<?xml") or b"<svg" in head


def image_check(upload):
    """A CheckedImage for an uploaded file, or ValidationError with a message for the uploader."""
    data = _read(upload)
    if _is_svg(data, getattr(upload, "name", "") or ""):
        raise ValidationError(_("SVG images are not accepted (they can carry scripts). Upload a PNG, JPEG or WebP "
                                "image."), code="svg")
    try:
        with Image.open(io.BytesIO(data)) as probe:  # reads the header only: the size is known before decoding
            image_format, (width, height) = probe.format, probe.size
            if image_format in FORMATS and width * height <= MAX_PIXELS:
                probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The file is not an image we can read. Upload a PNG, JPEG or WebP image."),
                              code="invalid") from exc
    if image_format not in FORMATS:
        raise ValidationError(_("Upload a PNG, JPEG or WebP image."), code="format")
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; the largest image accepted has %(limit)s megapixels."),
            code="too_many_pixels", params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000})
    return _reencode(data, image_format)


def _reencode(data, image_format):
    """Draw the image afresh, upright, without EXIF, ICC or trailing bytes."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            image = ImageOps.exif_transpose(source)
            if image.width > MAX_SIDE or image.height > MAX_SIDE:
                image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            elif image_format == "WEBP" and image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA")
            elif image_format == "PNG" and image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            buffer = io.BytesIO()
            options = {"quality": 88, "optimize": True} if image_format in ("JPEG", "WEBP") else {"optimize": True}
            image.save(buffer, format=image_format, **options)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The image is damaged and cannot be read."), code="damaged") from exc
    return CheckedImage(buffer.getvalue(), FORMATS[image_format], image.width, image.height)


def image_upload_clean(upload):
    """A form field's clean step: the upload checked and re-encoded, as a file with a fresh name (None stays)."""
    if not upload or not hasattr(upload, "read"):
        return upload  # empty, or the file already stored (unchanged in the form)
    checked = image_check(upload)
    return ContentFile(checked.content, name=f"{uuid.uuid4().hex[:16]}.{checked.extension}")
