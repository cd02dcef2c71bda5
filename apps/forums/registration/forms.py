from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120, strip=True)
    email = forms.EmailField(label=_("Email"), max_length=254,
                             help_text=_("Your confirmation and a link to manage your registration go here."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False, strip=True)
