"""PDF attachments for the demo notices, made locally with fpdf2.

Chinese text needs a CJK font: WenQuanYi Micro Hei (Debian package fonts-wqy-microhei) when installed, cut down
once to the characters the demo uses so that each PDF takes milliseconds; without it the PDFs hold the English
text only. Fonts and PDFs are kept in memory per process: building the demo again (reset_demo, tests) reuses them.
"""

import datetime
import functools
import io
import re
import tempfile
from pathlib import Path

from fpdf import FPDF

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)  # the same input gives the same bytes


def plain_text(html):
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text).strip()


class DemoPdfWriter:
    """Use as a context manager; `texts` are all the strings the PDFs will hold (for the font subset)."""

    def __init__(self, texts):
        self._directory = tempfile.TemporaryDirectory(prefix="valley-demo-pdf-")
        self.font_path = self._font_subset("".join(texts)) if CJK_FONT.exists() else None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._directory.cleanup()

    def _font_subset(self, text):
        path = Path(self._directory.name) / "demo-font.ttf"
        path.write_bytes(_font_subset_bytes("".join(sorted(set(text)))))
        return path

    def pdf(self, *, heading, sections):
        """A one-notice PDF: `heading` lines, then (title, paragraphs) per language."""
        key = (self.font_path is not None, tuple(heading), tuple((title, tuple(p)) for title, p in sections))
        if key not in _PDFS:
            _PDFS[key] = self._pdf(heading, sections)
        return _PDFS[key]

    def _pdf(self, heading, sections):
        pdf = FPDF(format="A4")
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_margins(20, 20, 20)
        pdf.add_page()
        if self.font_path:
            pdf.add_font("demo", fname=str(self.font_path))
            family = "demo"
        else:
            family = "helvetica"
            sections = [(title, paragraphs) for title, paragraphs in sections if title.isascii()]
        pdf.set_font(family, size=10)
        for line in heading:
            if self.font_path or line.isascii():
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        for title, paragraphs in sections:
            pdf.ln(6)
            pdf.set_font(family, size=15)
            pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(family, size=11)
            for paragraph in paragraphs:
                pdf.ln(2)
                pdf.multi_cell(0, 6.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())


_PDFS = {}


@functools.lru_cache(maxsize=2)
def _font_subset_bytes(characters):
    """The CJK font cut down to `characters` (plus ASCII), without layout tables: the PDFs need no shaping."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(CJK_FONT), fontNumber=0)
    options = subset.Options()
    options.notdef_outline = True
    options.layout_features = []
    options.drop_tables += ["FFTM", "GSUB", "GPOS", "GDEF"]  # FFTM: a FontForge stamp fontTools cannot subset
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters + "".join(chr(code) for code in range(32, 127)))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()
