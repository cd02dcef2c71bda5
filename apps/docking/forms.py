"""Forms of Supply & Demand: the board's filters (from the query string), a requirement in both languages side by
side, a response, a thread message and an attachment. Every message is translated; a form with errors is shown
again with everything the user typed."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from apps.companies.models import ChainSegment
from apps.companies.regions import Region

from .models import Currency, Unit, Visibility
from .uploads import check_upload

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LANGUAGE_LABELS = dict(settings.LANGUAGES)  # each language by its own name
TRANSLATED = ("title", "description", "specifications")
TRANSLATED_LABELS = {"title": _("Title"), "description": _("What you need"),
                     "specifications": _("Specifications")}
STATUS_CHOICES = [("open", _("Open")), ("closed", _("Closed")), ("awarded", _("Awarded")),
                  ("cancelled", _("Cancelled")), ("all", _("All"))]


def suffix(language):
    return language.replace("-", "_")


class BoardFilterForm(forms.Form):
    """The board's filters, read from the query string."""

    category = forms.ChoiceField(label=_("Product category"), required=False)
    region = forms.ChoiceField(label=_("Delivery region"), required=False,
                               choices=[("", _("All regions")), *Region.choices])
    segment = forms.ChoiceField(label=_("Industry-chain segment"), required=False,
                                choices=[("", _("All segments")), *ChainSegment.choices])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    soon = forms.BooleanField(label=_("Deadline within a week"), required=False)

    def __init__(self, *args, category_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("All categories")), *category_choices]


class RequirementForm(forms.Form):
    """A requirement: the texts per language (either may stay empty), then the shared facts."""

    company = forms.ChoiceField(label=_("Posted by"))
    categories = forms.MultipleChoiceField(label=_("Product categories"), widget=forms.CheckboxSelectMultiple,
                                           error_messages={"required": _("Choose at least one product category.")})
    segment = forms.ChoiceField(label=_("Industry-chain segment"), choices=ChainSegment.choices)
    quantity = forms.DecimalField(label=_("Quantity"), required=False, min_value=0, max_digits=14, decimal_places=2)
    unit = forms.ChoiceField(label=_("Unit"), required=False, choices=[("", "---------"), *Unit.choices])
    region = forms.ChoiceField(label=_("Delivery region"), choices=Region.choices)
    deadline = forms.DateField(label=_("Deadline for responses"), widget=forms.DateInput(attrs={"type": "date"}))
    budget_min = forms.DecimalField(label=_("Budget from"), required=False, min_value=0, max_digits=14,
                                    decimal_places=2)
    budget_max = forms.DecimalField(label=_("Budget up to"), required=False, min_value=0, max_digits=14,
                                    decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial=Currency.CNY)
    visibility = forms.ChoiceField(label=_("Who may see it"), choices=Visibility.choices, widget=forms.RadioSelect,
                                   initial=Visibility.PUBLIC)
    event = forms.ChoiceField(label=_("Released at a docking event"), required=False)

    def __init__(self, *args, companies=(), category_choices=(), event_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = {str(company.pk): company for company in companies}
        self.fields["company"].choices = [(pk, str(company)) for pk, company in self.companies.items()]
        if len(self.companies) < 2:
            self.fields["company"].widget = forms.HiddenInput()
            self.fields["company"].initial = next(iter(self.companies), "")
        self.fields["categories"].choices = list(category_choices)
        self.fields["event"].choices = [("", _("No event")), *event_choices]
        for name in TRANSLATED:
            for language in LANGUAGES:
                field = (forms.CharField(max_length=200) if name == "title"
                         else forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5})))
                field.required, field.label = False, f"{TRANSLATED_LABELS[name]} ({LANGUAGE_LABELS[language]})"
                field.widget.attrs["lang"] = language
                self.fields[f"{name}_{suffix(language)}"] = field
        self.order_fields(["company"] + [f"{name}_{suffix(language)}" for name in TRANSLATED for language in LANGUAGES])

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{suffix(language)}") for language in LANGUAGES):
            self.add_error(f"title_{suffix(LANGUAGES[0])}", _("Give the requirement a title in at least one "
                                                              "language."))
        for language in LANGUAGES:
            texts = [cleaned.get(f"{name}_{suffix(language)}") for name in ("description", "specifications")]
            if any(texts) and not cleaned.get(f"title_{suffix(language)}"):
                self.add_error(f"title_{suffix(language)}", _("Give the title in this language too."))
        low, high = cleaned.get("budget_min"), cleaned.get("budget_max")
        if low is not None and high is not None and high < low:
            self.add_error("budget_max", _("The upper end of the budget cannot be below its lower end."))
        if cleaned.get("quantity") is not None and not cleaned.get("unit"):
            self.add_error("unit", _("Say in which unit the quantity is counted."))
        return cleaned

    def translations(self):
        return {language: {name: self.cleaned_data.get(f"{name}_{suffix(language)}", "") for name in TRANSLATED}
                for language in LANGUAGES}

    def fields_for_service(self, *, events):
        data = self.cleaned_data
        return {"segment": data["segment"], "quantity": data["quantity"], "unit": data["unit"] or "",
                "region": data["region"], "deadline": data["deadline"], "budget_min": data["budget_min"],
                "budget_max": data["budget_max"], "currency": data["currency"], "visibility": data["visibility"],
                "event": events.get(data["event"]) if data["event"] else None}

    def chosen_company(self):
        return self.companies[self.cleaned_data["company"]]

    @classmethod
    def initial_from(cls, requirement):
        initial = {"company": str(requirement.company_id), "segment": requirement.segment,
                   "quantity": requirement.quantity, "unit": requirement.unit, "region": requirement.region,
                   "deadline": requirement.deadline, "budget_min": requirement.budget_min,
                   "budget_max": requirement.budget_max, "currency": requirement.currency,
                   "visibility": requirement.visibility, "event": str(requirement.event_id or ""),
                   "categories": [c.slug for c in getattr(requirement, "category_list", None)
                                  or requirement.categories.all()]}
        for row in requirement.translations.all():
            for name in TRANSLATED:
                initial[f"{name}_{suffix(row.language_code)}"] = getattr(row, name)
        return initial


