"""Accounts: the portal's users and roles.

Owns the custom `User` (with the language its emails and notifications are written in), the roles (Django groups
holding model permissions, kept up to date after every `migrate`: roles.py), the role predicates every app's
rules.py builds on (rules.py), the `permission_required` view decorator (decorators.py) and the demo users.
Imports only core.
"""
