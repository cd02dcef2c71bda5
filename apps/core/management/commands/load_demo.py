from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from apps.core.demo import demo_load


def report_write(command, report, message):
    """The report's notes as warnings, then `message` with the counts of every part."""
    for note in report.notes:
        command.stderr.write(command.style.WARNING(note))
    command.stdout.write(command.style.SUCCESS(message % {"counts": report.summary()}))


class Command(BaseCommand):
    @property
    def help(self):  # a property, since argparse cannot format a lazy string
        return _(
            "Build the demo portal from fixtures/demo/: site, bilingual published pages, companies, an editor and "
            "an exhibitor. Running it again creates nothing new."
        )

    def handle(self, *args, **options):
        report_write(self, demo_load(), _("Demo data loaded. Records created: %(counts)s."))
