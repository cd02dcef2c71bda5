from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from apps.core.demo import demo_load


def created_message(report):
    return _(
        "Demo data loaded: %(pages)d page translations, %(companies)d companies and %(users)d users created."
    ) % {"pages": report.pages, "companies": report.companies, "users": report.users}


def report_write(command, report):
    for reverse_id in report.adopted_pages:
        command.stderr.write(command.style.WARNING(_(
            "The existing page at the address of the demo page \"%(page)s\" was kept with its content; "
            "run reset_demo to replace it with the demo's."
        ) % {"page": reverse_id}))
    command.stdout.write(command.style.SUCCESS(created_message(report)))


class Command(BaseCommand):
    @property
    def help(self):  # a property, since argparse cannot format a lazy string
        return _(
            "Build the demo portal from fixtures/demo/: site, bilingual published pages, companies, an editor and "
            "an exhibitor. Running it again creates nothing new."
        )

    def handle(self, *args, **options):
        report_write(self, demo_load())
