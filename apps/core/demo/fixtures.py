"""Reading the demo content: readable JSON in both languages under fixtures/demo/.

The JSON files are the source of the demo content; they are written by hand, not dumped from a database.
HTML bodies are stored as lists of lines and joined here.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"


@dataclass(frozen=True)
class DemoData:
    site: dict  # {"name": ..., "domain": ...}
    users: list  # [{"username", "email", "password", "role", "preferred_language", "company", ...}]
    pages_author: str  # username of the demo user who creates and publishes the pages
    pages: list  # in menu order: [{"reverse_id", "template", "is_home", "content": {lang: {...}}, "plugins": [...]}]
    companies: list  # [{"slug", "segment", "logo": {...}, "translations": {lang: {...}}, ...}]


def html(value):
    """An HTML body from the fixtures: a string, or a list of lines."""
    return "\n".join(value) if isinstance(value, list) else value


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def demo_data_read(directory=DEMO_DIR):
    directory = Path(directory)
    site = _read(directory / "site.json")
    pages = [_read(directory / "pages" / f"{name}.json") for name in site["pages"]]
    companies = [company for path in sorted((directory / "companies").glob("*.json")) for company in _read(path)]
    return DemoData(
        site=site["site"], users=site["users"], pages_author=site["pages_author"], pages=pages, companies=companies,
    )
