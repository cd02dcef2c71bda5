"""Settings of the Trading Center, each overridable in the Django settings."""

from django.conf import settings


def attachment_max_bytes():
    """Largest attachment accepted (TRADING_ATTACHMENT_MAX_BYTES, default 20 MB)."""
    return getattr(settings, "TRADING_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024)


def attachment_max_pixels():
    """Largest image attachment in pixels (TRADING_ATTACHMENT_MAX_PIXELS, default 40 megapixels)."""
    return getattr(settings, "TRADING_ATTACHMENT_MAX_PIXELS", 40_000_000)


BANNER_MAX_AGE = 60  # seconds browsers and the server cache the risk-warning banner data
BANNER_LIMIT = 5  # risk warnings shown at most in the banner, the newest
BOARD_PAGE_SIZE = 20
FEED_SIZE = 30
