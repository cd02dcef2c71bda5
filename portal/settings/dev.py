"""Local development: `make run`. Safe defaults, never used in production."""

from .base import *
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)  # /media/ from Django itself (apps.core.media)
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}
