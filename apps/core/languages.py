"""The site's two languages, named once (from settings.LANGUAGES), and setting translated fields on parler models.

Code never spells a language code: `ENGLISH`, `CHINESE`, `CODES`, `other_language(code)`, `blank_texts()`.
"""

from django.conf import settings

CODES = tuple(code for code, _name in settings.LANGUAGES)
ENGLISH, CHINESE = CODES  # the portal is bilingual: English first, Simplified Chinese second


def other_language(code):
    """The language a visitor of `code` would switch to."""
    return CHINESE if code == ENGLISH else ENGLISH


def is_chinese(code):
    return code == CHINESE


def blank_texts(value=""):
    """{language: value} for every language, e.g. a translated text nobody wrote yet."""
    return dict.fromkeys(CODES, value)


def translations_apply(obj, translations, *, drop_empty=False):
    """Set a parler object's translated fields from {language: {field: value}}.

    With `drop_empty`, a language whose values are all empty is left out, and removed when the object had it.
    The object's current language is left at the last language set.
    """
    for language, values in (translations or {}).items():
        if drop_empty and not any(values.values()):
            if obj.pk and obj.has_translation(language):
                obj.delete_translation(language)
            continue
        obj.set_current_language(language)
        for name, value in values.items():
            setattr(obj, name, value)
