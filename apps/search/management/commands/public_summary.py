from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from apps.search.selectors_summary import public_counts


class Command(BaseCommand):
    @property
    def help(self):  # a property, since argparse cannot format a lazy string
        return _("Say how many companies, products, articles, sessions, notices... visitors find on the site now.")

    def handle(self, *args, **options):
        counts = ", ".join(f"{label} {count}" for label, count in public_counts())
        self.stdout.write(_("What visitors find on the site: %(counts)s.") % {"counts": counts})
