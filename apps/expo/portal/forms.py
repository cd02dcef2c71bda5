"""Portal forms: the bilingual profile (both languages side by side, one form), products, the editor's reason."""

from django import forms
from django.utils.translation import gettext_lazy as _
from djangocms_text.widgets import TextEditorWidget

from apps.companies.regions import Region
from apps.core.languages import CHINESE, ENGLISH
from apps.core.richtext import richtext_clean

from .profile import LANGUAGES, PRODUCT_TRANSLATED, SHARED, TRANSLATED
from .uploads import image_check

LANGUAGE_LABELS = {ENGLISH: _("English"), CHINESE: _("Chinese")}


def suffix(language):
    return language.replace("-", "_")


def sanitize(html):
    return richtext_clean(html)


def _text(label, max_length, *, long=False):
    widget = forms.Textarea(attrs={"rows": 6 if long else 3}) if long else None
    return forms.CharField(label=label, max_length=max_length, required=False, widget=widget)


def _rich_text(label, max_length):
    """djangocms-text's editor (its own static bundle, served by the site) over a textarea that still posts HTML;
    what it posts is cleaned with apps.core.richtext like any other rich text (ProfileForm.clean)."""
    return forms.CharField(label=label, max_length=max_length, required=False,
                           widget=TextEditorWidget(attrs={"rows": 8}))


TRANSLATED_SPEC = {
    "name": lambda: _text(_("Company name"), 200),
    "short_name": lambda: _text(_("Short name"), 60),
    "summary": lambda: _text(_("Summary (one or two sentences shown in lists)"), 300, long=True),
    "profile": lambda: _rich_text(_("Company profile"), 20000),
    "city": lambda: _text(_("City / province"), 100),
    "address": lambda: _text(_("Address"), 255),
}


