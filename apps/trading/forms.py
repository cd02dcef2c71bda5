from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import NoticeKind
from .uploads import check_upload


class BoardFilterForm(forms.Form):
    """The notice board's filters, read from the query string."""

    type = forms.ChoiceField(label=_("Type"), required=False,
                             choices=[("", _("All types")), *list(NoticeKind.choices)])
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    q = forms.CharField(label=_("Serial number or title"), required=False, max_length=100, strip=True)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(str(year), str(year)) for year in years]


class AttachmentAdminForm(forms.ModelForm):
    """An attachment row in the notice admin: the upload is checked by content here, stored by the service."""

    upload = forms.FileField(label=_("file"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if self.instance.pk is None and not upload and self.has_changed():
            raise ValidationError({"upload": _("Choose a file to attach.")})
        if upload:
            try:
                cleaned["checked"] = check_upload(upload)
            except ValidationError as error:
                raise ValidationError({"upload": error.messages}) from error
        return cleaned
