"""Highlighted snippets: a window of a document's plain text around the first match, escaped first, then the
matched words wrapped in <mark>, so nothing of the text can become markup."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import tokens

WIDTH = 160


def _pattern(query):
    han, latin = tokens.highlight_words(query)
    parts = [re.escape(word) for word in sorted(han, key=len, reverse=True)]
    parts += [rf"\b{re.escape(word)}\w*" for word in latin]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def highlighter(query):
    """A function text -> safe HTML for this query (compiles the pattern once per page)."""
    pattern = _pattern(query)

    def mark(text, width=None):
        text = text or ""
        if width is not None and len(text) > width:
            found = pattern.search(text) if pattern else None
            start = max(0, found.start() - width // 4) if found else 0
            text = ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
        if pattern is None:
            return mark_safe(escape(text))
        pieces, position = [], 0
        for found in pattern.finditer(text):
            pieces += [escape(text[position:found.start()]), "<mark>", escape(found.group()), "</mark>"]
            position = found.end()
        pieces.append(escape(text[position:]))
        return mark_safe("".join(pieces))

    return mark


def snippet(query, text):
    return highlighter(query)(text, WIDTH)
