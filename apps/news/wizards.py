"""The "New article" entry of django CMS's Create wizard (the toolbar's Create button): a draft with its titles,
finished in the article admin."""

from cms.wizards.wizard_base import Wizard
from django import forms
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from apps.core.languages import CHINESE, ENGLISH

from . import services
from .models import Article, Category


def _free_slug(language, title):
    """A slug for the title (Chinese through its pinyin), made unique with -2, -3 ... in that language."""
    from pypinyin import lazy_pinyin  # only editors creating articles need it

    base = slugify(" ".join(lazy_pinyin(title)) if language == CHINESE else title)[:180] or "article"
    taken = Article._parler_meta.root_model.objects.filter(language_code=language)
    slug, n = base, 1
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class ArticleWizardForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_zh = forms.CharField(label=_("Title in Chinese"), max_length=200, required=False)
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.order_by("position", "slug"),
                                      required=False)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title_en") or "").strip() and not (cleaned.get("title_zh") or "").strip():
            raise forms.ValidationError(_("Give the article a title in at least one language."))
        return cleaned

    def save(self):
        titles = {ENGLISH: self.cleaned_data["title_en"].strip(), CHINESE: self.cleaned_data["title_zh"].strip()}
        translations = {language: {"title": title, "slug": _free_slug(language, title)}
                        for language, title in titles.items() if title}
        # the CMS mixes its step form in (cms.wizards.forms.BaseFormMixin), which keeps the request
        return services.article_create(author=self._request.user, translations=translations,
                                       category=self.cleaned_data["category"])


class ArticleWizard(Wizard):
    def get_success_url(self, obj, **kwargs):
        """The new draft in the article admin, where it is written and submitted for review."""
        return reverse("admin:news_article_change", args=[obj.pk])


article_wizard = ArticleWizard(
    title=_("News article"), weight=200, form=ArticleWizardForm, model=Article,
    description=_("A draft article for the News Center, finished in the article admin."),
)
