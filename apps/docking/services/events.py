"""Docking event writes (editors, in the admin)."""

from django.db import transaction

from ._common import changed, require


@transaction.atomic
def event_save(*, event, user):
    """Store a new or changed docking event (the admin sets its fields)."""
    require(user, "docking.change_dockingevent" if event.pk else "docking.add_dockingevent")
    event.full_clean()
    event.save()
    changed()
    return event
