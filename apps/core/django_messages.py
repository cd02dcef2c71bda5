"""Django's own messages that its Chinese catalogue leaves partly in English ("Email", "URL"): marked here so that
makemessages keeps them in locale/, whose translations take precedence over Django's (LOCALE_PATHS)."""

from django.utils.translation import gettext_noop

MESSAGES = (
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
)
