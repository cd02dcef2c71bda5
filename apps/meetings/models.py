"""Availability windows of exhibitors and the meeting requests that hold their slots."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ZONE = ZoneInfo("Asia/Shanghai")  # the expo's clock: every slot is in Beijing time
SLOT_CHOICES = ((15, _("15 minutes")), (30, _("30 minutes")))
SLOT_FORMAT = "%Y%m%dT%H%M"  # how a slot's start is posted, Beijing time


def slot_value(start):
    return start.astimezone(ZONE).strftime(SLOT_FORMAT)


class Location(models.TextChoices):
    BOOTH = "booth", _("At our booth")
    TABLE = "table", _("At a meeting table")


class Status(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    PROPOSED = "proposed", _("Another time proposed")
    ACCEPTED = "accepted", _("Confirmed")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE = (Status.REQUESTED, Status.PROPOSED, Status.ACCEPTED)  # these hold their slot


class Availability(models.Model):
    """When a company takes meetings on one day of an edition: a window cut into slots of 15 or 30 minutes."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="meeting_days",
                                verbose_name=_("company"))
    edition = models.ForeignKey("expo.Edition", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("expo edition"))
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    slot_minutes = models.PositiveSmallIntegerField(_("slot length"), choices=SLOT_CHOICES, default=30)
    location = models.CharField(_("place"), max_length=10, choices=Location.choices, default=Location.BOOTH)
    booth = models.CharField(_("booth"), max_length=100, blank=True,
                             help_text=_("The company's booth codes in the edition, when the availability was saved."))
    table_name = models.CharField(_("meeting table"), max_length=100, blank=True)
    is_open = models.BooleanField(_("open for requests"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting availability")
        verbose_name_plural = _("meeting availability")
        ordering = ("day",)
        constraints = [
            models.UniqueConstraint(fields=("company", "day"), name="meetings_one_window_per_day"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meetings_window_ordered"),
        ]
        indexes = [models.Index(fields=("edition", "day"), name="meetings_avail_edition_day")]

    def __str__(self):
        return f"{self.company} {self.day:%Y-%m-%d} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def at(self, time):
        return datetime.datetime.combine(self.day, time, tzinfo=ZONE)

    def slot_starts(self):
        """The aware starts of the window's slots (a slot ends within the window)."""
        step = datetime.timedelta(minutes=self.slot_minutes)
        start, end = self.at(self.starts_at), self.at(self.ends_at)
        starts = []
        while start + step <= end:
            starts.append(start)
            start += step
        return starts

    @property
    def place(self):
        """Where the meetings of this day take place, in the active language."""
        if self.location == Location.TABLE and self.table_name:
            return self.table_name
        if self.booth:
            return _("Booth %(code)s") % {"code": self.booth}
        return str(Location(self.location).label)


class MeetingRequest(models.Model):
    """A visitor's request for one slot of an exhibitor, and what became of it. `starts_at` is the slot it holds
    now: the one asked for, or the one the exhibitor proposed instead (`requested_starts_at` keeps the first)."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="meeting_requests",
                                verbose_name=_("exhibitor"))
    edition = models.ForeignKey("expo.Edition", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("expo edition"))
    availability = models.ForeignKey(Availability, on_delete=models.RESTRICT, related_name="requests",
                                     verbose_name=_("availability"))
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_requests",
                                  verbose_name=_("requested by"))
    requester_company = models.ForeignKey("companies.Company", on_delete=models.SET_NULL, null=True, blank=True,
                                          related_name="meeting_requests_sent", verbose_name=_("on behalf of"))
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    requested_starts_at = models.DateTimeField(_("first asked for"))
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ("starts_at", "pk")
        constraints = [
            # the guarantee that no slot is ever booked twice
            models.UniqueConstraint(fields=("company", "starts_at"), condition=Q(status__in=ACTIVE),
                                    name="meetings_slot_booked_once"),
        ]
        indexes = [
            models.Index(fields=("company", "created_at"), name="meetings_company_created"),
            models.Index(fields=("company", "starts_at"), name="meetings_company_starts"),
            models.Index(fields=("requester", "starts_at"), name="meetings_requester_starts"),
            models.Index(fields=("status", "starts_at"), name="meetings_status_starts"),
        ]
        permissions = [("read_meeting_message", _("Can read the messages of meeting requests")),
                       ("export_meetings", _("Can export meeting requests"))]

    def __str__(self):
        return f"{self.company} · {self.starts_at.astimezone(ZONE):%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.status in ACTIVE

    @property
    def local_start(self):
        return self.starts_at.astimezone(ZONE)

    @property
    def local_end(self):
        return self.ends_at.astimezone(ZONE)
