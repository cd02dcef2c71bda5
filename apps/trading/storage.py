"""Attachments live outside MEDIA_ROOT: /media/ is served to anyone, while a draft's files are for staff only."""

import os

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from .conf import attachment_root


@deconstructible(path="apps.trading.storage.AttachmentStorage")
class AttachmentStorage(FileSystemStorage):
    """A file system storage whose root is read from the settings at each use (tests change MEDIA_ROOT)."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return str(attachment_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # never served by URL: downloads go through the attachment view


attachment_storage = AttachmentStorage()
