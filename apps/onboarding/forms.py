from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from apps.companies.models import ChainSegment
from apps.companies.regions import Region

from . import selectors


def name_field(language):
    return f"name_{language.replace('-', '_')}"


class SignupForm(forms.Form):
    """Nothing here is kept when the form is sent back with errors but the two passwords."""

    email = forms.EmailField(label=_("Email"), max_length=150,
                             help_text=_("We send a link to this address: your account works once you follow it. "
                                         "You log in with this address."))
    name = forms.CharField(label=_("Your name"), max_length=150, strip=True)
    password1 = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}), help_text=password_validation.password_validators_help_text_html())
    password2 = forms.CharField(label=_("Password again"), strip=False, widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES,
                                 help_text=_("Emails and notifications are sent in this language."))

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        try:
            UnicodeUsernameValidator()(email.lower())
        except forms.ValidationError:
            raise forms.ValidationError(_("Use an address made of letters, digits and the signs @ . + - _ only."),
                                        code="invalid") from None
        return email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            candidate = get_user_model()(username=cleaned.get("email", "").lower(), email=cleaned.get("email", ""),
                                         first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class CompanyForm(forms.Form):
    segment = forms.ChoiceField(label=_("Industry-chain segment"), choices=[("", "---------"), *ChainSegment.choices])
    region = forms.ChoiceField(label=_("Region"), choices=[("", "---------"), *Region.choices], required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = {name_field(code): forms.CharField(label=self.name_label(code), max_length=200, required=False,
                                                   strip=True)
                 for code, _label in settings.LANGUAGES}
        self.fields = {**names, **self.fields}
        first = next(iter(names))
        self.fields[first].help_text = _("Give the name in one language at least, in both if you can.")

    @staticmethod
    def name_label(code):
        language = get_language_info(code)["name_translated"]
        return gettext("Company name in %(language)s") % {"language": language}

    def names(self):
        return {code: self.cleaned_data.get(name_field(code), "") for code, _label in settings.LANGUAGES}

    def clean(self):
        cleaned = super().clean()
        names = [name for name in self.names().values() if name]
        if not names:
            raise forms.ValidationError(_("Give the company's name in at least one language."), code="no_name")
        existing = selectors.company_named(names=names)
        if existing is not None:
            raise forms.ValidationError(
                _("A company named “%(name)s” is on the platform already: ask to join it instead."),
                code="exists", params={"name": existing})
        return cleaned


class JoinRequestForm(forms.Form):
    message = forms.CharField(label=_("Message to the editors"), max_length=1000, required=False, strip=True,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Your role at the company helps the editors decide, e.g. “sales manager”."))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Company name"), max_length=100, required=False, strip=True)


class ReasonForm(forms.Form):
    """The editors' reason for a "no", sent to the user."""

    reason = forms.CharField(label=_("Reason (sent to the user)"), max_length=2000, strip=True,
                             widget=forms.Textarea(attrs={"rows": 4, "cols": 60}))
