"""Input of the meetings pages, with messages in the user's language. Slots are offered as choices (their start
as "YYYYMMDDTHHMM", Beijing time), so a slot that is not free cannot be posted as valid."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SLOT_CHOICES, SLOT_FORMAT, ZONE, Location, slot_value


def slot_parse(value):
    return datetime.datetime.strptime(value, SLOT_FORMAT).replace(tzinfo=ZONE)


def slot_choices(days):
    """Choices grouped by day: [("2026-12-22", [(value, "10:00–10:30"), ...]), ...] of the free slots."""
    groups = []
    for day in days:
        slots = [(slot_value(s.start), f"{s.start.astimezone(ZONE):%H:%M}–{s.end.astimezone(ZONE):%H:%M}")
                 for s in day.free_slots]
        if slots:
            groups.append((f"{day.day:%Y-%m-%d}", slots))
    return groups


class SlotField(forms.ChoiceField):
    default_error_messages = {"invalid_choice": _("This slot is not free any more. Please choose another one.")}

    def clean(self, value):
        return slot_parse(super().clean(value))


class BookForm(forms.Form):
    start = SlotField(label=_("Time"), error_messages={"required": _("Choose a time.")})
    requester_company = forms.TypedChoiceField(label=_("On behalf of"), required=False, coerce=int,
                                               empty_value=None)
    message = forms.CharField(label=_("Message"), max_length=1000, required=False, widget=forms.Textarea(
        attrs={"rows": 4}), help_text=_("What would you like to talk about? Only the exhibitor reads it."))

    def __init__(self, *args, days, companies, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = [("", "—"), *slot_choices(days)]
        self.companies = {company.pk: company for company in companies}
        if companies:
            from .selectors import name_of

            self.fields["requester_company"].choices = [("", _("Myself"))] + [
                (company.pk, name_of(company, language)) for company in companies]
        else:
            del self.fields["requester_company"]

    def company(self):
        return self.companies.get(self.cleaned_data.get("requester_company"))


class ProposeForm(forms.Form):
    start = SlotField(label=_("Another time"), error_messages={"required": _("Choose a time.")})

    def __init__(self, *args, days, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = [("", "—"), *slot_choices(days)]


class AvailabilityForm(forms.Form):
    day = forms.DateField(widget=forms.HiddenInput)
    is_open = forms.BooleanField(label=_("Open for meeting requests"), required=False)
    starts_at = forms.TimeField(label=_("Open from"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends_at = forms.TimeField(label=_("Open until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    slot_minutes = forms.TypedChoiceField(label=_("Slot length"), choices=SLOT_CHOICES, coerce=int)
    location = forms.ChoiceField(label=_("Place"), choices=Location.choices)
    table_name = forms.CharField(label=_("Meeting table"), max_length=100, required=False,
                                 help_text=_("For example “Meeting area B, table 4”."))

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The window must end after it starts."))
        if data.get("location") == Location.TABLE and not (data.get("table_name") or "").strip():
            self.add_error("table_name", _("Name the meeting table."))
        return data