class ResponseForm(forms.Form):
    company = forms.ChoiceField(label=_("Respond for"))
    message = forms.CharField(label=_("Message to the poster"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 6}))
    capabilities = forms.CharField(label=_("Your capabilities"), required=False, max_length=5000,
                                   widget=forms.Textarea(attrs={"rows": 4}),
                                   help_text=_("Products, capacity, certifications, references."))
    price = forms.DecimalField(label=_("Price offered (optional)"), required=False, min_value=0, max_digits=14,
                               decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial=Currency.CNY)

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = {str(company.pk): company for company in companies}
        self.fields["company"].choices = [(pk, str(company)) for pk, company in self.companies.items()]
        if len(self.companies) < 2:
            self.fields["company"].widget = forms.HiddenInput()
            self.fields["company"].initial = next(iter(self.companies), "")

    def chosen_company(self):
        return self.companies[self.cleaned_data["company"]]


class ThreadForm(forms.Form):
    body = forms.CharField(label=_("Your message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("A PDF document or an image (PNG, JPEG or WebP)."))
    verified_only = forms.BooleanField(label=_("Only members of verified companies may download it"),
                                       required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        return check_upload(upload)


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("What should the poster change?"), max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}))


def error_list(error):
    """The messages of a service's refusal (ValidationError of any shape, PermissionDenied)."""
    if not isinstance(error, ValidationError):
        return [str(error)] if str(error) else []
    if hasattr(error, "error_dict"):
        return [message for messages in error.message_dict.values() for message in messages]
    return list(error.messages)
