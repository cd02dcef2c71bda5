from .registration import admin as _registration_admin  # noqa: F401
