"""Private file storage: files kept outside MEDIA_ROOT (which is served to anyone at /media/), handed out only by
views that check who asks (trading drafts' attachments, exhibitors' uploads waiting for review). Also the static
files' storage of production (`StaticStorage`)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from whitenoise.storage import CompressedManifestStaticFilesStorage


def private_root(area, setting=None):
    """Where an area's private files live: the `setting` when configured, else "<media root>-private/<area>",
    a directory beside MEDIA_ROOT (never below it)."""
    configured = getattr(settings, setting, None) if setting else None
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.with_name(f"{media.name}-private") / area


@deconstructible(path="apps.core.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file system storage with no URL whose root is read from the settings at each use (tests change
    MEDIA_ROOT)."""

    def __init__(self, area, setting=None):
        self.area, self.setting = area, setting
        super().__init__()

    @property
    def base_location(self):
        return str(private_root(self.area, self.setting))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # never served by URL: a view streams the file to those allowed


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage, which works out a static file's hashed URL on every {% static %}: here once
    per process and name (the manifest does not change while a process runs; a deploy starts new processes)."""

    MAX_NAMES = 4096

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        found = self._urls.get(name)
        if found is None or force:
            found = super().url(name, force)
            if not force and len(self._urls) < self.MAX_NAMES:
                self._urls[name] = found
        return found
