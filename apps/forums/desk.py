"""The forums on the editors' desk (apps.editorial.registry): sessions and speakers lacking a language, and the
translation status of sessions."""

from django.utils.translation import gettext_lazy as _

from apps.editorial.registry import parler_completeness_register, translation_watch_register

from .models import Session, Speaker


def register():
    parler_completeness_register(key="sessions", label=_("Forum sessions"), model=Session, fields=("title",),
                                 position=30)
    parler_completeness_register(key="speakers", label=_("Speakers"), model=Speaker, fields=("name", "bio"),
                                 position=40)
    translation_watch_register(Session, ("title", "abstract"))
