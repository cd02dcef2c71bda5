"""What one waiting email becomes in a daily digest: its title, its link and a short summary.

Every kind's plain text is written the same way (a few lines, the link to what it is about as an absolute URL,
then the footer of notifications/email/_footer.txt), so the item is read from the rendered text: the footer and
the link lines are left out of the summary, the first link is the item's link.
"""

import re

from django.utils.text import Truncator

FOOTER = "\n--\n"  # the start of notifications/email/_footer.txt
URL = re.compile(r"https?://[^\s<>\"']+")
SUMMARY_WORDS = 40


def text_without_footer(text):
    """A plain-text email without the footer (links to manage and unsubscribe)."""
    return text.rsplit(FOOTER, 1)[0].strip() if FOOTER in text else text.strip()


def digest_item(subject, text):
    """{"title", "url", "summary"} of one email for the digest."""
    body = text_without_footer(text)
    found = URL.search(body)
    lines = [line for line in map(str.strip, body.splitlines())
             if line and line not in subject and not URL.search(line)]
    summary = Truncator(" ".join(lines)).words(SUMMARY_WORDS) if lines else ""
    if summary and len(summary) > 280:  # Chinese has no spaces between words: bound the characters as well
        summary = Truncator(summary).chars(280)
    return {"title": subject, "url": found.group(0).rstrip(".,;:)）。") if found else "", "summary": summary}
