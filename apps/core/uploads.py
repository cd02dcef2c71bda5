"""What every upload path shares: reading an upload without ever holding more than its limit, the messages for
an empty or too large file, and a safe download name.

The policy itself lives beside this module: raster images in apps.core.images, PDF documents in apps.core.pdf,
django-filer's uploads in apps.core.filer_policy, and how stored files are served in apps.core.media.
"""

import os
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

FILE_TOO_LARGE = _("The file is %(size)s; the largest file accepted is %(limit)s.")
EMPTY = _("The file is empty.")


def too_large(size, limit, message=FILE_TOO_LARGE):
    """The ValidationError for a file of `size` bytes over `limit`, both shown to the uploader."""
    return ValidationError(message, code="too_large",
                           params={"size": filesizeformat(size), "limit": filesizeformat(limit)})


def read_limited(upload, limit, message=FILE_TOO_LARGE):
    """The bytes of an upload (any file object), refused over `limit` bytes: at most limit + 1 bytes are read."""
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise too_large(size, limit, message)
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise too_large(len(data), limit, message)
    if not data:
        raise ValidationError(EMPTY, code="empty")
    return data


def safe_filename(name, extension):
    """A download name: the upload's base name without path or control characters, with the real extension."""
    base = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    base = unicodedata.normalize("NFC", base)
    base = re.sub(r"[\x00-\x1f\x7f/\\:*?\"<>|]+", "", base).strip(" .")[:100] or "attachment"
    return f"{base}.{extension}"
