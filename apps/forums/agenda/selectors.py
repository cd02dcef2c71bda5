"""Reads of personal agendas."""

from apps.forums.models import Agenda


def agenda_by_token(token):
    """The agenda with this secret token, or None."""
    if not token or len(token) > 64:
        return None
    return Agenda.objects.filter(token=token).first()


def agenda_of_user(user):
    if user is None or not user.is_authenticated:
        return None
    return Agenda.objects.filter(user=user).first()


def agenda_session_ids(agenda):
    """Starred session ids, in the order they were starred."""
    if agenda is None:
        return []
    return list(agenda.entries.order_by("pk").values_list("session_id", flat=True))


def released_sessions(programme, session_ids):
    """The programme's sessions among these ids, in time order (ids no longer released are left out)."""
    wanted = set(session_ids)
    return [session for session in programme.sessions if session.id in wanted]
