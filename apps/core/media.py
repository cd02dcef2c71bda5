"""Serving uploaded files (MEDIA_ROOT at /media/) when Django serves them (settings.SERVE_MEDIA; in production the
reverse proxy does, with the same headers).

Every response says `X-Content-Type-Options: nosniff` and `Content-Security-Policy: default-src 'none'; sandbox`, so
a stored file never runs as a page of the site's origin. Only raster images the pipeline writes (JPEG, PNG, WebP,
GIF: by extension and by their first bytes, which must agree) are shown inline; anything else is sent as a download
(`Content-Disposition: attachment`). Paths leaving MEDIA_ROOT, directories and missing files are 404.
"""

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.static import was_modified_since

RASTER = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox"}


def sniffed_type(head):
    """The raster image type the first bytes of a file announce, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _resolve(path):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        fullpath = Path(safe_join(root, posixpath.normpath(path).lstrip("/"))).resolve()
    except (SuspiciousFileOperation, ValueError) as exc:  # "../", absolute paths, NUL bytes
        raise Http404 from exc
    if not fullpath.is_relative_to(root) or not fullpath.is_file():  # a symlink out of the root, a directory
        raise Http404
    return fullpath


def media_serve(request, path):
    if not settings.SERVE_MEDIA:
        raise Http404
    fullpath = _resolve(path)
    stat = fullpath.stat()
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        handle = fullpath.open("rb")
        raster = sniffed_type(handle.read(16))
        handle.seek(0)
        inline = raster is not None and RASTER.get(fullpath.suffix.lower().lstrip(".")) == raster
        if inline:
            response = FileResponse(handle, content_type=raster)
        else:
            content_type, encoding = mimetypes.guess_type(fullpath.name)
            if encoding or not content_type:  # e.g. ".svg.gz": the bytes are an archive
                content_type = "application/octet-stream"
            response = FileResponse(handle, content_type=content_type, as_attachment=True, filename=fullpath.name)
        response.headers["Last-Modified"] = http_date(stat.st_mtime)
    for header, value in SECURITY_HEADERS.items():
        response.headers[header] = value
    return response


def stored_download(stored, *, filename, content_type, cache_control="private, no-store"):
    """A stored file (a FieldFile the view has already allowed) as a download; 404 when it is gone from storage."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["Cache-Control"] = cache_control
    return response
