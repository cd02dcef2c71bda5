"""`get_FOO_display()` without translating every choice: Django's own builds a dict of all the field's choices on
each call, and hashing their lazy labels translates each one (35 gettext calls for one region's name, ~1,200 on a
directory page). Models with long choice lists take `ChoiceLabels` first among their bases."""

from django.utils.encoding import force_str

_labels = {}  # id(field) -> {value: lazy label}


class ChoiceLabels:
    def _get_FIELD_display(self, field):  # noqa: N802 (the name Django's Model calls)
        labels = _labels.get(id(field))
        if labels is None:
            labels = _labels[id(field)] = dict(field.flatchoices)  # labels stay lazy
        value = getattr(self, field.attname)
        return force_str(labels.get(value, value), strings_only=True)
