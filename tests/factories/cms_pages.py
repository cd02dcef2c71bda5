"""Published, bilingual django CMS pages for tests."""

import factory
from cms.api import create_page, create_page_content
from cms.models import Page, PageContent
from django.db import transaction
from djangocms_versioning.models import Version

from .accounts import UserFactory


def urls_reload():
    """Rebuild the URL resolvers, so an apphook attached to a page takes effect (and a removed one goes).

    Besides clear_app_resolvers() and clear_url_caches() this re-imports cms.urls and the root URLconf: their
    patterns are built from the apphooked pages at import time, and django CMS finds an apphook's page (for
    request.current_page, menus and breadcrumbs) only through resolvers built by that import.
    """
    from cms.utils.apphook_reload import reload_urlconf

    reload_urlconf()


def apphook_detach(page):
    """Take the apphook off a page and rebuild the URLs (a fixture's teardown, before the rollback)."""
    Page.objects.filter(pk=page.pk).update(application_urls=None, application_namespace=None)
    urls_reload()


class PageFactory(factory.django.DjangoModelFactory):
    """A django CMS page published in English and Chinese (through cms.api, as an editor would make it);
    `apphook` (a CMSApp class name) hooks an app into it, `home=True` makes it the home page."""

    class Meta:
        model = Page

    title_en = factory.Sequence(lambda n: f"Page {n}")
    title_zh = factory.Sequence(lambda n: f"页面{n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    template = "cms/page.html"
    parent = None
    home = False
    user = None
    apphook = None
    apphook_namespace = None

    @classmethod
    def _create(cls, model_class, *, title_en, title_zh, slug, template, parent, home, user, apphook,
                apphook_namespace):
        user = user or UserFactory(is_staff=True, is_superuser=True)
        with transaction.atomic():
            page = create_page(title_en, template, "en", slug=slug, parent=parent, created_by=user,
                               in_navigation=True)
            create_page_content("zh-hans", title_zh, page, slug=slug, template=template, created_by=user,
                                in_navigation=True)
            for content in PageContent.admin_manager.filter(page=page):
                Version.objects.get_for_content(content).publish(user)
            if home:
                page.set_as_homepage()
            if apphook:
                Page.objects.filter(pk=page.pk).update(application_urls=apphook,
                                                       application_namespace=apphook_namespace or None)
                page.application_urls, page.application_namespace = apphook, apphook_namespace
        if apphook:
            urls_reload()
        return page
