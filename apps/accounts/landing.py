"""Where a user lands after logging in without a ?next=: the one hook accounts offers for it.

accounts knows nothing of companies or the exhibitor portal; an app above it registers a `landing(user)` in its
`AppConfig.ready()` that returns a path (e.g. the portal for members of a company) or None. The first registered
landing with an answer wins; with none, settings.LOGIN_REDIRECT_URL applies.
"""

from collections.abc import Callable

_landings: dict[str, Callable] = {}


def login_landing_register(key, landing):
    """Add (or replace, by key) `landing(user) -> str | None`, asked in registration order."""
    _landings[key] = landing


def login_landing(user):
    """The path the first landing returns for `user`, or None."""
    for landing in _landings.values():
        url = landing(user)
        if url:
            return url
    return None