class CheckedImageField(forms.FileField):
    """A file field whose cleaned value is an uploads.CheckedImage (checked by content, re-encoded)."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return image_check(upload) if upload else None


def _require_names(form, fields, languages, *, name_message):
    """A language with any text needs a name in it; at least one language needs a name."""
    named = False
    for language in languages:
        values = [form.cleaned_data.get(f"{name}_{suffix(language)}") for name in fields]
        name = form.cleaned_data.get(f"name_{suffix(language)}")
        named = named or bool(name)
        if any(values) and not name and f"name_{suffix(language)}" not in form.errors:
            form.add_error(f"name_{suffix(language)}", _("Give the name in this language too."))
    if not named and not form.errors:
        form.add_error(f"name_{suffix(LANGUAGES[0])}", name_message)


class ProfileForm(forms.Form):
    """Company fields per language, shared fields once, the logo, and each open participation's highlights and
    exhibit categories."""

    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    email = forms.EmailField(label=_("Contact email"), required=False)
    phone = forms.CharField(label=_("Contact phone"), required=False, max_length=40)
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", "---------"), *Region.choices])
    logo = CheckedImageField(label=_("New logo"), required=False,
                             help_text=_("PNG, JPEG or WebP, at most 5 MB and 25 megapixels."),
                             widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}))
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(self, *args, participations=(), category_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.participations = list(participations)
        for language in LANGUAGES:
            for name in TRANSLATED:
                field = TRANSLATED_SPEC[name]()
                field.widget.attrs["lang"] = language
                self.fields[f"{name}_{suffix(language)}"] = field
        for participation in self.participations:
            for language in LANGUAGES:
                field = _text(_("Exhibit highlights"), 2000, long=True)
                field.widget.attrs["lang"] = language
                self.fields[f"p{participation.pk}_highlights_{suffix(language)}"] = field
            self.fields[f"p{participation.pk}_categories"] = forms.TypedMultipleChoiceField(
                label=_("Exhibit categories"), required=False, coerce=int, choices=category_choices,
                widget=forms.SelectMultiple(attrs={"size": 8}))

    @staticmethod
    def initial_from(state):
        initial = {name: state["shared"].get(name, "") for name in SHARED}
        for language in LANGUAGES:
            for name in TRANSLATED:
                initial[f"{name}_{suffix(language)}"] = state["translations"].get(language, {}).get(name, "")
        for key, values in state["participations"].items():
            for language in LANGUAGES:
                initial[f"p{key}_highlights_{suffix(language)}"] = values["highlights"].get(language, "")
            initial[f"p{key}_categories"] = values["categories"]
        return initial

    def clean(self):
        cleaned = super().clean()
        for language in LANGUAGES:
            key = f"profile_{suffix(language)}"
            if cleaned.get(key):
                cleaned[key] = sanitize(cleaned[key])
        _require_names(self, TRANSLATED, LANGUAGES, name_message=_("Give the company's name in at least one language."))
        if cleaned.get("logo") and cleaned.get("remove_logo"):
            self.add_error("remove_logo", _("Either upload a new logo or remove it, not both."))
        return cleaned

    def translated_rows(self):
        return [(self[f"{name}_{suffix(LANGUAGES[0])}"].label, [self[f"{name}_{suffix(lang)}"] for lang in LANGUAGES])
                for name in TRANSLATED]

    def participation_sections(self):
        return [{"participation": p, "highlights": [self[f"p{p.pk}_highlights_{suffix(lang)}"] for lang in LANGUAGES],
                 "categories": self[f"p{p.pk}_categories"]} for p in self.participations]

    def profile(self):
        data = self.cleaned_data
        return {
            "shared": {name: data.get(name) or "" for name in SHARED},
            "translations": {language: {name: data.get(f"{name}_{suffix(language)}") or "" for name in TRANSLATED}
                             for language in LANGUAGES},
            "participations": {str(p.pk): {
                "highlights": {lang: data.get(f"p{p.pk}_highlights_{suffix(lang)}") or "" for lang in LANGUAGES},
                "categories": sorted(data.get(f"p{p.pk}_categories") or [])} for p in self.participations},
        }


class ProductForm(forms.Form):
    categories = forms.TypedMultipleChoiceField(label=_("Categories"), required=False, coerce=int,
                                                widget=forms.SelectMultiple(attrs={"size": 8}))
    image = CheckedImageField(label=_("Add an image"), required=False,
                              help_text=_("PNG, JPEG or WebP, at most 5 MB and 25 megapixels."),
                              widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}))

    def __init__(self, *args, category_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = category_choices
        for language in LANGUAGES:
            name = forms.CharField(label=_("Product name"), max_length=200, required=False)
            description = forms.CharField(label=_("Description"), max_length=5000, required=False,
                                          widget=forms.Textarea(attrs={"rows": 5}))
            for field in (name, description):
                field.widget.attrs["lang"] = language
            self.fields[f"name_{suffix(language)}"] = name
            self.fields[f"description_{suffix(language)}"] = description

    @staticmethod
    def initial_from(product):
        initial = {"categories": product["categories"]}
        for language in LANGUAGES:
            for name in PRODUCT_TRANSLATED:
                initial[f"{name}_{suffix(language)}"] = product["translations"].get(language, {}).get(name, "")
        return initial

    def clean(self):
        cleaned = super().clean()
        _require_names(self, PRODUCT_TRANSLATED, LANGUAGES,
                       name_message=_("Give the product's name in at least one language."))
        return cleaned

    def translated_rows(self):
        return [(self[f"{name}_{suffix(LANGUAGES[0])}"].label, [self[f"{name}_{suffix(lang)}"] for lang in LANGUAGES])
                for name in PRODUCT_TRANSLATED]

    def translations(self):
        return {language: {name: self.cleaned_data.get(f"{name}_{suffix(language)}") or ""
                           for name in PRODUCT_TRANSLATED} for language in LANGUAGES}


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the rejection (the exhibitor reads it)"), max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": _("Give the exhibitor a reason for the rejection.")})
