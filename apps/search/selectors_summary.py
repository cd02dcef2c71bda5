"""How many things of each kind a visitor finds on the site now: what `make run` reports after loading the demo.

Counted from the search index, which holds one document per public object and language (drafts, pending changes,
unreleased and expired content are left out, and `public_from` / `public_until` are applied here as at query
time), so the counts are those of the pages, not of database rows (booths, translations, revisions)."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import Document
from .registry import sources


def public_counts(*, now=None):
    """[(label, count)] of the public objects of every registered type, in the registry's order."""
    now = now or timezone.now()
    visible = Document.objects.filter(Q(public_from__isnull=True) | Q(public_from__lte=now),
                                      Q(public_until__isnull=True) | Q(public_until__gt=now))
    counts = dict(visible.order_by().values("type").annotate(n=Count("object_id", distinct=True))
                  .values_list("type", "n"))
    return [(source.label, counts.get(source.type, 0)) for source in sources()]
