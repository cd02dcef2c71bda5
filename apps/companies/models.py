from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from parler.models import TranslatableModel, TranslatedFields

from apps.core.choices import ChoiceLabels
from apps.core.richtext import RichTextField

from .catalogue import Product, ProductCategory, ProductImage  # noqa: F401  (models of this app)
from .regions import Region


class ChainSegment(models.TextChoices):
    UPSTREAM = "upstream", _("Upstream: raw materials")
    MIDSTREAM = "midstream", _("Midstream: processing and equipment")
    DOWNSTREAM = "downstream", _("Downstream: products and applications")
    SERVICES = "services", _("Services")


class Company(ChoiceLabels, TranslatableModel):
    """The one record of a company, shared by the expo, news, forums and trading notices."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Used in the company's web address."))
    logo = models.ImageField(_("logo"), upload_to="companies/logos/", blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    country = CountryField(_("country/region"), default="CN")
    segment = models.CharField(_("industry-chain segment"), max_length=20, choices=ChainSegment.choices)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True,
                              help_text=_("Province for companies in mainland China; otherwise the wider region."))
    # Derived by the services from the names, for the A-Z and pinyin directory and keyword search.
    initial_en = models.CharField(_("English initial"), max_length=1, blank=True, editable=False, db_index=True)
    initial_pinyin = models.CharField(_("pinyin initial"), max_length=1, blank=True, editable=False, db_index=True)
    search_document = models.TextField(_("search document"), blank=True, editable=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="companies", verbose_name=_("members"),
        blank=True,
    )
    verified_at = models.DateTimeField(
        _("verified"), null=True, blank=True, db_index=True,
        help_text=_("When an editor confirmed the company is real. Only verified companies publish requirements "
                    "and respond to them."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        short_name=models.CharField(_("short name"), max_length=60, blank=True),
        city=models.CharField(_("city / province"), max_length=100, blank=True),
        address=models.CharField(_("address"), max_length=255, blank=True),
        summary=models.CharField(_("summary"), max_length=300, blank=True,
                                 help_text=_("One or two sentences shown in lists.")),
        profile=RichTextField(_("profile"), blank=True),
    )

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ("slug",)

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        """The company's public page (served by the expo app, which registers it in signals.company_page_url)."""
        from .signals import company_page_url

        return company_page_url(self, language)


class Membership(models.Model):
    """A user who may manage a company's profile."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships",
                                verbose_name=_("company"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
                             verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=("company", "user"), name="unique_company_member")]

    def __str__(self):
        return f"{self.user} @ {self.company}"
