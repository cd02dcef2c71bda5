"""Helpers of the home-page plugin tests: place an app's plugin on the home page (a new published version in
each language, as an editor would), render one plugin on its own, and read the home page as a visitor."""

from cms.api import add_plugin
from cms.models import PageContent
from django.template.loader import render_to_string
from django.utils import translation
from djangocms_versioning.models import Version


def home_plugin_place(page, user, plugin_type, *, slot, languages=("en", "zh-hans"), **fields):
    """Add `plugin_type` to placeholder `slot` of the home page in each language and publish; return the plugins
    by language."""
    placed = {}
    for language in languages:
        content = PageContent.admin_manager.current_content(page=page, language=language).get()  # the published
        draft = Version.objects.get_for_content(content).copy(user)
        placeholder = draft.content.get_placeholders().get(slot=slot)
        placed[language] = add_plugin(placeholder, plugin_type, language, **fields)
        draft.publish(user)
    return placed


def plugin_html(instance, language):
    """The plugin's HTML in `language`, rendered as django CMS does (its render(), then its template)."""
    with translation.override(language):
        plugin = instance.get_plugin_class_instance()
        context = plugin.render({"LANGUAGE_CODE": language}, instance, instance.placeholder)
        return render_to_string(plugin.render_template, context)


def home_html(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    return response.content.decode()
