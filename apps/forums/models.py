"""Forums of an expo: their rooms, sessions, speakers, schedule releases, agendas and registrations.

Editors edit the draft tables (Forum, Session, ...). The public never reads them: it reads the latest
ScheduleRelease, a snapshot of the whole programme taken when an editor releases it, with a changelog against the
release before. Cache keys carry the release version.
"""

import datetime
import zoneinfo

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields


def forum_ends_at(ends_on, time_zone):
    """The moment a forum is over: midnight after its last day, in its own zone (registration closes then)."""
    return datetime.datetime.combine(ends_on + datetime.timedelta(days=1), datetime.time.min,
                                     tzinfo=zoneinfo.ZoneInfo(time_zone))


class Forum(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    edition = models.ForeignKey("expo.Edition", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="forums", verbose_name=_("expo edition"))
    hosts = models.ManyToManyField("companies.Company", related_name="hosted_forums", blank=True,
                                   verbose_name=_("hosting organisations"))
    co_organisers = models.ManyToManyField("companies.Company", related_name="co_organised_forums", blank=True,
                                           verbose_name=_("co-organisers"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=50, default=settings.TIME_ZONE,
                                 help_text=_("Times of this forum's sessions are shown in this zone."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    requires_registration = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        introduction=models.TextField(_("introduction"), blank=True),
        venue=models.CharField(_("venue"), max_length=200, blank=True),
    )

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ("starts_on", "position", "slug")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    @property
    def is_over(self):
        return timezone.now() >= forum_ends_at(self.ends_on, self.time_zone)


class Room(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    capacity = models.PositiveIntegerField(_("seats"), null=True, blank=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=100),
        location=models.CharField(_("location"), max_length=200, blank=True),
    )

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ("position", "slug")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Topic(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    translations = TranslatedFields(name=models.CharField(_("name"), max_length=100))

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ("slug",)

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class SessionFormat(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    PANEL = "panel", _("Panel")
    ROUNDTABLE = "roundtable", _("Round table")
    SIGNING = "signing", _("Signing ceremony")
    RELEASE = "release", _("Release")


class Session(TranslatableModel):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("forum"))
    room = models.ForeignKey(Room, on_delete=models.PROTECT, null=True, blank=True, related_name="sessions",
                             verbose_name=_("room"))
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions",
                              verbose_name=_("topic"))
    format = models.CharField(_("format"), max_length=12, choices=SessionFormat.choices,
                              default=SessionFormat.KEYNOTE)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    is_cancelled = models.BooleanField(_("cancelled"), default=False)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
        abstract=models.TextField(_("abstract"), blank=True),
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ("starts_at", "room", "id")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"


class Speaker(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    photo = models.ImageField(_("photo"), upload_to="forums/speakers/", blank=True)
    company = models.ForeignKey("companies.Company", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="speakers", verbose_name=_("company"))

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=120),
        position=models.CharField(_("position"), max_length=200, blank=True),
        bio=models.TextField(_("biography"), blank=True),
    )

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ("slug",)

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    HOST = "host", _("Host")


class SessionSpeaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="appearances",
                                verbose_name=_("session"))
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances",
                                verbose_name=_("speaker"))
    role = models.CharField(_("role"), max_length=10, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("session speaker")
        verbose_name_plural = _("session speakers")
        ordering = ("session", "position", "id")
        constraints = [models.UniqueConstraint(fields=("session", "speaker", "role"), name="unique_session_role")]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"


class ScheduleRelease(models.Model):
    """A released version of the whole programme: the snapshot the public reads, and what changed since the last."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    released_at = models.DateTimeField(_("released"), auto_now_add=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    related_name="+", verbose_name=_("released by"))
    snapshot = models.JSONField(_("schedule snapshot"), default=dict)
    changelog = models.JSONField(_("changes since the previous release"), default=list)
    note_en = models.TextField(_("note (English)"), blank=True)
    note_zh_hans = models.TextField(_("note (Chinese)"), blank=True)

    class Meta:
        verbose_name = _("schedule release")
        verbose_name_plural = _("schedule releases")
        ordering = ("-version",)
        permissions = [("release_schedule", _("Can release the forum schedule"))]

    def __str__(self):
        return f"v{self.version}"


class Agenda(models.Model):
    """A personal agenda: starred sessions of an account, or of a visitor known by a secret token (and email)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="forum_agenda", verbose_name=_("user"))
    token = models.CharField(_("token"), max_length=43, unique=True)
    email = models.EmailField(_("email for change alerts"), blank=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def __str__(self):
        return self.email or str(self.user or self.token[:8])


class AgendaEntry(models.Model):
    """A starred session of an agenda, by released session id: no foreign key, so a session deleted from the draft
    stays starred until the release that removes it has alerted the agenda."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="entries", verbose_name=_("agenda"))
    session_id = models.PositiveBigIntegerField(_("session"), db_index=True)

    class Meta:
        verbose_name = _("starred session")
        verbose_name_plural = _("starred sessions")
        constraints = [models.UniqueConstraint(fields=("agenda", "session_id"), name="unique_agenda_session")]

    def __str__(self):
        return f"{self.agenda_id}:{self.session_id}"


class RegistrationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="registrations",
                              verbose_name=_("forum"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="forum_registrations", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    state = models.CharField(_("state"), max_length=12, choices=RegistrationState.choices, db_index=True)
    token = models.CharField(_("token"), max_length=43, unique=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ("forum", "created_at", "id")
        constraints = [
            models.UniqueConstraint(fields=("forum", "email"), condition=~models.Q(state="cancelled"),
                                    name="unique_active_registration"),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}> ({self.get_state_display()})"


class ForumsHomePluginModel(CMSPlugin):
    """Options of the home page's forum block (apps.forums.cms_plugins): how many sessions it shows."""

    count = models.PositiveSmallIntegerField(_("number of sessions"), default=4,
                                             validators=[MinValueValidator(1), MaxValueValidator(12)])

    def __str__(self):
        return str(self.count)
