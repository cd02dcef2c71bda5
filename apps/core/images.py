"""The one pipeline for uploaded raster images: every picture the site stores comes out of here.

Callers: exhibitor-portal and admin logos and product images (image_check, image_upload_clean), news covers
(apps.news.covers), speaker photos (apps.forums.photos), trading attachments (apps.trading.uploads) and
django-filer uploads (apps.core.filer_policy). The steps, whatever the caller:

1. a bounded read: never more than the byte limit + 1 bytes (apps.core.uploads.read_limited);
2. SVG refused: it is a document that can run scripts, not a picture;
3. `Image.open(..., formats=...)` with the caller's allow-list, so no other decoder ever sees the bytes;
4. the pixel count, read from the header, refused before anything is decoded. Pillow's process-wide
   `Image.MAX_IMAGE_PIXELS` is never changed (its own bomb check stays on, as a backstop);
5. `verify()`, then a real decode: truncated and damaged images are refused (this relies on Pillow's default
   `ImageFile.LOAD_TRUNCATED_IMAGES = False`);
6. re-encoding from the pixels alone, upright (EXIF orientation applied), colours converted to sRGB: no EXIF/GPS,
   XMP, comments, ICC profile or bytes after the image's end survive, so a polyglot's payload is gone;
7. each stored file drawn by a `Rendition` (output format, crop to an exact size or fit within a box).

Limits: settings.UPLOAD_IMAGE_MAX_BYTES and UPLOAD_IMAGE_MAX_PIXELS hold for the whole site; a caller's `Rules` may
be stricter, never more lenient. Animated GIF and WebP keep their first frame only.
"""

import io
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .uploads import EMPTY, read_limited, too_large

# The portal's logos and product pictures: stricter than the site-wide settings.
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000
MAX_SIDE = 2400  # larger logos and product pictures are scaled down when re-encoded

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
# First bytes of common image formats, only to tell the uploader which format was refused.
SIGNATURES = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
              (b"BM", "BMP"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"8BPS", "PSD"),
              (b"\x00\x00\x01\x00", "ICO"))
NOT_AN_IMAGE = {"invalid", "format", "svg"}  # error codes meaning "some other kind of file", not a bad image
KEPT_INFO = ("transparency",)  # the only Image.info entry a re-encoded image keeps: it is pixels, not metadata

TOO_LARGE = _("The file is %(size)s; the largest image accepted is %(limit)s.")
TOO_MANY_PIXELS = _("The image is %(width)s × %(height)s pixels; the largest image accepted has %(limit)s "
                    "megapixels.")
TOO_MANY_PIXELS_EXACT = _("The image is %(width)s × %(height)s pixels; the largest image accepted has %(limit)s "
                          "pixels.")


@dataclass(frozen=True)
class Rules:
    """What an upload must be to be accepted."""

    formats: tuple = ("JPEG", "PNG", "WEBP")  # Pillow format names
    min_side: int = 0  # the shortest side, in pixels
    max_bytes: int | None = None  # stricter than settings.UPLOAD_IMAGE_MAX_BYTES
    max_pixels: int | None = None  # stricter than settings.UPLOAD_IMAGE_MAX_PIXELS

    def byte_limit(self):
        return min(filter(None, (settings.UPLOAD_IMAGE_MAX_BYTES, self.max_bytes)))

    def pixel_limit(self):
        return min(filter(None, (settings.UPLOAD_IMAGE_MAX_PIXELS, self.max_pixels)))

    def labels(self):
        return ", ".join(LABELS.get(name, name) for name in self.formats)


@dataclass(frozen=True)
class Rendition:
    """How one stored file is drawn from an accepted image."""

    format: str | None = None  # "JPEG", "PNG", "WEBP" or "GIF"; None keeps the upload's format
    crop: tuple | None = None  # (width, height): scaled and cut (centred) to exactly this size
    fit: tuple | None = None  # (width, height): scaled down, never up, to fit within this box
    quality: int = 88  # JPEG and WebP


@dataclass(frozen=True)
class CheckedImage:
    content: bytes  # re-encoded: pixels only, no metadata
    extension: str
    width: int
    height: int
    format: str = "PNG"

    @property
    def content_type(self):
        return CONTENT_TYPES[self.format]


def image_read(upload, rules):
    """The upload's bytes, refused when empty or over the byte limit (read no further than the limit)."""
    return read_limited(upload, rules.byte_limit(), TOO_LARGE)


def image_validate(upload, rules):
    """Run every check on an upload (it is decoded once); return its bytes, to be rendered later."""
    data = image_read(upload, rules)
    image_open(data, rules, name=getattr(upload, "name", "") or "")
    return data


def image_check(source, rules=None, rendition=None):
    """One re-encoded image (CheckedImage) from an upload (a file object) or its bytes, or a ValidationError with a
    message for the uploader. Without rules and rendition: the portal's logos and product pictures."""
    rules = rules or Rules(max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS)
    rendition = rendition or Rendition(fit=(MAX_SIDE, MAX_SIDE))
    name = getattr(source, "name", "") or ""
    data = source if isinstance(source, bytes) else image_read(source, rules)
    image, image_format = image_open(data, rules, name=name)
    return image_encode(image, image_format, rendition)


def image_renditions(data, rules, renditions):
    """{name: CheckedImage} for a {name: Rendition} mapping, all drawn from one decode of `data`."""
    image, image_format = image_open(data, rules)
    return {name: image_encode(image, image_format, rendition) for name, rendition in renditions.items()}


def image_upload_clean(upload):
    """A form field's clean step: the upload checked and re-encoded, as a file with a fresh name (None stays)."""
    if not upload or not hasattr(upload, "read"):
        return upload  # empty, or the file already stored (unchanged in the form)
    checked = image_check(upload)
    return ContentFile(checked.content, name=f"{uuid.uuid4().hex[:16]}.{checked.extension}")


