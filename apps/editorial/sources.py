"""What the editors' desk registers itself: the translations needing an update (a queue source) and the titles of
the CMS pages (a completeness source; django CMS keeps one PageContent per page and language)."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import selectors
from .registry import CompletenessSource, QueueSource, completeness_register, lacks_name, queue_source_register


def _cms_pages():
    from cms.models import Page, PageContent
    from django.conf import settings

    contents = PageContent.admin_manager.filter(page=OuterRef("pk"))
    own = contents.filter(language=get_language()).values("title")[:1]
    other = contents.order_by("language").values("title")[:1]
    lacks = {lacks_name(code): ~Exists(contents.filter(language=code).exclude(title=""))
             for code, _name in settings.LANGUAGES}
    missing = Q()
    for name in lacks:
        missing |= Q(**{name: True})
    return Page.objects.annotate(label=Coalesce(Subquery(own), Subquery(other)), **lacks).filter(missing).order_by(
        "-pk")


def _cms_page_url(row, language):
    return f"{reverse('admin:cms_pagecontent_changelist')}?language={language}"


def register():
    queue_source_register(QueueSource(
        key="translations", label=_("Translations to update"), position=90,
        allowed=lambda user: bool(selectors.changeable_content_types(user)),
        rows=lambda *, user, limit: selectors.stale_slice(user, limit=limit)))
    completeness_register(CompletenessSource(
        key="pages", label=_("Pages (titles)"), permission="cms.change_page", rows=_cms_pages, url=_cms_page_url,
        position=90))
