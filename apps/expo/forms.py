"""The exhibitor directory's filter form (a GET form: every filter stays in the address)."""

import string

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.companies.models import ChainSegment
from apps.companies.regions import Region
from apps.core.widgets import QuickSelect

LETTERS = [(letter, letter) for letter in string.ascii_uppercase] + [("#", "#")]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Keyword"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Company or product")}))
    hall = forms.ChoiceField(widget=QuickSelect, label=_("Hall"), required=False)
    category = forms.ChoiceField(widget=QuickSelect, label=_("Product category"), required=False)
    segment = forms.ChoiceField(widget=QuickSelect, label=_("Chain segment"), required=False,
                                choices=[("", _("All segments")), *ChainSegment.choices])
    region = forms.ChoiceField(widget=QuickSelect, label=_("Region"), required=False,
                               choices=[("", _("All regions")), *Region.choices])
    letter = forms.ChoiceField(widget=QuickSelect, label=_("English name A-Z"), required=False,
                               choices=[("", "-"), *LETTERS])
    pinyin = forms.ChoiceField(widget=QuickSelect, label=_("Chinese name by pinyin"), required=False,
                               choices=[("", "-"), *LETTERS])

    def __init__(self, data=None, *, halls, category_tree):
        super().__init__(data)
        self.category_tree = category_tree
        self.fields["hall"].choices = [("", _("All halls")), *[(hall.code, str(hall)) for hall in halls]]
        self.fields["category"].choices = [("", _("All categories")), *category_tree.choices()]

    def filters(self):
        """The cleaned values as keyword arguments of selectors.DirectoryFilters."""
        data = self.cleaned_data
        category = self.category_tree.by_slug.get(data.get("category") or "")
        return {
            "hall": data.get("hall") or "", "segment": data.get("segment") or "",
            "region": data.get("region") or "", "letter": data.get("letter") or "",
            "pinyin": data.get("pinyin") or "", "q": (data.get("q") or "").strip(),
            "category_ids": tuple(self.category_tree.descendant_ids(category)) if category else (),
        }
