"""Supply & Demand (供需对接, industry-chain docking), served under the CMS page with the "DockingApphook": lead
companies publish requirements, verified suppliers respond, docking events gather what was released at them.

What it owns: requirements (bilingual, either language may be missing), responses with a short thread between the
two companies, attachments in private storage, docking events; the board, feeds per category, the companies' own
pages at mine/, the editors' review queue, exports and figures in the admin.

Design notes
- Only members of verified companies (apps.companies, `companies.act_for_verified`) publish and respond; the
  object rules (rules.py) read a user's companies once per request. What a user may not see answers 404.
- An editor approves a requirement before it is public. Past its deadline (the last day for responses, in the
  site's time zone) an open requirement counts as closed: the selectors and `Requirement.state()` decide by the
  clock, and the page cache's version ends at the next deadline (cache.py), so no worker is needed.
- Opening a requirement records one notification event (notifications.py) for the members of the companies it
  fits (matching.py: their products' or public exhibit categories, read through apps.expo.selectors) and for
  the email subscribers of its categories (topics "docking.category.<slug>", parent categories included).
- Lists annotate the texts they show in the page's language with a fallback (selectors.translated) instead of
  prefetching every translation, which keeps the board at a fixed, small number of queries.
- Attachments are checked by content (uploads.py: PDF via apps.core.pdf, images via apps.core.images), kept in
  apps.core.storage.PrivateStorage ("docking") and streamed by a view that asks the rules who may have them.
"""
