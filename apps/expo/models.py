"""Expo editions, their halls and booths, and the companies exhibiting in them (participations).

The company record itself (profile, logo, products) lives in apps.companies and outlives editions; a participation
is one company in one edition with its booths, exhibit categories and highlights. Exhibitors never write these
tables directly: their edits wait as a ProfileChange until an editor approves (see services).
"""

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from .portal.uploads import PENDING_DIR, pending_storage


def expo_url(name, language=None, **kwargs):
    """Reverse a public expo URL in a language (the apphook's namespace is "expo")."""
    with override(language or get_language()):
        return reverse(f"expo:{name}", kwargs=kwargs or None)


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (not public)")
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Edition(TranslatableModel):
    """One expo, e.g. the first China (Qingdao) Rubber Industry Expo."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    status = models.CharField(_("status"), max_length=10, choices=EditionStatus.choices, default=EditionStatus.DRAFT)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        venue=models.CharField(_("venue"), max_length=200, blank=True),
        city=models.CharField(_("city"), max_length=100, blank=True),
        summary=models.TextField(_("summary"), blank=True),
    )

    class Meta:
        verbose_name = _("expo edition")
        verbose_name_plural = _("expo editions")
        ordering = ("-starts_on",)

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    @property
    def is_public(self):
        return self.status != EditionStatus.DRAFT

    @property
    def phase(self):
        """What visitors are told: draft while the editors keep it a draft, else upcoming, open or closed by its
        dates in the site's time zone (the stored status only says whether the edition is public)."""
        if self.status == EditionStatus.DRAFT:
            return EditionStatus.DRAFT
        today = timezone.localdate()
        if today < self.starts_on:
            return EditionStatus.UPCOMING
        return EditionStatus.OPEN if today <= self.ends_on else EditionStatus.CLOSED

    @property
    def phase_label(self):
        return EditionStatus(self.phase).label

    def get_absolute_url(self, language=None):
        return expo_url("edition", language, edition=self.slug)


