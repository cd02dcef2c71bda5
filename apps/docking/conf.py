"""Settings of Supply & Demand, each overridable in the Django settings."""

from django.conf import settings

BOARD_PAGE_SIZE = 20
FEED_SIZE = 30
SOON_DAYS = 7  # "deadline soon": the last day for responses is within this many days
THREAD_LIMIT = 50  # messages per response thread
FIT_LIMIT = 20  # "companies that may fit" shown to the poster
MATCH_LIMIT = 50  # "requirements that match your products" in the portal


def attachment_max_bytes():
    """Largest attachment accepted (DOCKING_ATTACHMENT_MAX_BYTES, default 10 MB)."""
    return getattr(settings, "DOCKING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)


def attachments_per_owner():
    """Files per requirement or response (DOCKING_ATTACHMENTS_PER_OWNER, default 5)."""
    return getattr(settings, "DOCKING_ATTACHMENTS_PER_OWNER", 5)
