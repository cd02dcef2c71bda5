from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from apps.core.demo import demo_reset

from .load_demo import report_write


class Command(BaseCommand):
    @property
    def help(self):  # a property, since argparse cannot format a lazy string
        return _("Delete the demo pages, companies and users and build them again. A development tool: it never asks.")

    def add_arguments(self, parser):
        # Accepted for scripts that pass it by habit; the command never prompts anyway.
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help=_("Accepted and ignored: the command never asks for input."))

    def handle(self, *args, **options):
        deleted, created = demo_reset()
        report_write(self, deleted, _("Demo data deleted. Records deleted: %(counts)s."))
        report_write(self, created, _("Demo data loaded. Records created: %(counts)s."))
