from .portal import admin as _portal_admin  # noqa: F401  (profile-change review and invitations)
