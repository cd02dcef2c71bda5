"""The one image pipeline (apps.core.images) and the apps built on it: news covers, speaker photos, trading images."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from apps.core import images
from apps.core.images import Rendition, Rules, image_check, image_renditions
from apps.forums import photos
from apps.news import covers
from apps.trading.uploads import check_upload
from tests.support import files


def refusal(call, *args):
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value


class CountingUpload(io.BytesIO):
    """An upload without a declared size that counts the bytes read from it."""

    name = "big.png"
    read_total = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_total += len(data)
        return data


def test_read_stops_at_the_limit_plus_one_byte(settings):
    settings.UPLOAD_IMAGE_MAX_BYTES = 1000
    upload = CountingUpload(files.image_bytes() + b"\x00" * 5000)

    error = refusal(image_check, upload, Rules())

    assert error.code == "too_large" and upload.read_total == 1001
    assert error.messages == ["The file is 1001\xa0bytes; the largest image accepted is 1000\xa0bytes."]


def test_site_limits_come_from_the_settings_and_a_caller_can_only_be_stricter(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 5_000_000
    wide = files.image_bytes((3000, 2000))  # 6 megapixels

    assert refusal(image_check, wide, Rules(max_pixels=80_000_000)).messages == [
        "The image is 3000 × 2000 pixels; the largest image accepted has 5 megapixels."]
    assert refusal(image_check, wide, Rules(max_pixels=1_500_000)).messages == [
        "The image is 3000 × 2000 pixels; the largest image accepted has 1,500,000 pixels."]


@pytest.mark.parametrize("call", [
    lambda data: covers.cover_validate(SimpleUploadedFile("c.png", data)),
    lambda data: photos.photo_validate(SimpleUploadedFile("p.png", data)),
    lambda data: image_check(data),
    lambda data: check_upload(SimpleUploadedFile("chart.png", data)),
])
def test_decompression_bomb_is_refused_from_its_header_on_every_path(call):
    before = Image.MAX_IMAGE_PIXELS

    error = refusal(call, files.bomb_png())

    assert error.code == "too_many_pixels" and "8000 × 8000 pixels" in error.messages[0]
    assert before == Image.MAX_IMAGE_PIXELS  # the process-wide limit is never changed


def test_pillow_ceiling_is_reported_as_too_many_pixels():
    error = refusal(image_check, files.bomb_png(20000), Rules(formats=("PNG",)))

    assert error.messages == ["The image has more than 40,000,000 pixels, the largest image accepted."]


@pytest.mark.parametrize("call", [
    lambda data: covers.cover_validate(SimpleUploadedFile("c.jpg", data)),
    lambda data: photos.photo_validate(SimpleUploadedFile("p.jpg", data)),
    lambda data: check_upload(SimpleUploadedFile("photo.jpg", data)),
])
def test_truncated_jpeg_is_refused_on_every_path(call):
    assert refusal(call, files.truncated_jpeg()).messages == ["The image is damaged and cannot be read."]


def test_cover_renditions_drop_metadata_and_payloads():
    data = files.jpeg_with_gps((1000, 800)) + files.zip_payload()

    made = covers.cover_files(covers.cover_validate(SimpleUploadedFile("cover.jpg", data)))

    assert list(made) == ["cover", "cover_list", "cover_detail", "cover_social"]
    for name, content in made.items():
        raw = content.read()
        with Image.open(io.BytesIO(raw)) as image:
            assert image.format == "JPEG" and not image.getexif() and "icc_profile" not in image.info, name
        assert b"SpyCam" not in raw and b"PK\x03\x04" not in raw
    made["cover"].seek(0)
    assert Image.open(made["cover"]).size == (1000, 800)


def test_speaker_photo_is_upright_and_square():
    data = files.jpeg_with_gps((400, 200), orientation=8)

    photo = photos.photo_file(photos.photo_validate(SimpleUploadedFile("me.jpg", data)))

    with Image.open(photo) as image:
        assert image.size == (480, 480) and not image.getexif()


def test_trading_gif_keeps_its_format_and_loses_its_comment():
    data = files.image_bytes((60, 40), "GIF", comment=b"internal price list")

    checked = check_upload(SimpleUploadedFile("chart.gif", data))

    assert (checked.content_type, checked.filename) == ("image/gif", "chart.gif")
    assert b"internal price list" not in checked.content


def test_transparent_png_keeps_its_alpha_and_becomes_white_in_jpeg():
    data = files.image_bytes((50, 50), "PNG", color=(200, 0, 0, 0), mode="RGBA")

    made = image_renditions(data, Rules(), {"png": Rendition(), "jpeg": Rendition(format="JPEG")})

    assert Image.open(io.BytesIO(made["png"].content)).getpixel((10, 10)) == (200, 0, 0, 0)
    assert Image.open(io.BytesIO(made["jpeg"].content)).getpixel((10, 10)) == (255, 255, 255)


def test_renditions_crop_to_an_exact_size_and_fit_within_a_box():
    made = image_renditions(files.image_bytes((1000, 500)), Rules(),
                            {"crop": Rendition(crop=(300, 300)), "fit": Rendition(fit=(400, 400)),
                             "small": Rendition(fit=(4000, 4000), format="WEBP")})

    assert {name: (item.width, item.height) for name, item in made.items()} == {
        "crop": (300, 300), "fit": (400, 200), "small": (1000, 500)}
    assert (made["small"].extension, made["small"].content_type) == ("webp", "image/webp")


def test_format_refusal_lists_the_accepted_formats_in_both_languages():
    gif = files.image_bytes(fmt="GIF")

    assert refusal(image_check, gif).messages == [
        "This image format (GIF) is not accepted. Accepted formats: JPEG, PNG, WebP."]
    with translation.override("zh-hans"):
        assert refusal(image_check, gif).messages == ["不接受此图片格式（GIF）。可接受的格式：JPEG, PNG, WebP。"]


def test_small_image_message_shows_the_minimum_in_both_languages():
    small = SimpleUploadedFile("s.png", files.image_bytes((150, 150)))

    assert refusal(covers.cover_validate, small).messages == [
        "The image is too small (at least 200 pixels on each side)."]
    with translation.override("zh-hans"):
        assert refusal(photos.photo_validate, small).messages == ["图片过小（每边至少 160 像素）。"]


def test_svg_is_refused_by_content_whatever_its_name():
    error = refusal(image_check, SimpleUploadedFile("logo.png", files.SVG_WITH_SCRIPT))

    assert error.code == "svg"
    assert error.messages == [
        "SVG images are not accepted (they can carry scripts). Accepted formats: JPEG, PNG, WebP."]


def test_no_second_copy_of_the_pipeline_is_left():
    """Only apps.core.images opens, verifies and re-encodes images."""
    import inspect

    from apps.trading import uploads

    for module in (covers, photos, uploads):
        source = inspect.getsource(module)
        assert "Image.open" not in source and ".verify(" not in source and "MAX_IMAGE_PIXELS" not in source
    assert "MAX_IMAGE_PIXELS =" not in inspect.getsource(images)
