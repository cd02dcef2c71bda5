"""django-parler's admin opens the tab of its first language (English) whatever the admin's language. Here the
tab follows the request's language when no ?language= is given: the Chinese admin opens the Chinese tab first.
Every TranslatableAdmin and translatable inline asks BaseTranslatableAdmin._language, so one override covers all."""

from django.utils.translation import get_language
from parler.admin import BaseTranslatableAdmin
from parler.utils.views import get_language_parameter


def _language(self, request, obj=None):
    return get_language_parameter(request, self.query_language_key, default=get_language())


def tabs_follow_request_language():
    BaseTranslatableAdmin._language = _language
