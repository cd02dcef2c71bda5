"""Forms of the forums core: the programme's filters (public) and the admin's session and release forms."""

import datetime
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import Forum, Session, Speaker
from .photos import photo_validate


class ProgrammeFilterForm(forms.Form):
    """The programme's filters, read from the query string; choices come from the programme shown."""

    day = forms.TypedChoiceField(label=_("Day"), required=False, coerce=datetime.date.fromisoformat,
                                 empty_value=None)
    forum = forms.ChoiceField(label=_("Forum"), required=False)
    room = forms.ChoiceField(label=_("Room"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [("", _("All days"))] + [(day.isoformat(), day.isoformat())
                                                              for day in programme.days]
        self.fields["forum"].choices = [("", _("All forums"))] + [(f.slug, f.title) for f in programme.forums]
        self.fields["room"].choices = [("", _("All rooms"))] + [(r.slug, r.name) for r in programme.rooms]
        self.fields["topic"].choices = [("", _("All topics"))] + [(t.slug, t.name) for t in programme.topics]


class GridDayForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False, input_formats=["%Y-%m-%d"])


class ForumAdminForm(TranslatableModelForm):
    class Meta:
        model = Forum
        fields = "__all__"

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        if name not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("“%(zone)s” is not a known time zone; use a name such as Asia/Shanghai "
                                          "or Europe/Berlin."), params={"zone": name}, code="time_zone")
        return name

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned


class SpeakerAdminForm(TranslatableModelForm):
    photo_upload = forms.ImageField(label=_("New photo"), required=False,
                                    help_text=_("JPEG, PNG or WebP, at most 5 MB; cut to a square."))
    photo_remove = forms.BooleanField(label=_("Remove the photo"), required=False)

    class Meta:
        model = Speaker
        exclude = ("photo",)

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        self.photo_data = photo_validate(upload) if upload else None
        return upload


class SessionAdminForm(TranslatableModelForm):
    class Meta:
        model = Session
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A session must end after it starts."))
        return cleaned


class ReleaseForm(forms.Form):
    note_en = forms.CharField(label=_("Note (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              max_length=2000)
    note_zh_hans = forms.CharField(label=_("Note (Chinese)"), required=False, max_length=2000,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    confirm_overlaps = forms.BooleanField(label=_("Release despite the overlaps listed above"), required=False)
    # The draft the editor reviewed on this page: a draft changed since is not released unseen.
    draft_digest = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, overlaps=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.overlaps = overlaps

    def clean(self):
        cleaned = super().clean()
        if self.overlaps and not cleaned.get("confirm_overlaps"):
            self.add_error("confirm_overlaps", _("The draft has overlaps: confirm that you want to release it anyway."))
        return cleaned
