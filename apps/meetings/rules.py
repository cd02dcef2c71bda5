"""Who may do what with meetings (django-rules). Only a company's members manage its availability and answer its
requests (editors use the admin instead); only the visitor who asked sees and changes their own request. Views
answer 404 to anyone else, so other companies' ids reveal nothing.

- meetings.manage_company (a Company): its members.
- meetings.answer_request (a MeetingRequest): members of the exhibitor.
- meetings.own_request (a MeetingRequest): the visitor who made it.
- meetings.cancel_request (a MeetingRequest): either party.
"""

import rules

from apps.companies.rules import is_company_member


@rules.predicate
def is_exhibitor_member(user, meeting):
    return meeting is not None and is_company_member(user, meeting.company)


@rules.predicate
def is_requester(user, meeting):
    return meeting is not None and user.is_authenticated and meeting.requester_id == user.pk


rules.add_perm("meetings.manage_company", is_company_member)
rules.add_perm("meetings.answer_request", is_exhibitor_member)
rules.add_perm("meetings.own_request", is_requester)
rules.add_perm("meetings.cancel_request", is_requester | is_exhibitor_member)
