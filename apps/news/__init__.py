"""News Center: bilingual articles in an editorial workflow, categories, tags and revisions.

Owns the News Center pages under its apphook, feeds and the sitemap, the home-page plugins and the CMS toolbar
menu, and the articles shown on a company's page. The details are in README.md next to this module.
"""
