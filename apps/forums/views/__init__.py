"""Public pages of the forums (below the CMS page with the forums apphook): thin, reading the current release.

Editors who may change sessions (forums.preview_schedule, apps/forums/rules.py) see the draft with ?preview=1 (built
on the fly, never cached). `programme` (list and grid), `pages` (forum, session, speakers), `changelog`; what they
share is in `_common`.
"""
