from django import forms
from django.utils.translation import gettext_lazy as _


class AgendaLinkForm(forms.Form):
    """The starred sessions (ids, comma-separated, filled in by agenda.js) for a personal calendar link."""

    sessions = forms.CharField(max_length=6000, widget=forms.HiddenInput(attrs={"data-agenda-ids": ""}),
                               error_messages={"required": _("Star at least one session first.")})
    token = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput(attrs={"data-agenda-token": ""}))
    email = forms.EmailField(label=_("Email for change alerts (optional)"), required=False,
                             help_text=_("We write only when a session you starred is moved or cancelled."))


class AgendaEmailForm(forms.Form):
    email = forms.EmailField(label=_("Email for change alerts"), required=False,
                             help_text=_("Leave empty to receive no alerts."))
