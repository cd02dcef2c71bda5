"""PDF documents accepted by the site: complete, not encrypted, and without active content.

Refused: JavaScript (/JS, /JavaScript), automatic actions (/AA; an /OpenAction other than "open at this page"),
launch actions (/Launch) and embedded files (/EmbeddedFile, /EmbeddedFiles, /EF). Used by trading attachments
(apps.trading.uploads) and django-filer uploads (apps.core.filer_policy).

Two scans, because either alone can be fooled:
- a parser (pypdf) reads every object the cross-reference tables list, including the objects packed in compressed
  object streams, whatever their filters, with hex-escaped names (/J#61vaScript) decoded. A byte scan cannot see
  inside those streams, and only a parser can tell an /OpenAction that opens page one (most office exports write one)
  from one that runs a script;
- a byte scan of every name outside stream data, #xx escapes decoded, catches what a viewer's repair mode might find
  but the parser did not (an object missing from the tables, an older copy of an object). When pypdf cannot read the
  file at all, the byte scan covers the whole file, and a file with object streams or encryption is refused, since
  nothing could be seen inside them.
"""

import io
import logging
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_OBJECTS = 200_000  # more objects than any real notice or brochure; the scan stays within seconds
ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EF", "/Launch"}
ACTIVE_VALUES = {"/JavaScript", "/Launch", "/EmbeddedFile"}  # e.g. /S /JavaScript, /Type /EmbeddedFile
RAW_ACTIVE = {b"JS", b"JavaScript", b"AA", b"EmbeddedFiles", b"EmbeddedFile", b"EF", b"Launch"}
NAME = re.compile(rb"/((?:[^\x00\t\n\x0c\r /()<>\[\]{}%#]|#[0-9A-Fa-f]{2})+)")
STREAM_DATA = re.compile(rb"stream(?:\r\n|\n|\r).*?endstream", re.S)
HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every repair; a refusal says enough

DAMAGED = _("The PDF file is incomplete or damaged.")
ENCRYPTED = _("Encrypted or password-protected PDF files are not accepted. Save the document without protection and "
              "upload it again.")


def pdf_check(data):
    """Refuse (ValidationError, a message for the uploader) a PDF that is damaged, encrypted or carries active
    content; `data` starts with "%PDF-"."""
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(DAMAGED, code="damaged_pdf")
    try:
        found = _parsed_findings(data)
        raw = data if found is None else STREAM_DATA.sub(b"stream endstream", data)
    except ValidationError:
        raise
    except Exception:  # pypdf raises many kinds of error on malformed files
        found, raw = None, data
    names = _raw_names(raw)
    if found is None:  # unreadable by the parser: what it would have checked cannot be checked
        if b"Encrypt" in names:
            raise ValidationError(ENCRYPTED, code="encrypted_pdf")
        if b"ObjStm" in names:
            raise ValidationError(DAMAGED, code="damaged_pdf")
        found = set()
    found |= {f"/{name.decode('latin-1')}" for name in names & RAW_ACTIVE}
    if found:
        raise ValidationError(
            _("PDF files with scripts, automatic or launch actions or embedded files are not accepted (found: "
              "%(names)s). Save or print the document to a new PDF without them and upload it again."),
            code="active_pdf", params={"names": ", ".join(sorted(found))})


def _raw_names(data):
    return {HEX_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), name) for name in NAME.findall(data)}


def _parsed_findings(data):
    """The active-content names pypdf finds in every listed object, or None when it cannot read the file."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception:
        return None
    if reader.is_encrypted:
        raise ValidationError(ENCRYPTED, code="encrypted_pdf")
    refs = [(number, generation) for generation, entries in reader.xref.items() for number in entries]
    refs += [(number, 0) for number in reader.xref_objStm]
    if len(refs) > MAX_OBJECTS:
        raise ValidationError(_("The PDF file has more than %(limit)s objects, too many to be checked."),
                              code="complex_pdf", params={"limit": f"{MAX_OBJECTS:,}"})
    found = set()
    _scan(reader.trailer, found)
    for number, generation in refs:
        _scan(reader.get_object(IndirectObject(number, generation, reader)), found)
    return found


def _scan(root, found):
    """Add the active names of one object and its direct children (references are scanned as objects of their own)."""
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, DictionaryObject):  # stream objects too: their dictionary
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    found.add(key)
                if key == "/OpenAction" and not _opens_a_page(value):
                    found.add(key)
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, NameObject) and item in ACTIVE_VALUES:
            found.add(str(item))


def _opens_a_page(action):
    """Whether an /OpenAction only shows a page: a destination array, or a GoTo action with nothing chained."""
    if isinstance(action, ArrayObject):
        return True
    return isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo" and "/Next" not in action
