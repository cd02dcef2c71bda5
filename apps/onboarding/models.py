from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Signup(models.Model):
    """An account made on the sign-up page. The account stays inactive until its address is confirmed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signup",
                                verbose_name=_("user"))
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")

    def __str__(self):
        return str(self.user)


class ApplicationState(models.TextChoices):
    PENDING = "pending", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Not verified")


class CompanyApplication(models.Model):
    """A company created by a user on the platform, waiting for an editor to verify it (or reject it)."""

    company = models.OneToOneField("companies.Company", on_delete=models.CASCADE,
                                   related_name="onboarding_application", verbose_name=_("company"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  related_name="+", verbose_name=_("created by"))
    state = models.CharField(_("state"), max_length=10, choices=ApplicationState.choices,
                             default=ApplicationState.PENDING, db_index=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why the company was not verified."))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("company verification")
        verbose_name_plural = _("company verifications")
        ordering = ("-created_at",)

    def __str__(self):
        return str(self.company)


class JoinState(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class JoinRequest(models.Model):
    """A user asks to become a member of a company that exists; an editor approves or declines."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests",
                             verbose_name=_("user"))
    company = models.ForeignKey("companies.Company", on_delete=models.CASCADE, related_name="join_requests",
                                verbose_name=_("company"))
    message = models.TextField(_("message"), max_length=1000, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=JoinState.choices, default=JoinState.PENDING,
                             db_index=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why the request was declined."))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ("-created_at",)
        constraints = [models.UniqueConstraint(fields=("user", "company"), condition=models.Q(state="pending"),
                                               name="onboarding_one_pending_join_request")]

    def __str__(self):
        return f"{self.user} → {self.company}"
