"""Time zones as people name them: "Beijing time" / "北京时间" for Asia/Shanghai rather than the tz database id."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

NAMES = {
    "Asia/Shanghai": gettext_lazy("Beijing time"),
    "Asia/Hong_Kong": gettext_lazy("Hong Kong time"),
    "Asia/Taipei": gettext_lazy("Taipei time"),
    "Asia/Tokyo": gettext_lazy("Tokyo time"),
    "Asia/Seoul": gettext_lazy("Seoul time"),
    "Asia/Singapore": gettext_lazy("Singapore time"),
    "Asia/Bangkok": gettext_lazy("Bangkok time"),
    "Asia/Kolkata": gettext_lazy("India time"),
    "Europe/London": gettext_lazy("London time"),
    "Europe/Berlin": gettext_lazy("Berlin time"),
    "Europe/Paris": gettext_lazy("Paris time"),
    "America/New_York": gettext_lazy("New York time"),
    "America/Los_Angeles": gettext_lazy("Los Angeles time"),
    "UTC": gettext_lazy("Coordinated Universal Time (UTC)"),
}


def zone_name(zone):
    """The name of a tz database zone in the active language; a zone without its own name is named by its city
    ("America/Sao_Paulo" -> "Sao Paulo time")."""
    if zone in NAMES:
        return str(NAMES[zone])
    city = (zone or "").rsplit("/", 1)[-1].replace("_", " ")
    return _("%(city)s time") % {"city": city} if city else ""
