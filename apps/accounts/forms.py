"""The password reset request, answered the same way and in the same time whatever the address: the form only
queues the mail (apps.accounts.tasks), and the worker looks the address up and sends it."""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils.translation import get_language


class QueuedPasswordResetForm(PasswordResetForm):
    def save(self, *, request=None, use_https=False, domain_override=None, **_templates):
        """Queue the mail after commit; the templates are the worker's (services.password_reset_mail)."""
        from .tasks import password_reset_mail

        email, language = self.cleaned_data["email"], get_language()
        domain = domain_override or get_current_site(request).domain
        transaction.on_commit(lambda: password_reset_mail.delay(email, language, domain, use_https))
