"""The product-category tree, read once per catalogue version (it shows on the directory, company pages and the
docking board, and changes only when an editor edits a category in the admin, which bumps the version)."""

from django.db import transaction
from django.utils.translation import get_language

from apps.core.cache import PublicPageCache

catalogue_cache = PublicPageCache("catalogue")  # pages showing category names list "catalogue" in their `also`


def category_tree_memo(build):
    """`build()` (the tree, its objects speaking the active language) once per catalogue version and language."""
    return catalogue_cache.memo(f"tree:{get_language()}", build)


def catalogue_changed():
    """Call when categories change: pages and memos showing them go stale after commit."""
    transaction.on_commit(catalogue_cache.bump)
