"""The portal's roles. Each is a Django group, created with its permissions by a migration."""

EDITORS = "Editors"
EXHIBITORS = "Exhibitors"
TRADING_STAFF = "Trading staff"
ALL = (EDITORS, EXHIBITORS, TRADING_STAFF)

# Roles whose members work in the admin.
STAFF_ROLES = (EDITORS, TRADING_STAFF)

# The permissions each group holds are set by migrations: accounts.0002_roles, then each app's own.
