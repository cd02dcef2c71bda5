"""manage.py search_reindex [--type TYPE ...]: rebuild the search index from the apps' public content."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from apps.search import backends, services
from apps.search.registry import sources


class Command(BaseCommand):
    help = "Rebuild the site-search index (every registered type, or those given with --type)."

    def add_arguments(self, parser):
        parser.add_argument("--type", action="append", dest="types", metavar="TYPE",
                            help="Only this type (repeatable): " + ", ".join(source.type for source in sources()))
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument("--summary", metavar="PATH", help="Also write the figures as JSON to this file.")

    def handle(self, *args, types=None, no_progress=False, summary=None, verbosity=1, **options):
        known = [source.type for source in sources()]
        unknown = sorted(set(types or ()) - set(known))
        if unknown:
            raise CommandError(f"Unknown type(s): {', '.join(unknown)}. Known: {', '.join(known)}.")
        started = time.monotonic()
        total = 0
        for type in types or known:
            total += services.type_reindex(type=type, progress=self._progress(type, no_progress or verbosity < 1))
        if not types:
            backends.fts_rebuild()
        words = services.words_rebuild()
        size = backends.index_size()
        if summary:
            Path(summary).write_text(json.dumps({"documents": total, "words": words, "bytes": size,
                                                 "seconds": round(time.monotonic() - started, 1)}))
        self.stdout.write(f"indexed {total} documents, {words} words in {time.monotonic() - started:.1f} s"
                          + (f", {size / 1048576:.1f} MiB" if size else ""))

    def _progress(self, type, quiet):
        if quiet:
            return None
        from tqdm import tqdm

        bar = {}

        def progress(done, total):
            if "bar" not in bar:
                bar["bar"] = tqdm(total=total, desc=type, unit="obj", file=self.stderr, leave=True)
            bar["bar"].update(done - bar["bar"].n)
            if done >= total:
                bar["bar"].close()

        return progress
