"""The demo's search index: built last, once every app's demo content (and the CMS pages the links need) exist."""

from .models import Document, Word


def build(*, author=None):
    from cms.utils.apphook_reload import reload_urlconf
    from django.core.management import call_command

    reload_urlconf()  # the section pages (and their apphooks) were made by this run: links need them
    before = Document.objects.count()
    call_command("search_reindex", "--no-progress", verbosity=0)
    return max(0, Document.objects.count() - before)  # documents the demo added (0 when built again)


def delete():
    count = Document.objects.count()
    from . import backends

    Document.objects.all().delete()
    Word.objects.all().delete()
    backends.fts_rebuild()
    return count
