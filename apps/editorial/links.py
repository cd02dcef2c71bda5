"""Links of the editors' desk: an object's admin edit page, open on the tab of one language."""

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch

from .registry import admin_change_url


def edit_url(content_type_id, object_id, language):
    """The admin edit page of an object on the tab of `language` (in the active language's admin), or ""."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:  # its app was removed
        return ""
    try:
        return admin_change_url(model, object_id, language)
    except NoReverseMatch:
        return ""
