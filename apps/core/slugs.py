"""Slugs from titles in either language: Latin text as django's slugify makes it, Chinese characters by their
toneless pinyin (轮胎价格 -> lun-tai-jia-ge). `PinyinSlugFormMixin` fills an admin form's slug left empty.

django's prepopulated-fields script only transliterates Latin letters, so the admin offers it on English tabs
only (`prepopulated_for`); on a Chinese tab the slug is left empty and made here when the form is saved.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

CHINESE_PREFIX = "zh"


def pinyin_slug(text, *, max_length=80):
    from pypinyin import lazy_pinyin  # a large dictionary: loaded only where slugs are written

    words = lazy_pinyin(text or "", errors=lambda chars: chars)  # non-Chinese characters stay as they are
    return slugify(" ".join(words))[:max_length].strip("-")


def prepopulated_for(language, fields):
    """The admin's prepopulated fields for a form in `language`: none for Chinese (see the module docstring)."""
    return {} if (language or "").startswith(CHINESE_PREFIX) else fields


class PinyinSlugFormMixin:
    """A ModelForm whose `slug` may be left empty: it is made from `slug_source` (pinyin for Chinese)."""

    slug_source = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave it empty to make it from the title: Latin letters as they are, "
                                              "Chinese characters in pinyin.")

    def clean(self):
        data = super().clean()
        if "slug" in self.fields and not data.get("slug") and data.get(self.slug_source):
            slug = pinyin_slug(data[self.slug_source], max_length=self.fields["slug"].max_length or 80)
            if slug:
                data["slug"] = slug
            else:
                self.add_error("slug", _("No slug can be made from this title: please type one."))
        return data
