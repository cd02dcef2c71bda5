from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Frequency
from .registry import topic_choices


class TopicsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=topic_choices, **kwargs)


class PreferencesForm(forms.Form):
    topics = TopicsField(label=_("Topics"), error_messages={"required": _("Choose at least one topic.")})
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices, initial=Frequency.IMMEDIATE,
                                  widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language of the emails"), choices=settings.LANGUAGES)


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    field_order = ["email", "topics", "frequency", "language"]
