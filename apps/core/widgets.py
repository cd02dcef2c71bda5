"""Form widgets the list pages share. `QuickSelect` renders a <select> in Python: a filter form's long selects
(categories, regions, halls, letters) otherwise cost one template render per option on every uncached page."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """forms.Select without templates, for flat choices (no option groups); the same HTML as Django's."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v is not None}
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (option_value, mark_safe(" selected") if str(option_value) in chosen else "", label)
            for option_value, label in self.choices))
        return format_html("<select{}>{}</select>", flatatt(final), options)
