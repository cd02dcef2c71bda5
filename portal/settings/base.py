"""Settings shared by every environment. Values come from environment variables."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-0123456789abcdefghijklmnopqrstuv")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

SITE_ID = 1
SITE_NAME = env("SITE_NAME", default="")  # empty: the translated default in apps.core.branding

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.admin",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "apps.accounts",  # the custom user model must load before django CMS
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "filer",
    "easy_thumbnails",
    "djangocms_versioning",
    "djangocms_text",
    "djangocms_link",
    "djangocms_frontend",
    "djangocms_frontend.contrib.alert",
    "djangocms_frontend.contrib.card",
    "djangocms_frontend.contrib.content",
    "djangocms_frontend.contrib.grid",
    "djangocms_frontend.contrib.image",
    "djangocms_frontend.contrib.jumbotron",
    "djangocms_frontend.contrib.link",
    "djangocms_frontend.contrib.listgroup",
    "djangocms_frontend.contrib.tabs",
    "djangocms_frontend.contrib.utilities",
    "parler",
    "django_countries",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "django_ratelimit",  # its system check refuses a cache that cannot count (locmem, database)
    "apps.core",
    "apps.companies",
    "apps.expo",
    "apps.forums",
    "apps.trading",
    "apps.news",
    "apps.notifications",
    "apps.docking",
    "apps.meetings",
    "apps.leads",
    "apps.onboarding",
    "apps.search",
    "apps.editorial",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "apps.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "apps.core.csp.PortalCSPMiddleware",  # after WhiteNoise: static files need no policy
    "apps.core.early_cache.EarlyPageCacheMiddleware",  # cached anonymous pages, before sessions and the CMS
    "apps.core.middleware.AnonymousCookieFreeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.core.middleware.CanonicalCmsPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "apps.core.current_page.KeptCurrentPageMiddleware",  # django CMS's, with the page kept (see there)
    "apps.core.toolbar.PageLanguageToolbarMiddleware",  # cms.middleware.toolbar's, in the page's language
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                "apps.core.context_processors.site_shell",
                "apps.notifications.context_processors.inbox",
            ],
        },
    }
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server, the worker and beat share the file without "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Login throttling: a cool-off after repeated failures, never a permanent lock.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# A programme with more sessions than this opens on one day (today during the event); filters show the rest.
FORUMS_ONE_DAY_ABOVE = env.int("FORUMS_ONE_DAY_ABOVE", default=150)
# The programme lists at most this many sessions a page (a very long day or forum is paged, in time order).
FORUMS_SESSIONS_PER_PAGE = env.int("FORUMS_SESSIONS_PER_PAGE", default=100)

# Rate limits of the writes anyone may send (apps.core.ratelimits, django-ratelimit): per view name, one rate per
# key ("ip", "address" = the POSTed email, "link" = the URL's token, "user"). Over a rate: 429. Counted in Redis.
# The client address is REMOTE_ADDR; behind a reverse proxy, name the header it sets (and always overwrites) in
# RATELIMIT_CLIENT_IP_HEADER, e.g. X-Real-IP. Many visitors in China share one address (carrier NAT, offices):
# the per-IP rates are generous, the per-address and per-link ones strict.
RATELIMITS = {
    "subscribe": {"ip": "20/h", "address": "5/h"},
    "subscription_confirm": {"ip": "30/h", "link": "10/h"},
    "subscription_manage": {"ip": "60/h", "link": "20/h"},  # preferences, unsubscribe, stop emails
    "forum_register": {"ip": "20/h", "address": "5/h"},
    "registration_manage": {"ip": "30/h", "link": "10/h"},
    "agenda_link": {"ip": "30/h", "address": "5/h"},
    "agenda_email": {"ip": "30/h", "address": "5/h", "link": "10/h"},
    "agenda_confirm": {"ip": "30/h", "link": "10/h"},
    "agenda_resend": {"ip": "20/h", "link": "6/h"},
    "agenda_sync": {"ip": "600/h", "user": "300/h"},  # one POST per star toggled
    "news_seen": {"ip": "120/h"},
    "password_reset": {"ip": "10/h", "address": "3/h"},
    "invitation_accept": {"ip": "20/h", "link": "10/h"},
    "docking_post": {"ip": "60/h", "user": "30/h"},  # posting, editing and ending requirements
    "docking_response": {"ip": "30/h", "user": "10/h"},
    "docking_message": {"ip": "120/h", "user": "60/h"},
    "docking_upload": {"ip": "60/h", "user": "30/h"},
    "signup": {"ip": "20/h", "address": "5/h"},
    "signup_confirm": {"ip": "30/h", "link": "10/h"},
    "company_create": {"ip": "20/h", "user": "5/h"},
    "search": {"ip": env("SEARCH_RATELIMIT", default="300/m")},  # anonymous searches (GET), per address
    "join_request": {"ip": "30/h", "user": "10/h"},
    "meeting_request": {"ip": "30/h", "user": "10/h"},  # asking an exhibitor for a meeting slot
    "expo_bookmarks": {"ip": "600/h", "user": "300/h"},  # one POST per exhibitor starred
    "lead_send": {"ip": "20/h", "address": "5/h", "user": "10/h"},  # "Contact this exhibitor"
    "lead_confirm": {"ip": "30/h", "link": "10/h"},
    "lead_manage": {"ip": "600/h", "user": "300/h"},  # status, notes and exports in the exhibitor portal
}
RATELIMIT_USE_CACHE = "default"
RATELIMIT_CLIENT_IP_HEADER = env("RATELIMIT_CLIENT_IP_HEADER", default="")
RATELIMIT_IP_META_KEY = "apps.core.ratelimits.client_ip"  # django-ratelimit's own "ip" key agrees with ours
RATELIMIT_VIEW = "apps.core.ratelimits.ratelimited"  # for django-ratelimit's middleware, should one add it

# --- Languages: the URL prefix decides; no language cookie is ever set. ---
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", default="Asia/Shanghai")

CMS_LANGUAGES = {
    1: [
        {"code": "en", "name": "English", "fallbacks": ["zh-hans"], "public": True,
         "hide_untranslated": False, "redirect_on_fallback": False},
        {"code": "zh-hans", "name": "简体中文", "fallbacks": ["en"], "public": True,
         "hide_untranslated": False, "redirect_on_fallback": False},
    ],
    "default": {"public": True, "hide_untranslated": False, "redirect_on_fallback": False},
}
PARLER_LANGUAGES = {
    1: ({"code": "en"}, {"code": "zh-hans"}),
    "default": {"fallbacks": ["en", "zh-hans"], "hide_untranslated": False},
}
PARLER_DEFAULT_LANGUAGE_CODE = "en"
# Pages read translations with their objects (prefetched); parler's own cache would only add a Redis round trip
# per translation read (150 on one directory page).
PARLER_ENABLE_CACHING = env.bool("PARLER_ENABLE_CACHING", default=False)

CMS_TEMPLATES = [
    ("cms/home.html", _("Home page")),
    ("cms/page.html", _("Standard page")),
    ("cms/section.html", _("Section landing page")),
]
CMS_CONFIRM_VERSION4 = True
CMS_PAGE_CACHE = True
CMS_PLACEHOLDER_CACHE = True
CMS_PLUGIN_CACHE = True
CMS_CACHE_DURATIONS = {"content": 600, "menus": 3600, "permissions": 3600}
CMS_CACHE_PREFIX = "cms-"
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- Content-Security-Policy (django-csp 4, enforced; apps.core.csp picks the policy per request). ---
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],  # the nonce appears only on a page that used request.csp_nonce
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
# Staff users on the site's pages: the django CMS toolbar and the text editor set inline styles. Staff users in the
# admin (with django CMS's edit and structure modes): django-filer, djangocms-versioning and djangocms-frontend use
# inline scripts that cannot carry a nonce on Django 5.2. No nonce next to 'unsafe-inline': browsers would then
# ignore 'unsafe-inline'.
CONTENT_SECURITY_POLICY_STAFF = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "style-src": [SELF, UNSAFE_INLINE]},
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY_STAFF["DIRECTIVES"], "script-src": [SELF, UNSAFE_INLINE]},
}
TEXT_INLINE_EDITING = True

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_HIGH_RESOLUTION = True
FILER_CANONICAL_URL = "files/"

# --- Static and media: everything served by the site itself, no CDN. ---
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "apps.core.storage.StaticStorage"},  # WhiteNoise's, each URL worked out once
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Uploads: one policy for every path (apps.core.images, apps.core.pdf, apps.core.filer_policy, apps.core.media).
UPLOAD_IMAGE_MAX_BYTES = env.int("UPLOAD_IMAGE_MAX_BYTES", default=10 * 1024 * 1024)  # a caller may be stricter
UPLOAD_IMAGE_MAX_PIXELS = env.int("UPLOAD_IMAGE_MAX_PIXELS", default=40_000_000)
UPLOAD_DOCUMENT_MAX_BYTES = env.int("UPLOAD_DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)  # PDFs through filer
FILER_MIME_TYPE_WHITELIST = ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]
FILER_ADD_FILE_VALIDATORS = {
    **{mime: ["apps.core.filer_policy.image_validate"] for mime in FILER_MIME_TYPE_WHITELIST if mime[:6] == "image/"},
    "application/pdf": ["apps.core.filer_policy.pdf_validate"],
}
# Django serves /media/ itself only when this is on (development, tests); production's reverse proxy serves it.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)

# --- Redis: Celery broker and Django cache, in two databases of one server (or two servers). ---
# The server runs with `maxmemory-policy volatile-lru`: only keys with a lifetime can be evicted. Every cache key
# has one (TIMEOUT below; apps.core.cache never stores without); the broker's queues have none, so a full cache
# can never evict a queued task.
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")  # the broker's database


def _redis_database(url, database):
    return url.rsplit("/", 1)[0] + f"/{database}"


_broker_database = int(REDIS_URL.rsplit("/", 1)[1] or 0)
CACHE_REDIS_URL = env("CACHE_REDIS_URL", default=_redis_database(REDIS_URL, _broker_database + 1))
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": CACHE_REDIS_URL,
        "TIMEOUT": 3600,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="vp"),
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "worker-heartbeat": {"task": "core.worker_heartbeat", "schedule": 30.0},
    "news-publish-due-notifications": {"task": "news.publish_due_notifications", "schedule": 60.0},
    "notifications-requeue-stale": {"task": "notifications.requeue_stale", "schedule": 60.0},
    "notifications-daily-digest": {"task": "notifications.send_digests", "schedule": crontab(hour=8, minute=0)},
    "expo-profile-reminders": {"task": "expo.profile_reminders", "schedule": crontab(hour=9, minute=30)},
    "editorial-translation-summaries": {"task": "editorial.translation_summaries",
                                        "schedule": crontab(hour=8, minute=30)},
    # tomorrow's confirmed meetings, reminded once each (hourly in the day, so late confirmations are caught)
    "meetings-reminders": {"task": "meetings.send_reminders", "schedule": crontab(hour="8-22", minute=15)},
    "expo-figures-flush": {"task": "expo.figures_flush", "schedule": 600.0},  # Redis view counters -> table
}
WORKER_HEARTBEAT_MAX_AGE = 120  # seconds after which /healthz reports the worker as silent

# --- Email: files under var/mail unless SMTP is configured with EMAIL_URL. ---
if env("EMAIL_URL", default=""):  # e.g. smtp+tls://user:password@smtp.example.com:587
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Valley Portal <noreply@valley.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Site shell: filing numbers and operator contact shown in the footer. ---
ICP_FILING = env("ICP_FILING", default="")
PUBLIC_SECURITY_FILING = env("PUBLIC_SECURITY_FILING", default="")
OPERATOR_EMAIL = env("OPERATOR_EMAIL", default="service@valley.example")
OPERATOR_PHONE = env("OPERATOR_PHONE", default="+86 532 0000 0000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# django CMS 5.1 with treebeard 5.x warns about treebeard 6; treebeard is pinned below 6 in requirements.txt.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]

# --- Notifications ---
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")  # absolute links in emails
EMAIL_MESSAGE_DOMAIN = env("EMAIL_MESSAGE_DOMAIN", default="valley.example")  # right side of Message-IDs
NOTIFICATIONS_BATCH_SIZE = env.int("NOTIFICATIONS_BATCH_SIZE", default=500)  # emails per SMTP connection
NOTIFICATIONS_LEASE_SECONDS = env.int("NOTIFICATIONS_LEASE_SECONDS", default=300)  # then a "sending" row is requeued
NOTIFICATIONS_PENDING_GRACE_SECONDS = env.int("NOTIFICATIONS_PENDING_GRACE_SECONDS", default=120)
