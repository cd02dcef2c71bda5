"""The one way the factories set django-parler translations: from {language: {field: value}}."""

import factory
from django.conf import settings


def translations_set(obj, values):
    """Set each language's fields on a translatable object (unsaved or not); leave the default language current
    (or the first language given, when the default is not among them)."""
    for language, fields in values.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    if values:
        obj.set_current_language(settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in values else next(iter(values)))
    else:
        obj.set_current_language(settings.LANGUAGE_CODE)


def bilingual(params, *names, zh_suffix="_zh", en_suffix=""):
    """{"en": {name: params.<name><en_suffix>}, "zh-hans": {name: params.<name><zh_suffix>}} for each name."""
    return {"en": {name: getattr(params, name + en_suffix) for name in names},
            "zh-hans": {name: getattr(params, name + zh_suffix) for name in names}}


class TranslatedFactory(factory.django.DjangoModelFactory):
    """Base of the factories of translated models.

    `translations` ({language: {field: value}}) is set on the object before its first save, so it is saved once
    with both languages. A factory computes it from parameters (e.g. `title` and `title_zh`); a caller may pass the
    whole dict instead, which replaces the defaults (and may leave a language out).
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _build(cls, model_class, *args, translations=None, **kwargs):
        obj = model_class(*args, **kwargs)
        translations_set(obj, translations or {})
        return obj

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = cls._build(model_class, *args, **kwargs)
        obj.save()
        return obj
