from django import forms
from django.utils.translation import gettext_lazy as _


class AgendaLinkForm(forms.Form):
    """The starred sessions (ids, comma-separated, filled in by agenda.js) for a personal calendar link."""

    # may be empty for an account whose agenda holds other items (meetings); the view then decides
    sessions = forms.CharField(max_length=6000, required=False,
                               widget=forms.HiddenInput(attrs={"data-agenda-ids": ""}))
    token = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput(attrs={"data-agenda-token": ""}))
    email = forms.EmailField(label=_("Email for change alerts (optional)"), required=False,
                             help_text=_("We write only when a session you starred is moved or cancelled."))


class AgendaEmailForm(forms.Form):
    email = forms.EmailField(label=_("Email for change alerts"), required=False,
                             help_text=_("Leave empty to receive no alerts."))
