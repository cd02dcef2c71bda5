"""Role predicates shared by every app's rules."""

import rules

from . import roles

is_editor = rules.is_group_member(roles.EDITORS)
is_exhibitor = rules.is_group_member(roles.EXHIBITORS)
is_trading_staff = rules.is_group_member(roles.TRADING_STAFF)
is_staff_role = is_editor | is_trading_staff
