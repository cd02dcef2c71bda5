"""Attachment writes: files of a draft requirement (by its poster) or of an undecided response (by its supplier)."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from ..conf import attachments_per_owner
from ..models import Attachment
from ..uploads import check_upload
from ._common import require


def _owner_check(user, *, requirement, response):
    if requirement is not None:
        require(user, "docking.edit_requirement", requirement,
                _("Files can be added to a draft of your own company only."))
        return {"requirement": requirement}
    require(user, "docking.withdraw_response", response,
            _("Files can be added to your own company's response only, before the poster decides."))
    return {"response": response}


@transaction.atomic
def attachment_add(*, user, upload, requirement=None, response=None, verified_only=False):
    """Check an upload by its content (ValidationError if refused) and keep it in private storage."""
    owner = _owner_check(user, requirement=requirement, response=response)
    if Attachment.objects.filter(**owner).count() >= attachments_per_owner():
        raise ValidationError(_("At most %(count)s files can be attached.") % {"count": attachments_per_owner()})
    checked = upload if hasattr(upload, "content_type") and hasattr(upload, "content") else check_upload(upload)
    attachment = Attachment(filename=checked.filename, content_type=checked.content_type, size=len(checked.content),
                            verified_only=bool(verified_only and requirement is not None), uploaded_by=user, **owner)
    attachment.file.save(checked.filename, ContentFile(checked.content), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def attachment_delete(*, attachment, user):
    _owner_check(user, requirement=attachment.requirement, response=attachment.response)
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: attachment_files_delete(names=[name]))


def attachment_files_delete(*, names):
    """Remove stored files once the rows that named them are gone."""
    storage = Attachment._meta.get_field("file").storage
    for name in names:
        storage.delete(name)
