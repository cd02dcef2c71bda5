"""Expo: editions of the trade expo, their halls and booths, and the companies exhibiting (participations).

Owns the public expo pages under the Expo page's apphook (edition, exhibitor directory with filters and A-Z,
SVG floor plans, the company page that gathers what other apps register for it), the exhibitor self-service
portal (portal/: bilingual profile changes reviewed by editors, invitations, reminders, the figures page), the
visitors' starred exhibitors (bookmarks/), the exhibitor figures (figures/: the view beacon, Redis counters and
their flush into a daily table) and the expo demo.
Serves the company's public page for the whole site (Company.get_absolute_url).
"""
