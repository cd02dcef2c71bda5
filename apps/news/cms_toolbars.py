"""CMS toolbar on News Center pages: "Add article" and, on an article page, "Edit this article".

The toolbar finds the article from the URL the request resolved to (the article or its preview), as the view
does. It does not use `toolbar.set_object()`: django CMS's own toolbar then offers Edit / Preview / Structure
buttons for the object, which lead nowhere for a model without placeholders (an article has none).
"""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import news_url


@toolbar_pool.register
class NewsToolbar(CMSToolbar):
    supported_apps = ("apps.news",)

    def populate(self):
        if not self.is_current_app:
            return
        user = self.request.user
        if not user.has_perm("news.add_article") and not user.has_perm("news.change_article"):
            return
        menu = self.toolbar.get_or_create_menu("news-menu", _("News Center"))
        if user.has_perm("news.add_article"):
            menu.add_sideframe_item(_("Add article"), url=admin_reverse("news_article_add"))
        article = self.shown_article()
        if article is not None and user.has_perm("news.change_article") \
                and user.has_perm("news.edit_article", article):
            menu.add_sideframe_item(_("Edit this article"), url=admin_reverse("news_article_change", args=[article.pk]))
            if user.has_perm("news.preview_article"):
                menu.add_link_item(_("Preview this article"), url=news_url("preview", pk=article.pk))
        menu.add_sideframe_item(_("All articles"), url=admin_reverse("news_article_changelist"))

    def shown_article(self):
        """The article this page shows (None on other News Center pages, where the article is missing in the
        page's language, or on a preview the user may not see)."""
        match = self.request.resolver_match
        if match is None or "news" not in match.namespaces:
            return None
        if match.url_name == "preview":
            allowed = self.request.user.has_perm("news.preview_article")
            return selectors.article_for_preview(pk=match.kwargs["pk"]) if allowed else None
        if match.url_name == "article":
            article, language = selectors.article_by_slug(slug=match.kwargs["slug"], language=get_language())
            return article if language == get_language() else None
        return None
