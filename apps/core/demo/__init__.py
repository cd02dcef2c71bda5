"""Demo data for Valley Portal: `manage.py load_demo` builds it, `manage.py reset_demo` rebuilds it.

The content lives in fixtures/demo/ (JSON, both languages). Loading is idempotent: what exists is kept, only what
is missing is created. The demo's records are found again by their keys in the fixtures: page reverse ids,
company slugs and usernames.

Core builds the Site and the CMS pages; every other part comes from the app that owns its data, registered with
`apps.core.registries.demo_builder_register` in the app's ready() (users: accounts, companies and their members:
companies, then notifications, expo, forums, news and trading after the pages).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction
from django.utils.translation import gettext as _

from .. import registries
from ..links import site_netloc
from .fixtures import demo_data_read
from .pages import pages_build, pages_delete

PAGES = "pages"  # the report's key for core's own part, the CMS pages


def _steps():
    """(order, label, builder) of the registered builders and of core's pages (builder None), in build order."""
    steps = [(builder.order, builder.label, builder) for builder in registries.demo_builders.values()]
    return sorted([*steps, (registries.DEMO_PAGES_ORDER, PAGES, None)], key=lambda step: step[:2])


@dataclass
class DemoReport:
    counts: dict = field(default_factory=dict)  # PAGES or an app label -> records created (or deleted)
    notes: list = field(default_factory=list)  # messages for whoever runs the command

    def add(self, label, result):
        count, notes = result if isinstance(result, tuple) else (result, [])
        self.counts[label] = count
        self.notes.extend(notes)

    def summary(self):
        """"CMS pages 12, Accounts 2, ..." in the order the parts ran."""
        names = {PAGES: _("CMS pages")}
        return ", ".join(f"{names.get(label) or apps.get_app_config(label.split('.')[0]).verbose_name} {count}"
                         for label, count in self.counts.items())


def _caches_clear():
    from cms.cache import invalidate_cms_page_cache
    from menus.menu_pool import menu_pool

    from apps.core.cache import page_caches_bump_all

    invalidate_cms_page_cache()
    menu_pool.clear(all=True)
    page_caches_bump_all()


def _site_update(values):
    values = {**values, "domain": site_netloc()}  # the admin's "view on site" follows SITE_URL too
    site, _created = Site.objects.update_or_create(pk=settings.SITE_ID, defaults=values)
    Site.objects.clear_cache()
    return site


@transaction.atomic
def demo_load():
    """Build the demo site: the Site, then every app's part and the published bilingual pages (DemoBuilder order).
    Returns what was created."""
    data = demo_data_read()
    site = _site_update(data.site)
    report, author = DemoReport(), None
    for _order, label, builder in _steps():
        if builder is not None:
            report.add(label, builder.build(author=author))
            continue
        author = get_user_model().objects.get(username=data.pages_author)  # made by an earlier builder (accounts)
        created, adopted = pages_build(pages=data.pages, author=author, site=site)
        report.add(PAGES, (created, [_(
            "The existing page at the address of the demo page \"%(page)s\" was kept with its content; "
            "run reset_demo to replace it with the demo's.") % {"page": reverse_id} for reverse_id in adopted]))
    transaction.on_commit(_caches_clear)
    return report


@transaction.atomic
def demo_delete():
    """Delete what `demo_load` builds, in the reverse order (the Site record itself stays). Returns what was
    deleted."""
    data = demo_data_read()
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    report = DemoReport()
    for _order, label, builder in reversed(_steps()):
        if builder is not None:
            report.add(label, builder.delete())
        else:  # before the users: versions protect their authors
            report.add(PAGES, pages_delete(pages=data.pages, site=site) if site is not None else 0)
    transaction.on_commit(_caches_clear)
    return report


@transaction.atomic
def demo_reset():
    """Delete the demo data and build it again, in one transaction. Returns (deleted, created)."""
    return demo_delete(), demo_load()
