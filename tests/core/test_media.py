"""/media/ (apps.core.media): nosniff and a sandboxing policy on every response, raster images inline, everything
else as a download, nothing outside MEDIA_ROOT, and nothing at all when Django does not serve media."""

import os
import shutil
import uuid
from pathlib import Path

import pytest

from tests.support import files

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"


@pytest.fixture
def media(settings, tmp_path):
    """A folder of its own in the configured MEDIA_ROOT (not a changed setting: a view that fixed its root at import
    would still be tested), and a secret file outside it."""
    folder = Path(settings.MEDIA_ROOT) / f"t-{uuid.uuid4().hex}"
    (folder / "up").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("outside the media root")
    yield folder
    shutil.rmtree(folder)


def put(media, name, data):
    (media / "up" / name).write_bytes(data)
    return f"/media/{media.name}/up/{name}"


@pytest.mark.parametrize("name, data, content_type", [
    ("a.png", files.image_bytes(), "image/png"), ("a.jpg", files.image_bytes(fmt="JPEG"), "image/jpeg"),
    ("a.jpeg", files.image_bytes(fmt="JPEG"), "image/jpeg"), ("a.webp", files.image_bytes(fmt="WEBP"), "image/webp"),
    ("a.gif", files.image_bytes(fmt="GIF"), "image/gif"),
])
def test_raster_images_are_inline_with_nosniff_and_sandbox(client, media, name, data, content_type):
    response = client.get(put(media, name, data))

    assert response.status_code == 200 and b"".join(response.streaming_content) == data
    assert response["Content-Type"] == content_type and response["Content-Disposition"] == f'inline; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize("name, data, content_type", [
    ("fees.pdf", files.fpdf_document(), "application/pdf"),
    ("logo.svg", files.SVG_WITH_SCRIPT, "image/svg+xml"),
    ("page.html", b"<script>alert(1)</script>", "text/html"),
    ("blob.bin", b"\x00\x01", "application/octet-stream"),
    ("noext", b"GIF89a<script>", "application/octet-stream"),
    ("fake.png", b"<html><script>alert(1)</script></html>", "image/png"),  # named as an image, is not one
    ("wrong.png", files.image_bytes(fmt="GIF"), "image/png"),  # name and content disagree
    ("drawing.svg.gz", b"\x1f\x8b\x08", "application/octet-stream"),
])
def test_everything_else_is_a_download(client, media, name, data, content_type):
    response = client.get(put(media, name, data))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["X-Content-Type-Options"] == "nosniff" and response["Content-Security-Policy"] == SANDBOX


def test_not_modified_answer_carries_the_headers_too(client, media):
    url = put(media, "a.png", files.image_bytes())

    response = client.get(url, headers={"If-Modified-Since": client.get(url)["Last-Modified"]})

    assert response.status_code == 304 and response["Content-Security-Policy"] == SANDBOX


@pytest.mark.parametrize("path", ["../../manage.py", "{folder}/up/../../../../manage.py", "%2e%2e/%2e%2e/manage.py",
                                  "{folder}/up/", "{folder}/up", "{folder}/missing.png", "/etc/passwd"])
def test_paths_outside_the_root_directories_and_missing_files_are_404(client, media, path):
    put(media, "a.png", files.image_bytes())

    # LocaleMiddleware sends any 404 on to the /en/... address, itself a 404
    response = client.get("/media/" + path.format(folder=media.name), follow=True)

    assert response.status_code == 404 and b"execute_from_command_line" not in response.content


def test_symlink_out_of_the_root_is_404(client, media, tmp_path):
    os.symlink(tmp_path / "secret.txt", media / "up" / "link.txt")

    response = client.get(f"/media/{media.name}/up/link.txt", follow=True)

    assert response.status_code == 404 and b"outside the media root" not in response.content


def test_nothing_is_served_when_django_does_not_serve_media(client, media, settings):
    url = put(media, "a.png", files.image_bytes())
    settings.SERVE_MEDIA = False

    assert client.get(url, follow=True).status_code == 404


@pytest.mark.parametrize("path", ["/media/{folder}/up/a.png%00.txt", "/en/news/%00/", "/zh-hans/%00"])
def test_a_nul_byte_in_the_path_is_a_bad_request_never_a_server_error(client, media, path):
    """PostgreSQL refuses NUL in text: such a path must not reach a query (django CMS looks pages up by path)."""
    put(media, "a.png", files.image_bytes())
    response = client.get(path.format(folder=media.name))
    assert response.status_code == 400 and b"execute_from_command_line" not in response.content
