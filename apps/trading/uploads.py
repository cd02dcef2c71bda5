"""Checking an uploaded attachment by what it contains, never by its name or the browser's content type.

Accepted: PDF (starts with "%PDF-", checked for active content by apps.core.pdf), images in PNG, JPEG, GIF or WebP
(checked and re-encoded by the core image pipeline, apps.core.images), XLSX (a zip holding "[Content_Types].xml"
and "xl/workbook.xml") and CSV (text in UTF-8 or GB18030, named .csv).
"""

import io
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.images import NOT_AN_IMAGE, Rendition, Rules, image_check
from apps.core.pdf import pdf_check
from apps.core.uploads import read_limited, safe_filename

from .conf import attachment_max_bytes, attachment_max_pixels
from .models import AttachmentType

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNSUPPORTED = _("This file type is not accepted. Upload a PDF, an image (PNG, JPEG, GIF or WebP), an Excel "
                "spreadsheet (.xlsx) or a CSV file.")


@dataclass(frozen=True)
class CheckedFile:
    content: bytes  # what is stored: the upload itself, or the re-encoded image
    filename: str  # a safe download name with the extension of the real type
    file_type: str  # AttachmentType
    content_type: str



def _pdf(data, name):
    if not data.startswith(b"%PDF-"):
        return None
    pdf_check(data)
    return CheckedFile(data, safe_filename(name, "pdf"), AttachmentType.PDF, "application/pdf")


def _image(data, name):
    rules = Rules(formats=("PNG", "JPEG", "GIF", "WEBP"), max_bytes=attachment_max_bytes(),
                  max_pixels=attachment_max_pixels())
    try:
        checked = image_check(data, rules, Rendition(quality=90))
    except ValidationError as error:
        if error.code in NOT_AN_IMAGE:
            return None  # some other kind of file
        raise
    return CheckedFile(checked.content, safe_filename(name, checked.extension), AttachmentType.IMAGE,
                       checked.content_type)


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
    data = read_limited(upload, attachment_max_bytes())
    name = getattr(upload, "name", "") or ""
    for check in (_pdf, _image, _xlsx, _csv):
        checked = check(data, name)
        if checked is not None:
            return checked
    if name.lower().endswith(".pdf"):
        raise ValidationError(_("The file is named .pdf but is not a PDF document."), code="fake_pdf")
    raise ValidationError(UNSUPPORTED, code="unsupported")
