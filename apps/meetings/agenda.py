"""Confirmed meetings in the personal agenda (apps.accounts.agenda): for the visitor who asked and for every
member of the exhibitor, next to their starred sessions and in their agenda's iCal feed."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from apps.accounts.agenda import AgendaItem, agenda_items_register

from . import selectors


def _item(meeting, user, language):
    company = meeting.company_name  # annotated in the active language
    person = selectors.person_of(meeting.requester)
    if meeting.requester_company_name:
        person = f"{person} ({meeting.requester_company_name})"
    if meeting.requester_id == user.pk:
        title, url = _("Meeting with %(name)s") % {"name": company}, reverse("meetings:mine")
    else:
        title = _("Meeting with %(name)s") % {"name": person}
        url = reverse("meetings_portal:requests", args=[meeting.company.slug])
    description = "\n".join([f"{_('Exhibitor:')} {company}", f"{_('Visitor:')} {person}"])
    return AgendaItem(uid=f"meeting-{meeting.pk}", start=meeting.local_start, end=meeting.local_end, title=title,
                      place=str(meeting.availability.place), url=url, description=description, kind="meeting",
                      kind_label=_("Meeting"))


def meeting_items(*, user, language):
    with translation.override(language):
        return [_item(meeting, user, language) for meeting in selectors.confirmed_meetings_of_user(user=user)]


def register():
    agenda_items_register("meetings", meeting_items)
