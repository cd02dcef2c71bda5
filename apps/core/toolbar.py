"""The django CMS toolbar in the language of the page it is shown on.

django CMS writes the toolbar (and the plugins' editing chrome) in the staff user's own language
(`UserSettings.language`, stored the first time they open the admin, usually English), whatever the page's
language: a Chinese page then carries an English toolbar. On the site's pages the toolbar follows the page's
language instead; in the admin (which includes the edit and structure modes) the user's setting still applies.

Visitors who are not staff see no toolbar, yet django CMS builds one for them on every request (it resolves the
path twice and makes every app's toolbar modifier). They get `VisitorToolbar`: what django CMS's toolbar answers
for them (nothing shown, no editing, pages cacheable, the object a page shows), without building it. An anonymous
visitor asking for the login toolbar (`?toolbar_on`) still gets django CMS's.
"""

from cms.middleware.toolbar import ToolbarMiddleware
from cms.toolbar.toolbar import CMSToolbar, EmptyToolbar
from cms.utils.conf import get_cms_setting
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


class VisitorToolbar(EmptyToolbar):
    """The toolbar of a visitor who is not staff: never shown, never editing; the page's object is still kept
    (the language changer and the placeholders read it)."""

    _cache_disabled = False  # as CMSToolbar decides for them; a placeholder that cannot be cached sets it
    obj = None

    def __init__(self, request):
        super().__init__(request)
        self.request_path = request.path_info
        self.toolbar_language = self.request_language  # now, as CMSToolbar does: plugins render in it

    def set_object(self, obj):
        if self.obj is None:
            self.obj = obj

    def get_object(self):
        return self.obj


def _wants_full_toolbar(request):
    user = request.user
    if user.is_staff:
        return True
    return (get_cms_setting("TOOLBAR_ANONYMOUS_ON") and user.is_anonymous
            and get_cms_setting("CMS_TOOLBAR_URL__ENABLE") in request.GET)


class PageLanguageToolbarMiddleware(ToolbarMiddleware):
    """django CMS's toolbar middleware, building a toolbar that speaks the page's language for staff, and a
    `VisitorToolbar` for everybody else (see the module)."""

    def process_request(self, request):
        if not self.is_cms_request(request):
            return
        request.toolbar = SimpleLazyObject(lambda: self._toolbar(request))

    def _toolbar(self, request):
        if not _wants_full_toolbar(request):
            return VisitorToolbar(request)
        super().process_request(request)  # the on/off switches kept in the session; it sets request.toolbar again
        request.toolbar = toolbar = PageLanguageToolbar(request)
        return toolbar
