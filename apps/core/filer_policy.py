"""django-filer uploads through the site's upload policy (the CMS image and file plugins, the admin's media library).

filer calls `filer.validation.validate_upload` for every upload: the drop zones and file widgets of the admin (they
post to `admin:filer-ajax_upload`) and a file replaced on a File's change page. It takes the MIME type from the
file name, refuses a type missing from FILER_MIME_TYPE_WHITELIST, then runs the validators FILER_ADD_FILE_VALIDATORS
names for the type. The settings (portal/settings/base.py) wire the functions below, so that:

- JPEG, PNG, GIF and WebP images go through apps.core.images and are replaced by their re-encoded pixels (EXIF/GPS,
  ICC profile, comments and trailing bytes dropped, upright), in the format their name promises; truncated,
  damaged and oversized images are refused;
- PDF documents must be real PDFs without scripts, automatic or launch actions and embedded files (apps.core.pdf);
- everything else is refused by the whitelist: SVG (refused, not sanitised: it is a document that can run
  scripts), HTML and XML, office files, archives, and names without a known type.

filer reads a new file's size, SHA-1 and dimensions when the upload is attached to the model, before its
validators run: `file_data_refresh` (connected in apps.core.apps) reads them again from the stored bytes.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .images import Rendition, Rules, image_check
from .pdf import pdf_check
from .uploads import read_limited

IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
DOCUMENT_TYPES = ("application/pdf",)
RULES = Rules(formats=("JPEG", "PNG", "GIF", "WEBP"))
# filer's refusals of a type outside the whitelist: filer ships no zh_Hans catalogue, the site's translates them.
FILER_REFUSALS = (gettext_noop('File "{file_name}": {file_type} upload denied by site security policy'),
                  gettext_noop('File "{file_name}": Upload denied by site security policy'))


def _replace(file, content):
    """Put `content` in place of the upload's bytes (filer stores the same file object afterwards)."""
    file.seek(0)
    file.truncate()
    file.write(content)
    file.seek(0)
    if hasattr(file, "size"):
        file.size = len(content)  # an UploadedFile keeps the size it was received with


def _filer_error(error):
    from filer.validation import FileValidationError

    return FileValidationError(error.messages, code=error.code)


def image_validate(file_name, file, owner, mime_type):
    """filer validator for raster images: check, re-encode and replace the upload's bytes."""
    try:
        checked = image_check(file, RULES, Rendition(format=IMAGE_TYPES[mime_type], quality=90))
    except ValidationError as error:
        raise _filer_error(error) from error
    _replace(file, checked.content)


def pdf_validate(file_name, file, owner, mime_type):
    """filer validator for PDF documents: a real PDF without active content, within UPLOAD_DOCUMENT_MAX_BYTES."""
    try:
        data = read_limited(file, settings.UPLOAD_DOCUMENT_MAX_BYTES)
        if not data.startswith(b"%PDF-"):
            raise ValidationError(_("The file is named .pdf but is not a PDF document."), code="fake_pdf")
        pdf_check(data)
    except ValidationError as error:
        raise _filer_error(error) from error


def file_data_refresh(sender, instance, **kwargs):
    """pre_save of filer's file models: size, SHA-1 and dimensions read again from a new (re-encoded) upload."""
    if not instance.file or instance.file._committed:
        return
    upload = instance.file.file
    upload.seek(0, os.SEEK_END)
    upload.size = upload.tell()  # the size the upload arrived with is kept by its wrapper
    upload.seek(0)
    instance.file_data_changed()


def signals_connect():
    from filer import settings as filer_settings
    from filer.utils.loader import load_model

    for label in filer_settings.FILER_FILE_MODELS:
        pre_save.connect(file_data_refresh, sender=load_model(label), dispatch_uid=f"core-filer-refresh-{label}")