class Hall(TranslatableModel):
    """An exhibition hall; its floor plan is drawn from its size and its booths' rectangles (metres)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="halls", verbose_name=_("edition"))
    code = models.CharField(_("code"), max_length=10, help_text=_("Short code shown on the plan, e.g. A."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    width = models.PositiveIntegerField(_("width (m)"), default=120)
    depth = models.PositiveIntegerField(_("depth (m)"), default=80)

    translations = TranslatedFields(name=models.CharField(_("name"), max_length=100))

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ("edition", "position", "code")
        constraints = [models.UniqueConstraint(fields=("edition", "code"), name="unique_hall_code")]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code

    def get_absolute_url(self, language=None):
        return expo_url("hall", language, edition=self.edition.slug, code=self.code)


class Participation(TranslatableModel):
    """A company exhibiting in an edition."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="participations",
                                verbose_name=_("company"))
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="participations",
                                verbose_name=_("edition"))
    categories = models.ManyToManyField("companies.ProductCategory", related_name="participations", blank=True,
                                        verbose_name=_("exhibit categories"))
    is_confirmed = models.BooleanField(_("confirmed"), default=True,
                                       help_text=_("Only confirmed exhibitors appear in the public directory."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    translations = TranslatedFields(
        highlights=models.TextField(_("exhibit highlights"), blank=True),
    )

    class Meta:
        verbose_name = _("exhibitor participation")
        verbose_name_plural = _("exhibitor participations")
        ordering = ("edition", "company")
        constraints = [models.UniqueConstraint(fields=("company", "edition"), name="unique_participation")]

    def __str__(self):
        return f"{self.company} @ {self.edition}"


class Booth(models.Model):
    """A stand: a rectangle on its hall's plan, taken by at most one participation."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="booths", verbose_name=_("hall"))
    code = models.CharField(_("code"), max_length=20, help_text=_("Stand number as printed, e.g. A-101."))
    participation = models.ForeignKey(Participation, on_delete=models.SET_NULL, null=True, blank=True,
                                      related_name="booths", verbose_name=_("exhibitor"))
    x = models.PositiveIntegerField(_("x (m)"), default=0)
    y = models.PositiveIntegerField(_("y (m)"), default=0)
    width = models.PositiveIntegerField(_("width (m)"), default=3)
    depth = models.PositiveIntegerField(_("depth (m)"), default=3)

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ("hall", "code")
        constraints = [models.UniqueConstraint(fields=("hall", "code"), name="unique_booth_code")]

    def __str__(self):
        return self.code

    @property
    def area(self):
        return self.width * self.depth

    @property
    def anchor(self):
        """The booth's id on its hall's floor plan (a URL fragment)."""
        return f"booth-{slugify(self.code) or self.pk}"


class ProfileChangeState(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ProfileChange(models.Model):
    """An exhibitor's proposed edit of its company profile, participation or products, waiting for an editor.

    `payload` holds the proposed values (per language for translated fields); `baseline` the live values when the
    change was submitted, so the editor's diff shows what the exhibitor saw.
    """

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="profile_changes",
                                verbose_name=_("company"))
    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="profile_changes", verbose_name=_("participation"))
    state = models.CharField(_("state"), max_length=10, choices=ProfileChangeState.choices,
                             default=ProfileChangeState.PENDING, db_index=True)
    payload = models.JSONField(_("proposed values"), default=dict)
    baseline = models.JSONField(_("live values when submitted"), default=dict)
    logo = models.ImageField(_("proposed logo"), upload_to=f"{PENDING_DIR}/", storage=pending_storage, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+", verbose_name=_("submitted by"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reason = models.TextField(_("reason for rejection"), blank=True)

    class Meta:
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        ordering = ("-submitted_at",)
        permissions = [("review_profilechange", _("Can approve or reject exhibitor profile changes"))]
        constraints = [models.UniqueConstraint(fields=("company",), condition=models.Q(state="pending"),
                                               name="one_pending_change_per_company")]

    def __str__(self):
        return f"{self.company} ({self.get_state_display()})"


class Invitation(models.Model):
    """An editor's invitation to a company contact to join the company as a member of the portal."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="invitations",
                                verbose_name=_("company"))
    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("invited by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("accepted by"))

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ("-created_at",)

    def __str__(self):
        return self.email


class ReminderLog(models.Model):
    """When a member was last reminded to complete a company profile (at most one reminder a week)."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("company"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("user"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("profile reminder")
        verbose_name_plural = _("profile reminders")
        ordering = ("-sent_at",)

    def __str__(self):
        return f"{self.user_id} · {self.company_id} · {self.sent_at:%Y-%m-%d}"


class ExpoHomePluginModel(CMSPlugin):
    """Options of the home page's expo block (apps.expo.cms_plugins): how many exhibitors it shows."""

    exhibitors = models.PositiveSmallIntegerField(_("number of exhibitors"), default=6,
                                                  validators=[MinValueValidator(1), MaxValueValidator(12)])

    def __str__(self):
        return str(self.exhibitors)


class StarredExhibitor(models.Model):
    """A company a signed-in visitor starred (bookmarks); anonymous visitors keep theirs in the browser only."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("user"))
    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("company"))
    created_at = models.DateTimeField(_("starred"), auto_now_add=True)

    class Meta:
        verbose_name = _("starred exhibitor")
        verbose_name_plural = _("starred exhibitors")
        ordering = ("created_at", "pk")
        constraints = [models.UniqueConstraint(fields=("user", "company"), name="unique_starred_exhibitor")]

    def __str__(self):
        return f"{self.user_id} · {self.company_id}"


class ExhibitorDayFigures(models.Model):
    """One company's counted views on one day (the site's time zone), added to by the flush of the Redis counters
    (apps/expo/figures)."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("company"))
    day = models.DateField(_("day"))
    profile_views = models.PositiveIntegerField(_("profile views"), default=0)
    product_views = models.PositiveIntegerField(_("product views"), default=0)

    class Meta:
        verbose_name = _("exhibitor figures of a day")
        verbose_name_plural = _("exhibitor figures per day")
        ordering = ("company", "day")
        constraints = [models.UniqueConstraint(fields=("company", "day"), name="unique_exhibitor_day_figures")]

    def __str__(self):
        return f"{self.company_id} · {self.day:%Y-%m-%d}"


class FiguresFlush(models.Model):
    """A batch of Redis counters already added to ExhibitorDayFigures: written in the same transaction as the
    counts, so a batch left in Redis by an interrupted flush is never added twice."""

    batch = models.CharField(_("batch"), max_length=40, unique=True)
    flushed_at = models.DateTimeField(_("flushed"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("figures flush")
        verbose_name_plural = _("figures flushes")

    def __str__(self):
        return self.batch
