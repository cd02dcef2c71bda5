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
- The site-wide risk-warning banner: base.html renders {% risk_banners %} (templatetags/trading_banner.py), the
  warnings in effect, read once per content version and language: the same HTML for every visitor, in the page
  from its first paint (no layout shift). The trading namespace is site-wide (cache.py), so every cached page
  depends on its version: an approval or withdrawal shows at once and the version ends when a warning takes effect
  or expires. static/js/trading-banner.js, loaded right after the banners, hides those the visitor dismissed
  (localStorage) and hides each at its end while the page stays open. /<lang>/trading/banner.json still lists
  the warnings as JSON for other clients.
- Attachments are checked by content (uploads.py), stored outside MEDIA_ROOT (storage.py) and served as downloads by
  a view that lets anyone fetch a public notice's files and only staff a draft's.
"""
