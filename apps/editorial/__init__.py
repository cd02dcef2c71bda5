"""The editors' desk: one queue of what waits for the signed-in editor (filled by the feature apps through
`registry`), the bilingual completeness report, and the translation status (a language flagged "needs update" when
another language of the same object changed after it), with a daily summary to the editors of each language.

It sits between search and the feature apps: it may use notifications, the feature apps register with it in their
`AppConfig.ready()`, and it imports none of them.
"""
