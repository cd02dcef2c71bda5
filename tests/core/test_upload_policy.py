"""django-filer uploads (the admin's file widget and drop zones) and trading attachments go through the site's
upload policy: only images and PDFs, images re-encoded without metadata or trailing bytes, SVG, truncated images,
decompression bombs and PDFs with active content refused with a clear message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from filer.models import File as FilerFile
from filer.models import Image as FilerImage
from PIL import ExifTags, Image

from apps.trading import services
from apps.trading.models import NoticeAttachment
from tests.factories import NoticeFactory, TradingCenterFactory, UserFactory
from tests.support import files
from tests.support.trading import notice_form

pytestmark = pytest.mark.usefixtures("media_root")


def upload_url(language="en"):
    with translation.override(language):
        return reverse("admin:filer-ajax_upload")  # where the admin's file widget posts (data-url of its drop zone)


def filer_upload(client, name, data, language="en"):
    return client.post(upload_url(language), {"file": SimpleUploadedFile(name, data)})


def stored(response):
    assert response.status_code == 200, response.content
    item = FilerFile.objects.non_polymorphic().get(pk=response.json()["file_id"]).get_real_instance()
    with item.file.open("rb") as handle:
        return item, handle.read()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_svg_with_script_is_refused_through_the_file_widget(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))

    response = filer_upload(client, "logo.svg", files.SVG_WITH_SCRIPT)

    assert response.status_code == 400
    assert response.json()["error"] == 'File "logo.svg": SVG upload denied by site security policy'
    assert FilerFile.objects.count() == 0


def test_svg_refusal_is_in_chinese_on_the_chinese_admin(editor_client):
    response = filer_upload(editor_client, "logo.svg", files.SVG_WITH_SCRIPT, language="zh-hans")

    assert response.status_code == 400 and response.json()["error"] == "文件“logo.svg”：站点安全策略拒绝了 SVG 上传"


@pytest.mark.parametrize("name, data", [
    ("notes.txt", b"plain text"), ("page.html", b"<script>alert(1)</script>"), ("noextension", b"\x89PNG"),
    ("sheet.xlsx", files.zip_payload()), ("archive.zip", files.zip_payload()), ("drawing.svgz", b"\x1f\x8b"),
])
def test_only_images_and_pdfs_are_accepted(editor_client, name, data):
    response = filer_upload(editor_client, name, data)

    assert response.status_code == 400 and "denied by site security policy" in response.json()["error"]
    assert FilerFile.objects.count() == 0


@pytest.mark.parametrize("memory_limit", [2_621_440, 100])  # Django's default, or kept in a temporary file
def test_jpeg_loses_exif_gps_comment_and_icc_through_filer(editor_client, settings, memory_limit):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = memory_limit
    original = files.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    image, content = stored(filer_upload(editor_client, "plant.jpg", original))

    assert isinstance(image, FilerImage)
    with Image.open(io.BytesIO(content)) as result:
        assert (result.format, result.size) == ("JPEG", (320, 200))
        assert not result.getexif() and "icc_profile" not in result.info and "comment" not in result.info
    assert b"SpyCam" not in content and b"secret plant" not in content
    assert (image._file_size, image.width, image.height) == (len(content), 320, 200)


def test_exif_orientation_is_applied_and_the_dimensions_follow(editor_client):
    image, content = stored(filer_upload(editor_client, "turned.jpg", files.jpeg_with_gps((300, 100), orientation=6)))

    with Image.open(io.BytesIO(content)) as result:
        assert result.size == (100, 300) and not result.getexif()
    assert (image.width, image.height) == (100, 300)


def test_png_with_appended_zip_and_html_comes_out_without_them(editor_client):
    data = files.png_with_payload()

    image, content = stored(filer_upload(editor_client, "chart.png", data))

    assert b"PK\x03\x04" not in content and b"<script>" not in content and b"index.html" not in content
    with Image.open(io.BytesIO(content)) as result:
        assert (result.format, result.size) == ("PNG", (120, 80))
    assert image.sha1 != "" and len(content) < len(data)


def test_jpeg_with_a_pdf_appended_is_neutralised(editor_client):
    _image, content = stored(filer_upload(editor_client, "poly.jpg", files.image_bytes(fmt="JPEG")
                                          + files.pdf_open_action_js()))

    assert b"%PDF" not in content and b"JavaScript" not in content


def test_image_is_stored_in_the_format_its_name_promises(editor_client):
    _image, content = stored(filer_upload(editor_client, "photo.png", files.image_bytes(fmt="JPEG")))

    assert Image.open(io.BytesIO(content)).format == "PNG"


def test_truncated_jpeg_is_refused(editor_client):
    response = filer_upload(editor_client, "cut.jpg", files.truncated_jpeg())

    assert response.status_code == 400
    assert response.json()["error"] == "The image is damaged and cannot be read."
    assert FilerFile.objects.count() == 0


def test_decompression_bomb_is_refused_without_touching_pillows_limit(editor_client):
    before = Image.MAX_IMAGE_PIXELS
    data = files.bomb_png()
    assert len(data) < 100_000

    response = filer_upload(editor_client, "bomb.png", data)

    assert response.status_code == 400
    assert response.json()["error"] == ("The image is 8000 × 8000 pixels; the largest image accepted has 40 "
                                        "megapixels.")
    assert before == Image.MAX_IMAGE_PIXELS
    assert FilerFile.objects.count() == 0


def test_refusal_is_in_the_users_language(editor_client):
    response = filer_upload(editor_client, "cut.jpg", files.truncated_jpeg(), language="zh-hans")

    assert response.status_code == 400 and response.json()["error"] == "图片已损坏，无法读取。"


def test_real_pdf_is_accepted_through_filer(editor_client):
    data = files.fpdf_document()

    item, content = stored(filer_upload(editor_client, "fees.pdf", data))

    assert content == data and item.mime_type == "application/pdf"


@pytest.mark.parametrize("data", [files.pdf_open_action_js(), files.pdf_js_in_object_stream(),
                                  files.fpdf_document(attachment=b"grade,price\nSCR10,13850\n")])
def test_pdf_with_active_content_is_refused_through_filer(editor_client, data):
    response = filer_upload(editor_client, "fees.pdf", data)

    assert response.status_code == 400 and response.json()["error"].startswith(
        "PDF files with scripts, automatic or launch actions or embedded files are not accepted (found: ")
    assert FilerFile.objects.count() == 0


def test_pdf_with_open_action_javascript_is_refused_in_trading_attachments(trading_staff):
    notice = NoticeFactory(author=trading_staff, publish=False)

    with pytest.raises(ValidationError) as error:
        services.attachment_add(notice=notice, upload=SimpleUploadedFile("fees.pdf", files.pdf_open_action_js()),
                                user=trading_staff)

    assert error.value.messages == [
        "PDF files with scripts, automatic or launch actions or embedded files are not accepted (found: /JS, "
        "/JavaScript, /OpenAction). Save or print the document to a new PDF without them and upload it again."]
    assert NoticeAttachment.objects.count() == 0


def test_pdf_refusal_in_the_trading_admin_is_shown_in_chinese(client, trading_staff):
    client.force_login(trading_staff)
    center = TradingCenterFactory()
    response = client.post("/zh-hans/admin/trading/notice/add/", notice_form(
        center, **{"attachments-0-upload": SimpleUploadedFile("fees.pdf", files.pdf_open_action_js())}))

    assert response.status_code == 200
    assert "不接受含有脚本、自动或启动操作或嵌入文件的 PDF 文件" in response.content.decode()


def change_form_post(client, image, name, data):
    return client.post(f"/en/admin/filer/image/{image.pk}/change/", {
        "name": "", "owner": image.owner_id, "description": "", "author": "", "default_alt_text": "",
        "default_caption": "", "subject_location": "", "file": SimpleUploadedFile(name, data)})


def test_file_replaced_on_the_change_page_goes_through_the_same_checks(editor_client):
    image, _content = stored(filer_upload(editor_client, "chart.png", files.image_bytes()))

    refused = change_form_post(editor_client, image, "cut.jpg", files.truncated_jpeg())
    accepted = change_form_post(editor_client, image, "plant.jpg", files.jpeg_with_gps((200, 120)))

    assert refused.status_code == 200 and "The image is damaged and cannot be read." in refused.content.decode()
    assert accepted.status_code == 302
    image.refresh_from_db()
    with image.file.open("rb") as handle:
        content = handle.read()
    assert b"SpyCam" not in content and not Image.open(io.BytesIO(content)).getexif()
    assert (image._file_size, image.width, image.height) == (len(content), 200, 120)