# --- checking ---

def image_open(data, rules, *, name=""):
    """(image, format): `data` decoded, upright, in sRGB and without metadata, after every check of `rules`."""
    if not data:
        raise ValidationError(EMPTY, code="empty")
    if len(data) > rules.byte_limit():
        raise too_large(len(data), rules.byte_limit(), TOO_LARGE)
    if _is_svg(data, name):
        raise ValidationError(_("SVG images are not accepted (they can carry scripts). Accepted formats: "
                                "%(formats)s."), code="svg", params={"formats": rules.labels()})
    try:
        probe = Image.open(io.BytesIO(data), formats=rules.formats)  # reads the header only
    except Image.DecompressionBombError as exc:  # Pillow's own ceiling, far above ours
        raise ValidationError(_("The image has more than %(limit)s pixels, the largest image accepted."),
                              code="too_many_pixels", params={"limit": f"{rules.pixel_limit():,}"}) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _unidentified(data, rules) from exc
    with probe:
        image_format = "JPEG" if probe.format == "MPO" else probe.format  # MPO: a camera JPEG with extra frames
        width, height = probe.size
        _pixels_check(width, height, rules.pixel_limit())
        try:
            probe.verify()
        except Exception as exc:  # Pillow raises many kinds of error on damaged data
            raise _damaged() from exc
    try:
        image = Image.open(io.BytesIO(data), formats=(image_format,))
        image.load()  # the real decode: a truncated image raises here
    except Exception as exc:
        raise _damaged() from exc
    if min(image.size) < rules.min_side:
        raise ValidationError(_("The image is too small (at least %(min)s pixels on each side)."), code="small",
                              params={"min": rules.min_side})
    return _clean(image), image_format


def _is_svg(data, name):
    head = data[:2048].lstrip().lower()
    return name.lower().endswith((".svg", ".svgz")) or head.startswith(b"<?xml") or b"<svg" in head


def _unidentified(data, rules):
    found = next((label for signature, label in SIGNATURES if data.startswith(signature)), None)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        found = "WEBP"
    elif data[4:8] == b"ftyp":
        found = "HEIF/AVIF"
    if found in rules.formats:
        return _damaged()  # the right kind of file, but Pillow cannot read its header
    if found:
        return ValidationError(_("This image format (%(format)s) is not accepted. Accepted formats: %(formats)s."),
                               code="format", params={"format": LABELS.get(found, found), "formats": rules.labels()})
    return ValidationError(_("The file is not an image we can read. Accepted formats: %(formats)s."),
                           code="invalid", params={"formats": rules.labels()})


def _pixels_check(width, height, limit):
    if width * height <= limit:
        return
    if limit % 1_000_000 == 0:
        message, shown = TOO_MANY_PIXELS, limit // 1_000_000
    else:
        message, shown = TOO_MANY_PIXELS_EXACT, f"{limit:,}"
    raise ValidationError(message, code="too_many_pixels", params={"width": width, "height": height, "limit": shown})


def _damaged():
    return ValidationError(_("The image is damaged and cannot be read."), code="damaged")


# --- re-encoding ---

_SRGB = []  # the sRGB profile, made on first use


def _clean(image):
    """Upright, sRGB, and with no metadata left in `info` (Pillow writes some of it back when saving)."""
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # a broken EXIF block: keep the pixels as stored
        pass
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        if not _SRGB:
            _SRGB.append(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")))
        try:
            image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _SRGB[0],
                                              outputMode="RGBA" if image.mode == "RGBA" else "RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # an unusable profile: the pixels are kept as they are
    kept = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    image.info = kept
    return image


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _flatten(image):
    """Transparency drawn on white, for JPEG."""
    rgba = image.convert("RGBA")
    ground = Image.new("RGB", rgba.size, "white")
    ground.paste(rgba, mask=rgba.getchannel("A"))
    return ground


def _for_format(image, target):
    """The image in a mode the target format stores."""
    if target == "JPEG":
        if _has_alpha(image):
            return _flatten(image)
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if target == "PNG":
        if image.mode in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
            return image
        return image.convert("RGBA" if _has_alpha(image) else "RGB")
    if target == "WEBP":
        if image.mode in ("RGB", "RGBA"):
            return image
        return image.convert("RGBA" if _has_alpha(image) else "RGB")
    if target == "GIF":
        if image.mode in ("P", "L", "1"):
            return image
        return image.convert("RGBA").quantize() if _has_alpha(image) else image.convert("RGB").quantize()
    raise ValueError(f"unknown output format {target}")


def image_encode(image, image_format, rendition):
    """A CheckedImage drawn from a checked, decoded image (image_open) as `rendition` says."""
    target = rendition.format or image_format
    resize = rendition.crop or (rendition.fit and (image.width > rendition.fit[0] or image.height > rendition.fit[1]))
    if resize and target != "GIF" and image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")  # palette images resize badly
    if rendition.crop:
        image = ImageOps.fit(image, rendition.crop, method=Image.Resampling.LANCZOS)
    elif resize:
        image = ImageOps.contain(image, rendition.fit, method=Image.Resampling.LANCZOS)
    image = _for_format(image, target)
    image.info = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    options = {"JPEG": {"quality": rendition.quality, "optimize": True, "progressive": True},
               "WEBP": {"quality": rendition.quality}, "PNG": {"optimize": True}, "GIF": {}}[target]
    buffer = io.BytesIO()
    try:
        image.save(buffer, format=target, **options)
    except (OSError, ValueError) as exc:
        raise _damaged() from exc
    return CheckedImage(buffer.getvalue(), EXTENSIONS[target], image.width, image.height, target)
