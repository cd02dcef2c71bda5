"""Who may do what in the forums: the draft preview, attendee lists and registration actions for organisers,
and the agendas of visitors.

Model permissions come from the role groups (apps.accounts.roles): Editors hold every forums permission
(forums.release_schedule included, checked as it is by the schedule page and its service). The rules below have
names of their own, so they never widen a model permission:

- forums.preview_schedule: staff who may change sessions see the draft programme (?preview=1).
- forums.export_attendees: staff who may view registrations download attendee lists (the forum's CSV page and the
  admin action).
- forums.cancel_registration, forums.fill_places: the admin actions, for staff who may change registrations.
- forums.sync_agenda: an account keeps its starred sessions on the server.
- forums.manage_agenda_email (an Agenda): whoever holds the token of a visitor's agenda sets and confirms its alert
  address; an account's agenda alerts the account, so it has none.
"""

import rules


@rules.predicate
def may_change_sessions(user):
    return user.has_perm("forums.change_session")


@rules.predicate
def may_view_registrations(user):
    return user.has_perm("forums.view_registration")


@rules.predicate
def may_change_registrations(user):
    return user.has_perm("forums.change_registration")


@rules.predicate
def is_visitor_agenda(user, agenda):
    return agenda is not None and agenda.user_id is None


rules.add_perm("forums.preview_schedule", rules.is_staff & may_change_sessions)
rules.add_perm("forums.export_attendees", rules.is_staff & may_view_registrations)
rules.add_perm("forums.cancel_registration", rules.is_staff & may_change_registrations)
rules.add_perm("forums.fill_places", rules.is_staff & may_change_registrations)
rules.add_perm("forums.sync_agenda", rules.is_authenticated)
rules.add_perm("forums.manage_agenda_email", is_visitor_agenda)
