"""CMS toolbar on News Center pages: "Add article" and, on an article page, "Edit this article"."""

from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from cms.utils.urlutils import admin_reverse
from django.utils.translation import gettext_lazy as _

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
        article = getattr(self.request, "news_article", None)
        if article is not None and user.has_perm("news.change_article") \
                and user.has_perm("news.edit_article", article):
            menu.add_sideframe_item(_("Edit this article"), url=admin_reverse("news_article_change", args=[article.pk]))
            if user.has_perm("news.preview_article"):
                menu.add_link_item(_("Preview this article"), url=news_url("preview", pk=article.pk))
        menu.add_sideframe_item(_("All articles"), url=admin_reverse("news_article_changelist"))
