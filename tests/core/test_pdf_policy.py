"""PDF documents (apps.core.pdf): real ones pass, scripts, automatic and launch actions, embedded files and
encryption are refused, however the names are written or packed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from apps.core.pdf import pdf_check
from apps.trading.models import AttachmentType
from apps.trading.uploads import check_upload
from tests.support import files


def found(data):
    with pytest.raises(ValidationError) as caught:
        pdf_check(data)
    return caught.value


def test_real_pdf_with_an_open_at_page_action_passes():
    data = files.fpdf_document()
    assert b"/OpenAction [3 0 R /FitH null]" in data

    checked = check_upload(SimpleUploadedFile("fees.pdf", data))

    assert (checked.file_type, checked.content) == (AttachmentType.PDF, data)


@pytest.mark.parametrize("data, names", [
    (files.pdf_open_action_js(), "/JS, /JavaScript, /OpenAction"),
    (files.pdf_hex_escaped_js(), "/JS, /JavaScript, /OpenAction"),  # /J#61v#61Script, /Open#41ction
    (files.pdf_js_in_object_stream(), "/JS, /JavaScript, /OpenAction"),  # invisible to a byte scan
    (files.pdf_launch_on_page_open(), "/AA, /Launch"),
    (files.fpdf_document(attachment=b"grade,price\n"), "/EF, /EmbeddedFile, /EmbeddedFiles"),
])
def test_active_content_is_refused_with_what_was_found(data, names):
    error = found(data)

    assert error.code == "active_pdf"
    assert error.messages == [f"PDF files with scripts, automatic or launch actions or embedded files are not "
                              f"accepted (found: {names}). Save or print the document to a new PDF without them and "
                              f"upload it again."]


def test_object_stream_names_are_not_in_the_bytes():
    data = files.pdf_js_in_object_stream()

    assert b"JavaScript" not in data and b"/JS" not in data
    assert found(data).code == "active_pdf"


def test_names_are_found_by_the_byte_scan_when_the_parser_gives_up():
    data = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /J#61vaScript /JS (x) >> >> endobj\n%%EOF\n"  # no xref at all

    assert "/JS, /JavaScript" in found(data).messages[0]


def test_unreadable_pdf_with_object_streams_is_refused():
    data = files.pdf_js_in_object_stream().replace(b"startxref", b"startxerf")

    assert found(data).code in ("damaged_pdf", "active_pdf")


def test_encrypted_pdf_is_refused_in_chinese_too():
    assert found(files.pdf_encrypted()).code == "encrypted_pdf"
    with translation.override("zh-hans"):
        assert found(files.pdf_encrypted()).messages == ["不接受加密或设有密码保护的 PDF 文件。请取消保护后重新保存文档再上传。"]


def test_trading_refuses_a_pdf_with_javascript_in_chinese():
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile("fees.pdf", files.pdf_open_action_js()))

    with translation.override("zh-hans"):
        assert caught.value.messages == ["不接受含有脚本、自动或启动操作或嵌入文件的 PDF 文件（发现：/JS, /JavaScript, "
                                         "/OpenAction）。请将文档另存或打印为不含这些内容的新 PDF 后重新上传。"]
