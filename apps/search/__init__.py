"""Site search: one index of the public content of every app, in both languages.

Owns the `Document` table (one row per object and language), the tokeniser (`tokens.py`: jieba with a dictionary of
industry terms, single characters and pairs, pinyin, English stemming and synonyms), the registry through which
the feature apps declare what they contribute (`registry.py`, filled from each app's `search_index.py`), the writes
that keep the index in step (`services.py`, `tasks.py`, `manage.py search_reindex`), the full-text backends
(`backends.py`: a weighted tsvector with GIN on PostgreSQL, an FTS5 table with bm25 on SQLite) and the public page
`/<lang>/search/` with `/opensearch.xml`.
"""
