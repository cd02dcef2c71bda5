"""Exhibitor figures: profile and product views of each company per day, and the exhibitor portal's figures page.

A cached company page cannot count its views (apps/core/early_cache.py answers before any view runs), so the page
loads static/expo/figures.js, which asks the beacon (`views.beacon`) once per page view and once per product
shown. The beacon adds one to a Redis counter (`counters.py`), at most once per visitor, company (or product) and
day. The beat task `expo.figures_flush` moves the counters into `ExhibitorDayFigures` (`services.py`), exactly once
per batch. `sources.py` registers both figures in apps.companies.figures; `chart.py` draws the page's SVG.
"""
