"""The demo's django CMS pages: created as drafts, filled with text and app plugins, then published per language.

django CMS 5.1 with djangocms-versioning: `create_page` / `create_page_content` make draft versions, plugins
must go in before publishing (a published version is read-only), a page gets its URL at its first publish and
`set_as_homepage` must run in a transaction.
"""

from cms.api import add_plugin, create_page, create_page_content
from cms.models import CMSPlugin, Page, PageContent, Placeholder
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from djangocms_versioning.models import Version

from .fixtures import html

CONTENT_FIELDS = ("title", "slug", "menu_title", "page_title", "meta_description")


def _content_fields(spec, language):
    values = spec["content"][language]
    return {name: values[name] for name in CONTENT_FIELDS if values.get(name)}


def _plugin_fields(plugin, language):
    """(plugin type, fields) of one plugin of a page spec in `language`, or None when it has none in it: a text
    block (HTML per language) or an app's plugin (`plugin_type`, its `languages` and `options`)."""
    if "plugin_type" in plugin:
        return (plugin["plugin_type"], plugin.get("options", {})) if language in plugin["languages"] else None
    return ("TextPlugin", {"body": html(plugin[language])}) if language in plugin else None


def _plugins_add(*, content, spec, language):
    """Add the page's plugins of one language to the placeholders of its (draft) content; return those."""
    placeholders = content.rescan_placeholders()  # {slot: Placeholder}, creating the missing ones
    for plugin in spec.get("plugins", []):
        found = _plugin_fields(plugin, language)
        if found is None:
            continue
        placeholder = placeholders.get(plugin["placeholder"])
        if placeholder is None:
            raise ValueError(_("Demo page %(page)s: template %(template)s has no placeholder %(slot)s.") % {
                "page": spec["reverse_id"], "template": spec["template"], "slot": plugin["placeholder"]})
        add_plugin(placeholder, found[0], language, **found[1])
    return list(placeholders.values())


def _content_create(*, page, spec, language, author, site):
    """Create one language of a page (and the page itself if `page` is None); return the page and the draft."""
    fields = _content_fields(spec, language)
    options = {"template": spec["template"], "created_by": author, "in_navigation": True}
    if page is None:
        page = create_page(language=language, reverse_id=spec["reverse_id"], site=site, **options, **fields)
        return page, PageContent.admin_manager.get(page=page, language=language)
    return page, create_page_content(language=language, page=page, **options, **fields)


def _page_find(*, spec, site):
    """The demo page of `spec`: the page with its reverse id, else the page at its address (the home page, or a
    top-level page with its slug) that has no reverse id yet, e.g. one made by hand before the demo was loaded."""
    page = Page.objects.filter(site=site, reverse_id=spec["reverse_id"]).first()
    if page is not None:
        return page
    if spec.get("is_home"):
        candidates = Page.objects.filter(site=site, is_home=True)
    else:
        language, values = next(iter(spec["content"].items()))
        candidates = Page.objects.filter(site=site, urls__language=language, urls__path=values["slug"])
    return candidates.filter(reverse_id__isnull=True).first()


def pages_build(*, pages, author, site):
    """Create the missing pages and page languages, published and in the menu.

    A page already at a demo page's address is taken over (given the demo's reverse id) and what it holds is kept.
    Returns how many page contents were created and the reverse ids of the pages taken over.
    """
    created, adopted, filled = 0, [], []
    for spec in pages:
        page = _page_find(spec=spec, site=site)
        if page is not None and page.reverse_id != spec["reverse_id"]:
            Page.objects.filter(pk=page.pk).update(reverse_id=spec["reverse_id"])
            page.reverse_id = spec["reverse_id"]
            adopted.append(spec["reverse_id"])
        for language in spec["content"]:
            if page is not None and PageContent.admin_manager.filter(page=page, language=language).exists():
                continue  # keep what is there, including an editor's changes
            page, content = _content_create(page=page, spec=spec, language=language, author=author, site=site)
            placeholders = _plugins_add(content=content, spec=spec, language=language)
            filled += [(placeholder, language) for placeholder in placeholders]
            Version.objects.get_for_content(content).publish(author)
            created += 1
        _apphook_attach(page=page, spec=spec)
        if spec.get("is_home") and not page.is_home:
            with transaction.atomic():
                page.set_as_homepage(author)
    transaction.on_commit(lambda: _placeholder_caches_clear(filled, site))
    return created, adopted


def _apphook_attach(*, page, spec):
    """Hook the app named by the spec's "apphook" (and "apphook_namespace") into the page, if not done yet."""
    apphook, namespace = spec.get("apphook"), spec.get("apphook_namespace")
    if apphook and (page.application_urls, page.application_namespace) != (apphook, namespace):
        Page.objects.filter(pk=page.pk).update(application_urls=apphook, application_namespace=namespace)
        page.application_urls, page.application_namespace = apphook, namespace
        transaction.on_commit(_urls_reload)


def _urls_reload():
    from cms.appresolver import clear_app_resolvers
    from django.urls import clear_url_caches

    clear_app_resolvers()
    clear_url_caches()


def _placeholder_caches_clear(filled, site):
    # The placeholder cache is keyed by placeholder id: a database rebuilt under a surviving cache (Redis keeps
    # its data) would otherwise serve the old content of a placeholder with the same id.
    for placeholder, language in filled:
        placeholder.clear_cache(language, site_id=site.pk)


def pages_delete(*, pages, site):
    """Delete the demo pages (and pages below them) with every version, placeholder and plugin; return how many."""
    roots = [page for page in (_page_find(spec=spec, site=site) for spec in pages) if page is not None]
    if not roots:
        return 0
    page_ids = set()
    for root in roots:
        page_ids.update(Page.get_tree(root).values_list("pk", flat=True))
    content_ids = list(PageContent.admin_manager.filter(page__in=page_ids).values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(PageContent)
    # Versions point at their content through a generic key: nothing cascades to them.
    versions = Version.objects.filter(content_type=content_type, object_id__in=content_ids)
    versions.update(source=None)  # `source` is protected unless DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS
    versions.delete()
    # As django CMS's own page admin does: plugins, then placeholders, then the pages.
    placeholders = Placeholder.objects.filter(content_type=content_type, object_id__in=content_ids)
    QuerySet.delete(CMSPlugin.objects.filter(placeholder__in=placeholders))
    placeholders.delete()
    for root in roots:
        page = Page.objects.filter(pk=root.pk).first()  # may already be gone below another demo page
        if page is not None:
            page.delete()
    return len(page_ids)
