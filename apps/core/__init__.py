"""Core: what every app shares, and the site shell. Imports no domain app.

Owns the public page cache (cache.py, early_cache.py), the upload policy (uploads.py, images.py, pdf.py,
filer_policy.py, media.py, storage.py), the rich-text allow-list (richtext.py), the Content-Security-Policy
(csp.py), rate limits (ratelimits.py), absolute links and feed bases (links.py, feeds.py), the inline diff
(diff.py), category trees (trees.py), /healthz and the worker heartbeat (selectors.py, views.py, tasks.py), the
demo loader (demo/) and the registries through which higher apps plug into these (registries.py).
See docs/architecture.md.
"""
