"""Trading Center: spot-trading centers and their notices (served under the Trading Center page's apphook).

Design notes
- Serial numbers are taken when a notice is approved, inside that transaction: one NoticeCounter row per center,
  year and type, locked with SELECT ... FOR UPDATE (PostgreSQL; SQLite serializes writes with BEGIN IMMEDIATE),
  and a unique constraint on (center, year, type, number) as the last guard. Counters only grow, so a withdrawn
  or superseded notice keeps its number and no number is given twice.
- Four eyes: the approver must be neither the drafter nor the last person who changed the notice
  (services.notice_approve); staff approve in the admin with the workflow buttons.
- Anonymous pages are cached per URL under a content version (cache.py): bumped by the services after commit and
  renewed at the next moment a notice takes effect or expires.
- The site-wide risk-warning banner: base.html includes trading/banner.html, an empty slot plus a deferred script
  (static/js/trading-banner.js) that fetches /<lang>/trading/banner.json (cached a minute), shows the warnings in
  effect, hides each at its end and remembers dismissals in localStorage. Pages therefore stay identical for all
  visitors and cacheable (the CMS page cache included); a new warning shows within a minute of publication and an
  expired one never shows, whatever the age of the cached page. Without JavaScript there is no banner, but every
  warning is on the notice board and in the "in effect" list of the Trading Center page.
- Attachments are checked by content (uploads.py), stored outside MEDIA_ROOT (storage.py) and served as downloads by
  a view that lets anyone fetch a public notice's files and only staff a draft's.
"""
