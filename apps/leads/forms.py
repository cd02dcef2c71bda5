"""The "Contact this exhibitor" form and the portal's status-and-notes form; messages in the user's language."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Status

PHONE = re.compile(r"^\+?[0-9 ()\-.]{5,30}$")
MESSAGE_MIN, MESSAGE_MAX = 10, 4000


class ContactForm(forms.Form):
    """`products`: [(id, name)] of the company's products. Signed-in senders get no name and email fields: the
    account's are used. `website` is a trap for robots, hidden from people; filled in, the request is dropped."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    organisation = forms.CharField(label=_("Your company"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254,
                             help_text=_("We send you a link to confirm the address before your message is passed "
                                         "on."))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    product = forms.TypedChoiceField(label=_("Product of interest"), required=False, coerce=int, empty_value=None)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}), min_length=MESSAGE_MIN,
                              max_length=MESSAGE_MAX)
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, products=(), signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [("", _("No particular product")), *products]
        if signed_in:
            del self.fields["name"]
            del self.fields["email"]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["message"].error_messages.update({
            "min_length": _("Please write at least %(limit_value)d characters, so that the exhibitor knows what "
                            "you need."),
            "max_length": _("Please keep the message under %(limit_value)d characters (it has %(show_value)d)."),
        })

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits, spaces, +, - or brackets only."),
                                        code="phone")
        return phone

    def is_robot(self):
        return bool(self.cleaned_data.get("website"))


class LeadUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 5}), required=False,
                            max_length=4000, help_text=_("Only your company's members see these notes."))


class LeadFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses")), *Status.choices])
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
