"""Checking an attachment of a requirement or response by its content, never by its name or declared type.

Accepted: PDF documents (checked for active content by apps.core.pdf) and images in PNG, JPEG or WebP (re-encoded
without metadata by apps.core.images). Everything else is refused with a message naming what is accepted.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.core.images import NOT_AN_IMAGE, Rendition, Rules, image_check
from apps.core.pdf import pdf_check
from apps.core.uploads import read_limited, safe_filename

from .conf import attachment_max_bytes

UNSUPPORTED = _("This file type is not accepted. Upload a PDF document or an image (PNG, JPEG or WebP).")
IMAGE_FORMATS = ("PNG", "JPEG", "WEBP")


@dataclass(frozen=True)
class CheckedFile:
    content: bytes  # what is stored: the PDF itself, or the re-encoded image
    filename: str  # a safe download name with the extension of the real type
    content_type: str



def check_upload(upload):
    """A CheckedFile for an uploaded file, or ValidationError with a message for the uploader."""
    data = read_limited(upload, attachment_max_bytes())
    name = getattr(upload, "name", "") or ""
    if data.startswith(b"%PDF-"):
        pdf_check(data)
        return CheckedFile(data, safe_filename(name, "pdf"), "application/pdf")
    rules = Rules(formats=IMAGE_FORMATS, max_bytes=attachment_max_bytes())
    try:
        checked = image_check(data, rules, Rendition(quality=90))
    except ValidationError as error:
        if error.code not in NOT_AN_IMAGE:
            raise
    else:
        return CheckedFile(checked.content, safe_filename(name, checked.extension), checked.content_type)
    if name.lower().endswith(".pdf"):
        raise ValidationError(_("The file is named .pdf but is not a PDF document."), code="fake_pdf")
    raise ValidationError(UNSUPPORTED, code="unsupported")
