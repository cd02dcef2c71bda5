"""Content-Security-Policy: which policy a response gets, and the header a cached page keeps.

Three policies, all in settings (see the CSP block there for what each allows and why):
- `CONTENT_SECURITY_POLICY`, strict, for everyone: nothing inline, except what carries this request's nonce.
- `CONTENT_SECURITY_POLICY_STAFF` for staff users on the site's pages: the django CMS toolbar and the text editor
  (djangocms-text) write inline styles, so styles are relaxed; scripts stay strict.
- `CONTENT_SECURITY_POLICY_ADMIN` for staff users in the admin (which includes django CMS's edit and structure
  modes and its plugin dialogs): django-filer, djangocms-versioning and djangocms-frontend's admin widgets use
  inline scripts and handlers, which django CMS 5.1 cannot nonce on Django 5.2 (its `csp_nonce_attr` tag works
  with Django 6.1's own CSP only).
Only the signed-in user can relax the policy, never a URL or a query parameter alone: an anonymous visitor gets
the strict policy on the admin's login page too, and a crafted link cannot lower the policy of anyone's page.

One page relaxes styles for a signed-in user who is not staff: the exhibitor portal's profile form, whose
djangocms-text editor (tiptap) writes inline styles (`rich_text_editor_policy`). Its scripts stay strict; the view
is reached only by members of the company (a 302 to the login page and a 404 keep the strict policy).

Public pages are cached whole (apps.core.cache.PublicPageCache; django CMS's page cache): a stored page must be
served with the header it was rendered with, so `policy_freeze()` writes the header onto the response before it
is stored, and the cache keeps it with the body. Public templates use no nonce at all (tests/core/test_csp.py).
"""

from dataclasses import asdict

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.decorators import csp_replace
from csp.middleware import CSPMiddleware
from csp.utils import build_policy, default_config
from django.conf import settings


def staff_policy(request):
    """The settings name of the relaxed policy for this request, or None for the strict one."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return None
    match = getattr(request, "resolver_match", None)
    in_admin = match is not None and "admin" in match.namespaces
    return "CONTENT_SECURITY_POLICY_ADMIN" if in_admin else "CONTENT_SECURITY_POLICY_STAFF"


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with a staff policy swapped in for staff users (unless a view set its own)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        name = None if report_only or parts.config is not None else staff_policy(request)
        if name:
            parts.config = default_config(getattr(settings, name)["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        """A response that carries its policy already (a stored page, see `policy_freeze`) is left as it is,
        without building the policy again for nothing (django-csp's own middleware would)."""
        if HEADER in response and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return response
        return super().process_response(request, response)


_policy = PortalCSPMiddleware(get_response=lambda request: None)


def policy_freeze(request, response):
    """Set the Content-Security-Policy header the middleware would set, now (with this render's nonce, if used).

    For a response about to be stored: the copy served later carries the same header as its body's nonces."""
    if HEADER not in response and getattr(response, "_csp_exempt", False) is False:
        header = build_policy(**asdict(_policy.get_policy_parts(request, response)))
        if header:
            response[HEADER] = header
    return response


def rich_text_editor_policy(view):
    """For a signed-in view with djangocms-text's editor: inline styles allowed (tiptap sets style attributes and
    adds <style> elements), everything else as strict as ever. Put it below the decorators that check who asks."""
    return csp_replace({"style-src": [SELF, UNSAFE_INLINE]})(view)
