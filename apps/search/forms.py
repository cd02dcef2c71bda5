"""The search page's query parameters, checked; a bad value is a 400 with the reason in the visitor's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .registry import sources
from .selectors import DATES, Query
from .tokens import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, strip=True,
                        error_messages={"max_length": _("Please search for at most %(limit_value)d characters.")})
    type = forms.ChoiceField(required=False)
    category = forms.SlugField(required=False, max_length=80, allow_unicode=True)
    edition = forms.SlugField(required=False, max_length=80)
    hall = forms.CharField(required=False, max_length=20)
    date = forms.ChoiceField(required=False, choices=[("", "")] + [(key, key) for key in DATES])
    page = forms.IntegerField(required=False, min_value=1, max_value=10000)

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["type"].choices = [("", "")] + [(source.type, source.label) for source in sources()]

    def query(self):
        data = self.cleaned_data
        return Query(q=data["q"], type=data["type"], category=data["category"], edition=data["edition"],
                     hall=data["hall"], date=data["date"], page=data["page"] or 1)
