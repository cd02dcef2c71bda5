"""Logo and product images: checked by content, size and pixel count, re-encoded without metadata; SVG refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.expo.portal import uploads
from apps.expo.portal.uploads import image_check
from tests.support.files import image_upload


def _codes(upload):
    with pytest.raises(ValidationError) as caught:
        image_check(upload)
    return caught.value.code


def test_png_is_reencoded_as_png_without_trailing_bytes():
    data = image_upload("logo.png", size=(300, 120)).read() + b"<script>alert(1)</script>"  # after the image end
    checked = image_check(SimpleUploadedFile("logo.png", data, "image/png"))
    assert (checked.extension, checked.width, checked.height) == ("png", 300, 120)
    assert b"<script>" not in checked.content
    assert Image.open(io.BytesIO(checked.content)).format == "PNG"


def test_jpeg_loses_exif_and_is_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "SecretCam GPS"
    checked = image_check(image_upload("photo.jpg", size=(400, 200), fmt="JPEG", exif=exif.tobytes()))
    image = Image.open(io.BytesIO(checked.content))
    assert image.format == "JPEG" and image.size == (200, 400)
    assert not image.getexif() and b"SecretCam" not in checked.content


def test_svg_is_refused_with_a_clear_message():
    svg = SimpleUploadedFile("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
                             content_type="image/svg+xml")
    with pytest.raises(ValidationError) as caught:
        image_check(svg)
    assert caught.value.code == "svg" and "SVG" in caught.value.messages[0]


def test_svg_renamed_png_is_refused_too():
    assert _codes(SimpleUploadedFile("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>")) == "svg"


def test_text_file_renamed_png_is_refused():
    assert _codes(SimpleUploadedFile("logo.png", b"just some text, not an image at all", "image/png")) == "invalid"


def test_gif_is_refused():
    assert _codes(image_upload("anim.gif", fmt="GIF")) == "format"


def test_too_many_pixels_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr("apps.core.images.MAX_PIXELS", 10_000)
    assert _codes(image_upload(size=(200, 100))) == "too_many_pixels"


def test_decompression_bomb_header_is_refused():
    """A tiny PNG declaring 30000 × 30000 pixels (900 megapixels) is refused from its header."""
    buffer = io.BytesIO()
    Image.new("1", (30000, 30000)).save(buffer, format="PNG")
    data = buffer.getvalue()
    assert len(data) < uploads.MAX_BYTES
    assert _codes(SimpleUploadedFile("bomb.png", data, "image/png")) in ("too_many_pixels", "invalid")


def test_too_big_file_is_refused_before_reading_it(monkeypatch):
    monkeypatch.setattr("apps.core.images.MAX_BYTES", 1000)
    with pytest.raises(ValidationError) as caught:
        image_check(SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 2000, "image/png"))
    assert caught.value.code == "too_large"
    assert caught.value.messages == ["The file is 2.0\xa0KB; the largest image accepted is 1000\xa0bytes."]


def test_empty_file_is_refused():
    assert _codes(SimpleUploadedFile("logo.png", b"", "image/png")) == "empty"
