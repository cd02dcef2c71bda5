"""Attachments: checked by content and size, stored outside /media/, served as downloads to those who may."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from apps.trading import services
from apps.trading.models import AttachmentType, NoticeAttachment
from apps.trading.uploads import check_upload
from tests.factories import NoticeFactory
from tests.support.files import PDF, upload


def png(size=(40, 30), exif=False):
    image = Image.new("RGB", size, "#0b6e4f")
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Secret Camera Maker"
        image.save(buffer, format="JPEG", exif=data.tobytes())
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


def xlsx(with_workbook=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_workbook:
            archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, file_type, content_type, filename", [
    ("fees 2026.pdf", PDF, AttachmentType.PDF, "application/pdf", "fees 2026.pdf"),
    ("chart.png", png(), AttachmentType.IMAGE, "image/png", "chart.png"),
    ("photo.png", png(exif=True), AttachmentType.IMAGE, "image/jpeg", "photo.jpg"),  # named by its real type
    ("库存.xlsx", xlsx(), AttachmentType.XLSX,
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "库存.xlsx"),
    ("prices.csv", "品级,价格\nSCR10,13850\n".encode(), AttachmentType.CSV, "text/csv; charset=utf-8", "prices.csv"),
    ("gbk.csv", "品级,价格\n".encode("gb18030"), AttachmentType.CSV, "text/csv; charset=gb18030", "gbk.csv"),
    ("../../etc/passwd.pdf", PDF, AttachmentType.PDF, "application/pdf", "passwd.pdf"),
])
def test_accepted_files_are_typed_by_content(name, data, file_type, content_type, filename):
    checked = check_upload(upload(name, data))

    assert (checked.file_type, checked.content_type, checked.filename) == (file_type, content_type, filename)


def test_image_is_reencoded_without_metadata():
    original = png(exif=True)

    checked = check_upload(upload("photo.jpg", original))

    assert checked.content != original
    assert b"Secret Camera Maker" in original and b"Secret Camera Maker" not in checked.content
    with Image.open(io.BytesIO(checked.content)) as image:
        assert (image.format, image.size) == ("JPEG", (40, 30))


@pytest.mark.parametrize("name, data, message", [
    ("notice.pdf", b"This is plain text pretending to be a PDF.", "The file is named .pdf but is not a PDF document."),
    ("notice.pdf", b"%PDF-1.4\ncut short", "The PDF file is incomplete or damaged."),
    ("tool.exe", b"MZ\x90\x00\x03", "This file type is not accepted. Upload a PDF, an image (PNG, JPEG, GIF or WebP), "
                                  "an Excel spreadsheet (.xlsx) or a CSV file."),
    ("data.xlsx", xlsx(with_workbook=False), "This file type is not accepted. Upload a PDF, an image (PNG, JPEG, GIF "
                                             "or WebP), an Excel spreadsheet (.xlsx) or a CSV file."),
    ("notes.txt", b"plain text", "This file type is not accepted. Upload a PDF, an image (PNG, JPEG, GIF or WebP), "
                                 "an Excel spreadsheet (.xlsx) or a CSV file."),
    ("empty.pdf", b"", "The file is empty."),
])
def test_rejected_files_get_a_clear_error(name, data, message):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, data))

    assert error.value.messages == [message]


def test_file_over_size_limit_is_rejected(settings):
    settings.TRADING_ATTACHMENT_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        check_upload(upload("big.pdf", PDF + b"0" * 2000))

    assert error.value.messages == ["The file is 2.0\xa0KB; the largest file accepted is 1.0\xa0KB."]
    assert check_upload(upload("small.pdf", PDF)).file_type == AttachmentType.PDF


def test_image_over_pixel_limit_is_rejected(settings):
    settings.TRADING_ATTACHMENT_MAX_PIXELS = 1000

    with pytest.raises(ValidationError) as error:
        check_upload(upload("wide.png", png(size=(100, 20))))

    assert error.value.messages == ["The image is 100 × 20 pixels; the largest image accepted has 1,000 pixels."]


def test_attachment_add_stores_file_outside_media_root(trading_staff, media_root):
    notice = NoticeFactory(author=trading_staff, publish=False)

    attachment = services.attachment_add(notice=notice, upload=upload("fees.pdf", PDF), user=trading_staff)

    stored = media_root.parent / "media-private" / "trading" / attachment.file.name
    assert stored.read_bytes() == PDF
    assert not media_root.exists()
    assert (attachment.size, attachment.filename, attachment.file_type) == (len(PDF), "fees.pdf", "pdf")


def test_attachment_add_refuses_fake_pdf_and_keeps_nothing(trading_staff, media_root):
    notice = NoticeFactory(author=trading_staff, publish=False)

    with pytest.raises(ValidationError):
        services.attachment_add(notice=notice, upload=upload("fees.pdf", b"not a pdf"), user=trading_staff)

    assert NoticeAttachment.objects.count() == 0
    assert not (media_root.parent / "media-private").exists()


def test_published_notice_attachments_cannot_change(trading_staff):
    notice = NoticeFactory(author=trading_staff)

    with pytest.raises(ValidationError) as error:
        services.attachment_add(notice=notice, upload=upload("late.pdf", PDF), user=trading_staff)

    assert error.value.messages == ["Attachments of a published notice cannot be changed; publish a correction."]
