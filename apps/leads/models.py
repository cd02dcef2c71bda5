"""A contact request of a visitor to an exhibitor (a "lead"). Writes go through apps.leads.services."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CLOSED = "closed", _("Closed")


class Lead(models.Model):
    """One request. `confirmed_at` is empty until an anonymous sender followed the link in the confirmation email:
    until then nobody but the sender knows of it. `exported_at` is when the company last exported it (empty: not
    yet), which is what "since the last export" reads."""

    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="leads",
                                verbose_name=_("exhibitor"))
    edition = models.ForeignKey("expo.Edition", on_delete=models.PROTECT, related_name="leads",
                                verbose_name=_("expo edition"))
    product = models.ForeignKey("companies.Product", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("product of interest"))
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("company name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="leads_sent", verbose_name=_("sender's account"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Only your company's members see these notes."))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    exported_at = models.DateTimeField(_("last exported"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ("-confirmed_at", "-pk")
        permissions = [("read_lead_message", _("Can read the messages and notes of contact requests"))]
        indexes = [
            # the portal's list (newest first), its status filter, "since the last export", the figures by day
            models.Index(fields=["company", "-confirmed_at"], name="lead_company_confirmed",
                         condition=Q(confirmed_at__isnull=False)),
            models.Index(fields=["company", "status", "-confirmed_at"], name="lead_company_status",
                         condition=Q(confirmed_at__isnull=False)),
            models.Index(fields=["company", "exported_at"], name="lead_company_exported",
                         condition=Q(confirmed_at__isnull=False)),
            # the editors' overview per edition and status
            models.Index(fields=["edition", "status", "-confirmed_at"], name="lead_edition_status"),
        ]

    def __str__(self):
        return f"{self.name} → {self.company}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
