"""Supply & Demand (供需对接): requirements posted by lead companies, suppliers' responses with a short message
thread, private attachments, and docking events that gather requirements. All writes go through `apps.docking.services`.

A requirement is a draft, goes to an editor's review, is open to responses until its deadline (the last day on
which responses are taken, in the site's time zone) and ends closed, awarded or cancelled. Past its deadline an
open requirement counts as closed: `Requirement.state()` and the selectors decide by the clock, no worker does.
"""

import datetime
import os

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from apps.companies.models import ChainSegment
from apps.companies.regions import Region
from apps.core.choices import ChoiceLabels
from apps.core.storage import PrivateStorage

attachment_storage = PrivateStorage("docking", setting="DOCKING_ATTACHMENT_ROOT")


def docking_url(name, language=None, **kwargs):
    """Reverse a Supply & Demand URL in a language (the apphook's namespace is "docking")."""
    with override(language or get_language()):
        return reverse(f"docking:{name}", kwargs=kwargs or None)


def translation_pick(obj, language=None):
    """The prefetched translation of `obj` in `language`, else any other one (None when it has none)."""
    by_language = {row.language_code: row for row in obj.translations.all()}
    return by_language.get(language or get_language()) or next(iter(by_language.values()), None)


class DockingEvent(TranslatableModel):
    """A docking event (e.g. held at the expo, with a forum session) at which requirements are released."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    starts_on = models.DateField(_("date"))
    edition_slug = models.SlugField(_("expo edition"), max_length=80, blank=True,
                                    help_text=_("The web-address name of the expo edition the event is part of."))
    forum_session_id = models.PositiveIntegerField(_("forum session number"), null=True, blank=True,
                                                   help_text=_("The number of the forum session that hosts it."))
    is_public = models.BooleanField(_("public"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        venue=models.CharField(_("venue"), max_length=200, blank=True),
        description=models.TextField(_("description"), blank=True),
    )

    class Meta:
        verbose_name = _("docking event")
        verbose_name_plural = _("docking events")
        ordering = ("-starts_on", "slug")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        return docking_url("event", language, slug=self.slug)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    AWARDED = "awarded", _("Awarded")
    CANCELLED = "cancelled", _("Cancelled")


PUBLIC_STATUSES = (Status.OPEN, Status.CLOSED, Status.AWARDED, Status.CANCELLED)
DECIDING_STATUSES = (Status.OPEN, Status.CLOSED)  # the poster may still shortlist, decline or award


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    VERIFIED = "verified", _("Verified companies only")


class Unit(models.TextChoices):
    PIECE = "piece", _("pieces")
    SET = "set", _("sets")
    TONNE = "tonne", _("tonnes")
    KG = "kg", _("kilograms")
    METRE = "metre", _("metres")
    LINE = "line", _("production lines")
    LOT = "lot", _("lot (whole project)")


class Currency(models.TextChoices):
    CNY = "CNY", _("yuan (CNY)")
    USD = "USD", _("US dollars (USD)")
    EUR = "EUR", _("euros (EUR)")


def closes_at(deadline):
    """The moment a requirement with this deadline stops taking responses: the start of the following day."""
    day = deadline + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Requirement(ChoiceLabels, TranslatableModel):
    """What a lead company needs: bilingual texts (either language may be missing), categories, quantity, region."""

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="docking_requirements",
                                verbose_name=_("company"))
    categories = models.ManyToManyField("companies.ProductCategory", related_name="+", verbose_name=_("categories"))
    segment = models.CharField(_("industry-chain segment"), max_length=20, choices=ChainSegment.choices,
                               help_text=_("Where in the chain the supply you look for comes from."))
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, blank=True)
    region = models.CharField(_("delivery region"), max_length=20, choices=Region.choices)
    deadline = models.DateField(_("deadline"), help_text=_("The last day on which responses are taken."))
    budget_min = models.DecimalField(_("budget from"), max_digits=14, decimal_places=2, null=True, blank=True)
    budget_max = models.DecimalField(_("budget up to"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY)
    visibility = models.CharField(_("who may see it"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    event = models.ForeignKey(DockingEvent, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="requirements", verbose_name=_("docking event"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              editable=False)
    review_note = models.TextField(_("editor's note"), blank=True, editable=False,
                                   help_text=_("Why an editor returned the requirement to its poster."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("posted by"), editable=False)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("reviewed by"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("opened"), null=True, blank=True, editable=False)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True, editable=False,
                                    help_text=_("When it was closed, awarded or cancelled by its poster."))

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        description=models.TextField(_("description"), blank=True),
        specifications=models.TextField(_("specifications"), blank=True),
    )

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ("-published_at", "-pk")
        permissions = [("review_requirement", _("Can review and publish requirements")),
                       ("export_docking", _("Can export requirements and responses"))]
        constraints = [models.CheckConstraint(
            condition=Q(budget_min__isnull=True) | Q(budget_max__isnull=True)
            | Q(budget_max__gte=models.F("budget_min")),
            name="docking_budget_range")]
        indexes = [models.Index(fields=("status", "deadline"), name="docking_board_idx"),
                   models.Index(fields=("status", "published_at"), name="docking_recent_idx")]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"

    def translation_shown(self, language=None):
        return translation_pick(self, language)

    def state(self, now=None):
        """The status as visitors see it: an open requirement past its deadline is closed."""
        if self.status == Status.OPEN and (now or timezone.now()) >= closes_at(self.deadline):
            return Status.CLOSED
        return Status(self.status)

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES

    def accepts_responses(self, now=None):
        return self.state(now) == Status.OPEN

    def get_absolute_url(self, language=None):
        return docking_url("requirement", language, pk=self.pk)


class ResponseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    DECLINED = "declined", _("Declined")
    AWARDED = "awarded", _("Awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_RESPONSE_STATUSES = (ResponseStatus.SUBMITTED, ResponseStatus.SHORTLISTED)


class Response(models.Model):
    """A supplier company's answer to a requirement; seen only by both companies' members and editors."""

    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="responses",
                                    verbose_name=_("requirement"))
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="docking_responses",
                                verbose_name=_("supplier"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("sent by"), editable=False)
    message = models.TextField(_("message"))
    capabilities = models.TextField(_("capabilities"), blank=True)
    price = models.DecimalField(_("price"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY)
    status = models.CharField(_("status"), max_length=12, choices=ResponseStatus.choices,
                              default=ResponseStatus.SUBMITTED, editable=False)
    poster_publishes = models.BooleanField(_("poster agrees to publish the outcome"), default=False, editable=False)
    supplier_publishes = models.BooleanField(_("supplier agrees to publish the outcome"), default=False,
                                             editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ("-created_at", "-pk")
        constraints = [models.UniqueConstraint(fields=("requirement", "company"), name="docking_one_response")]

    def __str__(self):
        return f"{self.company} → {self.requirement}"

    def get_absolute_url(self, language=None):
        return docking_url("response", language, pk=self.pk)

    @property
    def outcome_public(self):
        return self.status == ResponseStatus.AWARDED and self.poster_publishes and self.supplier_publishes


class ThreadMessage(models.Model):
    """One message of the short thread between the poster and the supplier of a response."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="thread",
                                 verbose_name=_("response"))
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("on behalf of"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("author"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("thread message")
        verbose_name_plural = _("thread messages")
        ordering = ("created_at", "pk")

    def __str__(self):
        return f"{self.company}: {self.body[:40]}"


def attachment_path(instance, filename):
    return os.path.join(timezone.now().strftime("%Y/%m"), filename)


class Attachment(models.Model):
    """A file of a requirement or of a response, checked by content, kept in private storage, served by a view
    that checks who asks."""

    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="attachments", verbose_name=_("requirement"))
    response = models.ForeignKey(Response, on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="attachments", verbose_name=_("response"))
    file = models.FileField(_("file"), upload_to=attachment_path, storage=attachment_storage, max_length=255)
    filename = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    verified_only = models.BooleanField(_("verified companies only"), default=False,
                                        help_text=_("Only members of verified companies may download it."))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ("created_at", "pk")
        constraints = [models.CheckConstraint(
            condition=Q(requirement__isnull=False, response__isnull=True)
            | Q(requirement__isnull=True, response__isnull=False),
            name="docking_attachment_has_one_owner")]

    def __str__(self):
        return self.filename

    def get_absolute_url(self, language=None):
        return docking_url("attachment", language, pk=self.pk, filename=self.filename)


class DockingHomePluginModel(CMSPlugin):
    """Options of the home page's supply & demand block (apps.docking.cms_plugins): how many requirements it shows."""

    count = models.PositiveSmallIntegerField(_("number of requirements"), default=5,
                                             validators=[MinValueValidator(1), MaxValueValidator(20)])

    def __str__(self):
        return str(self.count)
