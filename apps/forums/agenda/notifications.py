"""The change alert of personal agendas (a release moved, cancelled or removed sessions someone starred), and the
email confirming a visitor's alert address (double opt-in)."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from apps.core.links import absolute
from apps.notifications.registry import Kind, kind_register

from .alerts import ALERT_KIND
from .optin import CONFIRM_KIND, CONFIRM_MAX_AGE, confirm_token

CHANGE_LABELS = {"moved": _("Moved"), "cancelled": _("Cancelled"), "removed": _("Removed from the programme")}


def pick(values, language):
    """A translated value in this language, else the other one."""
    values = values or {}
    return values.get(language) or next((value for value in values.values() if value), "")


def _when(slot, zone, language):
    if not slot:
        return None
    tz = ZoneInfo(zone)
    starts = datetime.datetime.fromisoformat(slot["starts_at"].replace("Z", "+00:00")).astimezone(tz)
    ends = datetime.datetime.fromisoformat(slot["ends_at"].replace("Z", "+00:00")).astimezone(tz)
    return {"when": f"{starts:%Y-%m-%d %H:%M}–{ends:%H:%M} ({zone})", "room": pick(slot["room"], language)}


def _url(name, *args):
    try:
        return absolute(reverse(name, args=args))
    except NoReverseMatch:  # the forums page is not published
        return ""


def _alert_context(event, agenda):
    language = get_language()
    alerts = []
    for item in event.context.get("items", []):
        alerts.append({
            "title": pick(item["title"], language), "forum": pick(item["forum"], language),
            "change": item["change"], "change_label": CHANGE_LABELS.get(item["change"], item["change"]),
            "before": _when(item["before"], item["time_zone"], language),
            "after": _when(item["after"], item["time_zone"], language),
            "url": _url("forums:session", item["session"]) if item["change"] != "removed" else "",
        })
    token = agenda.token if agenda is not None else ""
    return {"alerts": alerts, "agenda_url": _url("forums:agenda"),
            "ical_url": _url("forums:ical_agenda", token) if token else ""}


def _confirm_context(event, agenda):
    """The signed link, made when the email is rendered (valid 7 days), for the address the event was sent to."""
    email = event.context.get("email", "")
    token = confirm_token(agenda.pk, email) if agenda is not None and email else ""
    return {"email": email, "confirm_url": _url("forums:agenda_confirm", token) if token else "",
            "valid_days": CONFIRM_MAX_AGE.days}


def register():
    kind_register(Kind(key=ALERT_KIND, label=_("Changes to sessions in your forum agenda"),
                       template="forums/agenda/email/alert", context=_alert_context, digestible=False,
                       per_recipient=True))
    kind_register(Kind(key=CONFIRM_KIND, label=_("Confirm the address for forum agenda alerts"),
                       template="forums/agenda/email/confirm", context=_confirm_context, digestible=False,
                       per_recipient=True))
