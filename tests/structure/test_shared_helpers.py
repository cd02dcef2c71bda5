"""Shared helpers live once (docs/architecture.md): the language codes come from apps.core.languages, pagination and
query strings from apps.core.paging, download names from apps.core.uploads, reverse-once links from apps.core.links.
A module that spells a language code or defines its own copy of one of these fails here."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORE = ROOT / "apps" / "core"
LANGUAGE_CODES = {"zh-hans", "zh_hans"}
SHARED = {  # name of a helper -> where it lives
    "translations_apply": "languages", "other_language": "languages", "query_without": "paging",
    "page_or_404": "paging", "paginate": "paging", "CountedPaginator": "paging", "safe_filename": "uploads",
    "url_maker": "links",
}
COPIES = {"_query_without", "_params_without", "_without_page", "page_of", "download_name", "_translations_apply",
          "_translations_set_all", "_other"}


def app_modules():
    for path in sorted((ROOT / "apps").rglob("*.py")):
        if "migrations" not in path.parts:
            yield path, ast.parse(path.read_text(), filename=str(path))


def test_no_language_code_is_spelled_outside_settings():
    found = [f"{path.relative_to(ROOT)}:{node.lineno}" for path, tree in app_modules() for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in LANGUAGE_CODES]
    assert found == [], "use apps.core.languages (CHINESE, CODES, other_language ...)"


def test_shared_helpers_are_defined_once_in_core():
    found = []
    for path, tree in app_modules():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                continue
            home = SHARED.get(node.name)
            if node.name in COPIES or (home and path != CORE / f"{home}.py"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert found == []
