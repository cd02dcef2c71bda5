"""Real files for the upload tests, made here: images with Pillow, PDFs with fpdf2 or written object by object
(with correct cross-reference tables, so a parser reads them as a viewer would), and uploads holding them."""

import io
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from PIL import ExifTags, Image, ImageCms

GPS = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (36.0, 4.0, 1.5),
       ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (120.0, 22.0, 57.0)}


IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"  # the smallest PDF the trading checks accept


def image_bytes(size=(320, 200), fmt="PNG", color="#0b6e4f", mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def image_upload(name="logo.png", *, size=(320, 200), fmt="PNG", color="#0b6e4f", exif=None):
    """An uploaded image file, as a form receives it."""
    options = {"exif": exif} if exif is not None else {}
    return SimpleUploadedFile(name, image_bytes(size, fmt, color, **options), content_type=IMAGE_TYPES[fmt])


def upload(name, data):
    """An uploaded file claiming no particular type: the checks must go by its content."""
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def noisy_jpeg(size=(400, 300)):
    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def jpeg_with_gps(size=(320, 200), orientation=None):
    """A JPEG carrying a camera maker, GPS coordinates, a comment and an sRGB ICC profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.IFD.GPSInfo] = GPS
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return image_bytes(size, "JPEG", exif=exif, icc_profile=icc, comment=b"shot at the secret plant")


def zip_payload():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<html><script>alert(document.domain)</script></html>")
    return buffer.getvalue()


def png_with_payload():
    """A PNG followed by a zip holding an HTML page: an image to Pillow, an archive to unzip."""
    return image_bytes((120, 80)) + zip_payload()


def truncated_jpeg():
    data = noisy_jpeg()
    return data[: len(data) // 2]


def bomb_png(side=8000):
    """A one-bit PNG of side × side pixels (64 megapixels by default) in a few kilobytes."""
    return image_bytes((side, side), "PNG", color=0, mode="1")


SVG_WITH_SCRIPT = (b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
                   b'height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>')


def fpdf_document(attachment=None):
    """A real PDF from fpdf2 (its catalog opens the first page: /OpenAction [3 0 R /FitH null])."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Storage fees 2026")
    if attachment:
        pdf.embed_file(basename="prices.csv", bytes=attachment)
    return bytes(pdf.output())


PAGES = [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]


def pdf_document(objects, trailer=b""):
    """A PDF whose object n is objects[n - 1], with a correct xref table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def pdf_open_action_js():
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", *PAGES,
                         b"<< /Type /Action /S /JavaScript /JS (app.alert\\('hello'\\)) >>"])


def pdf_hex_escaped_js():
    """The same action with its names written as #xx escapes: /J#61vaScript is /JavaScript."""
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >>", *PAGES,
                         b"<< /S /J#61v#61Script /J#53 (app.alert\\(1\\)) >>"])


def pdf_js_in_object_stream():
    """The JavaScript action packed in a compressed object stream (PDF 1.5), listed by an xref stream: no byte of
    its names is visible in the file."""
    action = b"<< /S /JavaScript /JS (app.launchURL\\('http://example.invalid'\\)) >>"
    header = b"4 0 "
    packed = zlib.compress(header + action)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    bodies = {1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", 2: PAGES[0], 3: PAGES[1],
              5: b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                 % (len(header), len(packed), packed)}
    for number, body in bodies.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[6] = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big")]
    for number in range(1, 7):
        if number == 4:
            rows.append(b"\x02" + (5).to_bytes(4, "big") + (0).to_bytes(2, "big"))
        else:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big"))
    table = b"".join(rows)
    out += (b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n%s\nendstream\nendobj\n"
            % (len(table), table))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(out)


def pdf_launch_on_page_open():
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R >>", PAGES[0],
                         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /AA << /O 4 0 R >> >>",
                         b"<< /S /Launch /F (cmd.exe) >>"])


def pdf_encrypted():
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R >>", *PAGES,
                         b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"00" * 32, b"00" * 32)],
                        trailer=b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"ab" * 16, b"ab" * 16))
