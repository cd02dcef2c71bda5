"""Trading Center: spot-trading centers and their numbered, typed, effective-dated notices.

A notice is written as a draft, submitted, and published by a second person (four eyes). Publication gives it a
serial number per center, year and type ("[2026] No. 15") that is never reused. A published notice is not edited:
a correction is a new notice that supersedes it. All writes go through `apps.trading.services`.
"""

import os

from cms.models import CMSPlugin
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from apps.core.languages import CHINESE
from apps.core.richtext import RichTextField

from .storage import attachment_storage


def trading_url(name, language=None, **kwargs):
    """Reverse a Trading Center URL in a language (the apphook's namespace is "trading")."""
    with override(language or get_language()):
        return reverse(f"trading:{name}", kwargs=kwargs or None)


class TradingCenter(TranslatableModel):
    """A spot trading center (e.g. for natural rubber) that publishes its own series of notices."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True,
                            help_text=_("Used in the web address in both languages (Latin letters, digits, hyphens)."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        introduction=RichTextField(_("introduction"), blank=True),
    )

    class Meta:
        verbose_name = _("trading center")
        verbose_name_plural = _("trading centers")
        ordering = ("position", "slug")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        return trading_url("board", language, center=self.slug)


class NoticeKind(models.TextChoices):
    """The type of a notice; the value appears in notice addresses and feed addresses."""

    TRADING = "trading", _("Trading announcement")
    DELIVERY = "delivery", _("Delivery and warehouse")
    FEES = "fees", _("Fee adjustment")
    HOLIDAY = "holiday", _("Holiday arrangement")
    RISK = "risk", _("Risk warning")
    MEMBERSHIP = "membership", _("Membership")


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PUBLIC_STATUSES = (NoticeStatus.PUBLISHED, NoticeStatus.WITHDRAWN)
EDITABLE_STATUSES = (NoticeStatus.DRAFT, NoticeStatus.SUBMITTED)


class Notice(TranslatableModel):
    center = models.ForeignKey(TradingCenter, on_delete=models.PROTECT, related_name="notices",
                               verbose_name=_("trading center"))
    kind = models.CharField(_("type"), max_length=20, choices=NoticeKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT,
                              editable=False)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    issue_date = models.DateField(_("issue date"), null=True, blank=True,
                                  help_text=_("Leave empty to use the day of publication. Its year is the year of "
                                              "the serial number."))
    effective_from = models.DateTimeField(_("effective from"), null=True, blank=True,
                                          help_text=_("Leave empty for the moment of publication."))
    effective_until = models.DateTimeField(_("effective until"), null=True, blank=True,
                                           help_text=_("Leave empty if the notice stays in effect. The notice is "
                                                       "no longer in effect from this moment on."))
    supersedes = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="corrections", verbose_name=_("supersedes"),
                                   help_text=_("The earlier notice this one corrects or replaces."))
    pinned = models.BooleanField(_("pinned"), default=False, help_text=_("Pinned notices head the notice board."))
    prevailing_language = models.CharField(
        _("prevailing language"), max_length=10, choices=settings.LANGUAGES, default=CHINESE,
        help_text=_("The version that prevails if the two language versions differ."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("drafted by"), editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("last changed by"), editable=False)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    null=True, blank=True, verbose_name=_("approved by"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=300),
        body=RichTextField(_("text"), blank=True),
    )

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ("-issue_date", "-published_at", "-pk")
        permissions = [("publish_notice", _("Can approve, publish and withdraw notices"))]
        constraints = [
            models.UniqueConstraint(fields=("center", "year", "kind", "number"), name="trading_unique_serial"),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True) | Q(effective_until__isnull=True)
                | Q(effective_until__gt=F("effective_from")),
                name="trading_effective_until_after_from",
            ),
            models.CheckConstraint(
                condition=Q(status__in=EDITABLE_STATUSES) | Q(number__isnull=False, year__isnull=False,
                                                              published_at__isnull=False),
                name="trading_published_has_serial",
            ),
        ]
        indexes = [
            models.Index(fields=("center", "status", "issue_date"), name="trading_board_idx"),
            models.Index(fields=("kind", "status", "effective_from"), name="trading_effect_idx"),
            models.Index(fields=("status", "submitted_at"), name="trading_approval_idx"),  # the editors' queue
        ]

    def __str__(self):
        title = self.safe_translation_getter("title", any_language=True) or ""
        return f"{self.serial} {title}".strip() if self.number else title

    @property
    def serial(self):
        """The serial number as printed on the notice, e.g. "[2026] No. 15"; empty before publication."""
        if not self.number:
            return ""
        return _("[%(year)s] No. %(number)s") % {"year": self.year, "number": self.number}

    def clean(self):
        """Checks that need no other record than the one superseded (the services call them too)."""
        errors = {}
        if self.effective_from and self.effective_until and self.effective_until <= self.effective_from:
            errors["effective_until"] = _("The end of the effective period must come after its start.")
        target = self.supersedes if self.supersedes_id else None
        if target is not None:
            correction = target.corrections.filter(status=NoticeStatus.PUBLISHED).exclude(pk=self.pk).first()
            if target.pk == self.pk:
                errors["supersedes"] = _("A notice cannot supersede itself.")
            elif self.center_id and target.center_id != self.center_id:
                errors["supersedes"] = _("A notice can only supersede a notice of the same trading center.")
            elif target.status != NoticeStatus.PUBLISHED:
                errors["supersedes"] = _("Only a published notice can be superseded.")
            elif correction is not None:
                errors["supersedes"] = _("%(notice)s has already been superseded by %(correction)s.") % {
                    "notice": target.serial, "correction": correction.serial}
        if errors:
            raise ValidationError(errors)

    def translation_shown(self, language=None):
        """The translation to show in `language`: that one, else the prevailing language's, else any.

        Reads the prefetched translations (no query per notice in lists); None for a notice without any.
        """
        by_language = {translation.language_code: translation for translation in self.translations.all()}
        return (by_language.get(language or get_language()) or by_language.get(self.prevailing_language)
                or next(iter(by_language.values()), None))

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    def get_absolute_url(self, language=None):
        if not self.is_public:
            return trading_url("preview", language, pk=self.pk)
        return trading_url("notice", language, center=self.center.slug, year=self.year, kind=self.kind,
                           number=self.number)

    def effect(self, now=None, *, superseded=None):
        """Where the notice stands at `now`: one of the Effect values.

        `superseded`: whether a published correction has taken effect (the selectors annotate it); defaults to
        looking at `corrections`, which the notice page prefetches.
        """
        now = now or timezone.now()
        if self.status == NoticeStatus.WITHDRAWN:
            return Effect.WITHDRAWN
        if self.status != NoticeStatus.PUBLISHED:
            return Effect.UNPUBLISHED
        if superseded is None:
            superseded = any(c.status == NoticeStatus.PUBLISHED and c.effective_from <= now
                             for c in self.corrections.all())
        if superseded:
            return Effect.SUPERSEDED
        if self.effective_from > now:
            return Effect.SCHEDULED
        if self.effective_until is not None and self.effective_until <= now:
            return Effect.EXPIRED
        return Effect.IN_EFFECT


class Effect(models.TextChoices):
    UNPUBLISHED = "unpublished", _("Not published")
    SCHEDULED = "scheduled", _("Not yet in effect")
    IN_EFFECT = "in-effect", _("In effect")
    EXPIRED = "expired", _("No longer in effect")
    SUPERSEDED = "superseded", _("Superseded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class NoticeCounter(models.Model):
    """The last serial number given per center, year and type. Locked while a number is taken; only grows."""

    center = models.ForeignKey(TradingCenter, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("serial number counter")
        verbose_name_plural = _("serial number counters")
        constraints = [models.UniqueConstraint(fields=("center", "year", "kind"), name="trading_unique_counter")]

    def __str__(self):
        return f"{self.center_id}/{self.year}/{self.kind}: {self.last_number}"


class AttachmentType(models.TextChoices):
    PDF = "pdf", "PDF"
    IMAGE = "image", _("Image")
    XLSX = "xlsx", _("Spreadsheet (XLSX)")
    CSV = "csv", "CSV"


def attachment_path(instance, filename):
    return os.path.join("attachments", timezone.now().strftime("%Y/%m"), filename)


class NoticeAttachment(models.Model):
    """A file of a notice, checked by content when uploaded and served only as a download."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="attachments",
                               verbose_name=_("notice"))
    file = models.FileField(_("file"), upload_to=attachment_path, storage=attachment_storage, max_length=255)
    filename = models.CharField(_("file name"), max_length=150, help_text=_("The name the file is downloaded as."))
    file_type = models.CharField(_("file type"), max_length=10, choices=AttachmentType.choices)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True,
                                help_text=_("Leave empty if the file serves both languages."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ("position", "pk")

    def __str__(self):
        return self.filename

    def get_absolute_url(self, language=None):
        return trading_url("attachment", language, pk=self.pk, filename=self.filename)


class TradingHomePluginModel(CMSPlugin):
    """Options of the home page's trading block (apps.trading.cms_plugins): how many notices it shows."""

    count = models.PositiveSmallIntegerField(_("number of notices"), default=5,
                                             validators=[MinValueValidator(1), MaxValueValidator(20)])

    def __str__(self):
        return str(self.count)
