"""The login view: Django's, with the site's own (translated) name and the landing of apps/accounts/landing.py."""

from django.contrib.auth import views as auth_views

from apps.core.branding import site_name

from .landing import login_landing


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        # Django puts the Site record's name (one language) here; the shell shows the name in the page's language.
        return {**super().get_context_data(**kwargs), "site_name": site_name()}

    def get_default_redirect_url(self):
        """Without a ?next=: where a registered landing sends this user, else LOGIN_REDIRECT_URL."""
        return login_landing(self.request.user) or super().get_default_redirect_url()
