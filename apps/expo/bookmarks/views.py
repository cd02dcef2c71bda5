"""The account's starred exhibitors as JSON, for bookmarks.js (signed-in visitors only)."""

import json

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from apps.core.ratelimits import limit

from . import selectors, services


def _json(data, status=200):
    response = JsonResponse(data, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "POST"])
@limit("expo_bookmarks")
def sync(request):
    """GET: {"companies": [ids]}; POST {"companies": [ids]} (with CSRF) replaces the account's stars."""
    if not request.user.is_authenticated:
        return _json({"error": _("Sign in to keep your starred exhibitors on your account.")}, status=403)
    if request.method == "POST":
        try:
            raw = json.loads(request.body or b"{}")
            if not isinstance(raw, dict):
                raise ValueError
            companies = raw.get("companies", [])
            if not isinstance(companies, list):  # a JSON list; the comma-separated form is for addresses
                raise ValidationError(_("Send a list of exhibitors."))
            ids = selectors.company_ids_from_input(companies)
        except ValueError:
            return _json({"error": _("Invalid request.")}, status=400)
        except ValidationError as exc:
            return _json({"error": exc.messages[0]}, status=400)
        services.bookmarks_replace(user=request.user, company_ids=selectors.known_company_ids(ids))
    return _json({"companies": selectors.starred_company_ids(user=request.user)})
