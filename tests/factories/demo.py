"""The demo built with some of its parts only: a feature app's demo test builds what its part reads, not the whole
site (the whole demo is built by tests/core/test_demo.py's test_every_extension_builds_once...)."""

from cms.models import Page

from apps.core import registries
from apps.core.demo import demo_load
from tests.factories.cms_pages import urls_reload


def demo_parts_only(monkeypatch, labels):
    """Until the test ends, the demo commands build the pages and the parts named in `labels` only."""
    monkeypatch.setattr(registries, "demo_builders", {
        label: builder for label, builder in registries.demo_builders.items() if label in labels})


def demo_parts_load(monkeypatch, settings, tmp_path, capture_on_commit, labels):
    """Build the demo's pages and the parts named in `labels` (with their on-commit work); the apphooks of its
    pages are in the URL resolvers until `demo_parts_unload`. Returns the load's report."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_parts_only(monkeypatch, labels)
    with capture_on_commit(execute=True):
        report = demo_load()
    urls_reload()
    return report


def demo_parts_unload():
    Page.objects.update(application_urls=None, application_namespace=None)
    urls_reload()
