"""Checking an uploaded attachment by what it contains, never by its name or the browser's content type.

Accepted: PDF (starts with "%PDF-"), images Pillow can open and verify (re-encoded, metadata dropped), XLSX
(a zip holding "[Content_Types].xml" and "xl/workbook.xml") and CSV (text in UTF-8 or GB18030, named .csv).
"""

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from .conf import attachment_max_bytes, attachment_max_pixels
from .models import AttachmentType

IMAGE_FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "GIF": ("gif", "image/gif"),
                 "WEBP": ("webp", "image/webp")}
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNSUPPORTED = _("This file type is not accepted. Upload a PDF, an image (PNG, JPEG, GIF or WebP), an Excel "
                "spreadsheet (.xlsx) or a CSV file.")


@dataclass(frozen=True)
class CheckedFile:
    content: bytes  # what is stored: the upload itself, or the re-encoded image
    filename: str  # a safe download name with the extension of the real type
    file_type: str  # AttachmentType
    content_type: str


def _read(upload):
    """The upload's bytes, refusing a file over the size limit before reading it all."""
    limit = attachment_max_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        _too_large(size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        _too_large(len(data), limit)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _too_large(size, limit):
    raise ValidationError(
        _("The file is %(size)s; the largest file accepted is %(limit)s."),
        code="too_large", params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def safe_filename(name, extension):
    """A download name: the upload's base name without path or control characters, with the real extension."""
    base = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", "", base).strip(" .")[:100] or "attachment"
    return f"{base}.{extension}"


def _pdf(data, name):
    if not data.startswith(b"%PDF-"):
        return None
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(_("The PDF file is incomplete or damaged."), code="damaged_pdf")
    return CheckedFile(data, safe_filename(name, "pdf"), AttachmentType.PDF, "application/pdf")


def _image(data, name):
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    if image_format not in IMAGE_FORMATS:
        return None
    if width * height > attachment_max_pixels():
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; the largest image accepted has %(limit)s pixels."),
            code="too_many_pixels", params={"width": width, "height": height, "limit": f"{attachment_max_pixels():,}"},
        )
    extension, content_type = IMAGE_FORMATS[image_format]
    return CheckedFile(_reencode(data, image_format), safe_filename(name, extension), AttachmentType.IMAGE,
                       content_type)


def _reencode(data, image_format):
    """Draw the image afresh: what is stored holds pixels only, no metadata or trailing bytes."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            buffer = io.BytesIO()
            options = {"quality": 90} if image_format in ("JPEG", "WEBP") else {}
            image.save(buffer, format=image_format, **options)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The image is damaged and cannot be read."), code="damaged_image") from exc
    return buffer.getvalue()


def _xlsx(data, name):
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return None
    return CheckedFile(data, safe_filename(name, "xlsx"), AttachmentType.XLSX, XLSX_CONTENT_TYPE)


def _csv(data, name):
    if not name.lower().endswith(".csv") or b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(unicodedata.category(char) == "Cc" and char not in "\t\r\n" for char in text):
            return None
        charset = "utf-8" if encoding == "utf-8-sig" else "gb18030"
        return CheckedFile(data, safe_filename(name, "csv"), AttachmentType.CSV, f"text/csv; charset={charset}")
    return None


def check_upload(upload):
    """A CheckedFile for an uploaded file (anything with read/seek and a name), or ValidationError."""
    data = _read(upload)
    name = getattr(upload, "name", "") or ""
    for check in (_pdf, _image, _xlsx, _csv):
        checked = check(data, name)
        if checked is not None:
            return checked
    if name.lower().endswith(".pdf"):
        raise ValidationError(_("The file is named .pdf but is not a PDF document."), code="fake_pdf")
    raise ValidationError(UNSUPPORTED, code="unsupported")
