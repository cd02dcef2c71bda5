"""Demo data for Valley Portal: `manage.py load_demo` builds it, `manage.py reset_demo` rebuilds it.

The content lives in fixtures/demo/ (JSON, both languages). Loading is idempotent: what exists is kept, only what
is missing is created. The demo's records are found again by their keys in the fixtures: page reverse ids,
company slugs and usernames.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction

from ..links import site_netloc
from .companies import companies_build, companies_delete
from .fixtures import demo_data_read
from .pages import pages_build, pages_delete
from .users import memberships_build, users_build, users_delete


# Demo data of the feature apps: modules with `build(*, author)` (idempotent, returns how many records it
# created) and `delete()` (returns how many it deleted). Built in this order after the pages, deleted in reverse.
EXTENSIONS = [
    "apps.notifications.demo",
    "apps.expo.demo",
    "apps.forums.demo",
    "apps.news.demo",
    "apps.trading.demo",
]


def _extensions():
    return [import_module(path) for path in EXTENSIONS]  # module paths: import_string wants "module.attribute"


@dataclass
class DemoReport:
    pages: int = 0  # page contents (one page in one language)
    companies: int = 0
    users: int = 0
    extras: dict = field(default_factory=dict)  # extension module path -> records created or deleted
    kept_users: list = field(default_factory=list)  # usernames
    adopted_pages: list = field(default_factory=list)  # reverse ids of pages that existed before, taken over


def _caches_clear():
    from cms.cache import invalidate_cms_page_cache
    from menus.menu_pool import menu_pool

    invalidate_cms_page_cache()
    menu_pool.clear(all=True)


def _site_update(values):
    values = {**values, "domain": site_netloc()}  # the admin's "view on site" follows SITE_URL too
    site, _created = Site.objects.update_or_create(pk=settings.SITE_ID, defaults=values)
    Site.objects.clear_cache()
    return site


@transaction.atomic
def demo_load(*, data=None):
    """Build the demo site: the Site, users, companies and published bilingual pages. Returns what was created."""
    data = data or demo_data_read()
    site = _site_update(data.site)
    report = DemoReport()
    report.users = users_build(users=data.users)
    report.companies = companies_build(companies=data.companies)
    memberships_build(users=data.users)
    author = get_user_model().objects.get(username=data.pages_author)
    report.pages, report.adopted_pages = pages_build(pages=data.pages, author=author, site=site)
    for path, extension in zip(EXTENSIONS, _extensions()):
        report.extras[path] = extension.build(author=author)
    transaction.on_commit(_caches_clear)
    return report


@transaction.atomic
def demo_delete(*, data=None):
    """Delete what `demo_load` builds (the Site record itself stays). Returns what was deleted."""
    data = data or demo_data_read()
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    report = DemoReport()
    for path, extension in reversed(list(zip(EXTENSIONS, _extensions()))):
        report.extras[path] = extension.delete()
    if site is not None:
        report.pages = pages_delete(pages=data.pages, site=site)  # first: versions protect their authors
    report.companies = companies_delete(companies=data.companies)
    report.users, report.kept_users = users_delete(users=data.users)
    transaction.on_commit(_caches_clear)
    return report


@transaction.atomic
def demo_reset(*, data=None):
    """Delete the demo data and build it again, in one transaction. Returns (deleted, created)."""
    data = data or demo_data_read()
    return demo_delete(data=data), demo_load(data=data)
