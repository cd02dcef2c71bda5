from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from apps.core import media as core_media
from apps.core import views as core_views
from apps.news.sitemaps import SITEMAPS
from apps.search import views as search_views

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("ping", core_views.ping, name="ping"),
    path("figures/", include("apps.expo.figures.urls")),  # the exhibitor figures beacon, no language
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("media/<path:path>", core_media.media_serve, name="media"),  # only when settings.SERVE_MEDIA
    path("opensearch.xml", search_views.opensearch, name="opensearch"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

handler403 = "apps.core.ratelimits.permission_denied"  # rate limits answer 429, see apps/core/ratelimits.py

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("apps.accounts.urls")),
    path("notifications/", include("apps.notifications.urls")),
    path("join/", include("apps.onboarding.urls")),
    path("portal/", include("apps.expo.portal.urls")),
    path("portal/", include("apps.meetings.portal_urls")),
    path("portal/", include("apps.leads.portal_urls")),
    path("contact/", include("apps.leads.urls")),
    path("bookmarks/", include("apps.expo.bookmarks.urls")),
    path("meetings/", include("apps.meetings.urls")),
    path("search/", include("apps.search.urls")),
    path("", include("cms.urls")),
)
