"""Reads of personal agendas, and of the session ids a visitor sends."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.forums.models import Agenda

MAX_STARRED = 500


def agenda_get(*, pk):
    """The agenda with this id, or None."""
    return Agenda.objects.filter(pk=pk).first()


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


def release_session_ids(release):
    """Ids of the sessions in a release (an empty set before the first release)."""
    return {int(pk) for pk in release.snapshot.get("sessions", {})} if release is not None else set()


def session_ids_from_input(raw, *, known, strict=True):
    """Session ids from user input (a list, or a comma-separated string) kept when released (in `known`), in
    their order. Past MAX_STARRED: ValidationError when `strict`, else the first ones."""
    if isinstance(raw, str):
        raw = raw.replace(" ", "").split(",")
    ids = []
    for value in raw or []:
        try:
            pk = int(value)
        except (TypeError, ValueError, OverflowError):  # JSON may bring 1e400 (inf) or NaN
            continue
        if pk in known and pk not in ids:
            ids.append(pk)
    if len(ids) > MAX_STARRED:
        if strict:
            raise ValidationError(_("An agenda holds at most %(count)d sessions.") % {"count": MAX_STARRED})
        ids = ids[:MAX_STARRED]
    return ids
