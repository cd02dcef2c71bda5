"""Word-level inline diff of two texts for review screens (article revisions, exhibitor profile changes).

Words are compared with difflib; CJK characters count one by one (Chinese has no spaces between words), spaces
and punctuation are tokens of their own. The result is HTML: the new text, with what was removed in <del> and
what was added in <ins>, everything else escaped.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

TOKEN = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|\w+|\s+|[^\w\s]")


def inline_diff(old, new):
    """HTML showing `new` with words removed from `old` in <del> and words added in <ins>."""
    old_tokens, new_tokens = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(''.join(old_tokens[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(''.join(new_tokens[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # every piece of text is escaped above
