"""The agenda's views: `pages` (exports, my agenda, its link) and `optin` (confirming change alerts)."""
