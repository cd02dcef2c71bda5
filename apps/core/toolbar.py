"""The django CMS toolbar in the language of the page it is shown on.

django CMS writes the toolbar (and the plugins' editing chrome) in the staff user's own language
(`UserSettings.language`, stored the first time they open the admin, usually English), whatever the page's
language: a Chinese page then carries an English toolbar. On the site's pages the toolbar follows the page's
language instead; in the admin (which includes the edit and structure modes) the user's setting still applies.
"""

from cms.middleware.toolbar import ToolbarMiddleware
from cms.toolbar.toolbar import CMSToolbar
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language


def _in_admin(request):
    try:
        return request.path_info.startswith(reverse("admin:index"))
    except NoReverseMatch:
        return False


class PageLanguageToolbar(CMSToolbar):
    """django CMS's toolbar, in the page's language on the site's pages. django CMS sets the language up again in
    init_toolbar() (its {% cms_toolbar %} tag calls it once more), so that is where it is changed."""

    def init_toolbar(self, request, request_path=None):
        super().init_toolbar(request, request_path=request_path)
        if self.is_staff and not _in_admin(request):
            self.toolbar_language = get_language()
            self.toolbar_language_bidi = self.toolbar_language in settings.LANGUAGES_BIDI


class PageLanguageToolbarMiddleware(ToolbarMiddleware):
    """django CMS's toolbar middleware, building a toolbar that speaks the page's language (see the module)."""

    def process_request(self, request):
        super().process_request(request)
        if hasattr(request, "toolbar"):
            request.toolbar = SimpleLazyObject(lambda: PageLanguageToolbar(request))
