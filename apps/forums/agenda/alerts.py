"""Change alerts of personal agendas: which agendas a release affects, and the event recorded for each."""

from collections import defaultdict

from apps.core.languages import blank_texts
from apps.forums.models import AgendaEntry, ScheduleRelease
from apps.notifications.audience import Audience
from apps.notifications.services import event_record

ALERT_KIND = "forums.agenda_alert"


def alert_key(release_id, agenda_id):
    return f"{ALERT_KIND}:{release_id}:{agenda_id}"


def affected_by_agenda(*, session_ids):
    """{agenda id: {starred session id, ...}} of the agendas that starred any of these sessions."""
    starred = defaultdict(set)
    for agenda_id, session_id in AgendaEntry.objects.filter(session_id__in=session_ids).values_list(
            "agenda_id", "session_id"):
        starred[agenda_id].add(session_id)
    return starred


def _room(snapshots, room_id):
    """The room's names {language: name} from the newest snapshot that knows it ("" for no room)."""
    for snapshot in snapshots:
        room = snapshot.get("rooms", {}).get(str(room_id)) if room_id is not None else None
        if room:
            return room["name"]
    return blank_texts()


def _slot(summary, snapshots):
    if not summary:
        return None
    return {"starts_at": summary["starts_at"], "ends_at": summary["ends_at"],
            "room": _room(snapshots, summary.get("room"))}


def alert_items(*, release, entries):
    """{session id: item} of the language-neutral alert items (both languages, UTC times, the forum's zone)."""
    previous = (ScheduleRelease.objects.filter(version__lt=release.version).order_by("-version")
                .only("snapshot").first())
    snapshots = [release.snapshot or {}] + ([previous.snapshot or {}] if previous else [])
    items = {}
    for pk, entry in entries.items():
        session = next((s["sessions"][str(pk)] for s in snapshots if str(pk) in s.get("sessions", {})), None)
        forum = next((s["forums"][str(session["forum"])] for s in snapshots
                      if session and str(session["forum"]) in s.get("forums", {})), None)
        summary = entry.get("after") or entry.get("before") or {}
        items[pk] = {
            "session": pk, "change": entry["change"],
            "title": summary.get("title") or (session or {}).get("title") or blank_texts(),
            "forum": forum["title"] if forum else blank_texts(),
            "time_zone": forum["time_zone"] if forum else "Asia/Shanghai",
            "before": _slot(entry.get("before"), snapshots),
            "after": _slot(entry.get("after"), snapshots) if entry["change"] != "removed" else None,
        }
    return items


def alert_record(*, release, agenda, items):
    """One event for this agenda and release, to its account or else its address, in its language."""
    if agenda.user_id:
        audience = Audience(users=[agenda.user])
    else:
        audience = Audience(addresses=[(agenda.email, agenda.language)], inbox=False)
    return event_record(kind=ALERT_KIND, subject=agenda, audience=audience, key=alert_key(release.pk, agenda.pk),
                        context={"release_version": release.version, "items": items})
