"""Exhibitor bookmarks: visitors star companies as they star forum sessions.

The stars live in the browser (static/expo/bookmarks.js, localStorage), so the cached expo pages stay the same
HTML for everyone; a signed-in visitor's stars are also kept on the account (`StarredExhibitor`, synced by
`views.sync`). The forums "My agenda" page lists them with booth and hall, linked into the floor plan, through the
AgendaSection `agenda.py` registers in apps.accounts.agenda (anonymous visitors: from the page's ?e= list, which
the script keeps in step with the browser's).
"""
