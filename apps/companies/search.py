"""Directory initials and keyword search over company and product names, in English and Chinese.

A company's `search_document` is a space-delimited set of tokens with a space at each end:
- Chinese runs segmented with jieba (search mode, so "青岛隆远轮胎有限公司" gives 青岛 隆远 轮胎 有限 公司 有限公司),
  plus every single character and every two-character pair of each run, so any 2-character word is found even
  where jieba cut the name differently;
- lowercase Latin words and numbers (from both languages' names);
- the toneless pinyin of each segmented Chinese word (轮胎 -> luntai).
A query is segmented the same way (jieba's precise mode); every query token must be in the document: Chinese
words exactly (a word longer than two characters by its pairs), Latin words and pinyin as word prefixes. The test
is a plain LIKE on the document (' token ' or ' prefix'), the same on SQLite and PostgreSQL.

The public directory no longer scans this document: its keyword search reads the site-search index (apps.search),
which expo keeps in step through `index_listener_register` below; `query_filter` stays for other callers.
"""

import logging
import re
from functools import lru_cache

from django.db.models import Q

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN_WORD = re.compile(r"[a-z0-9]+")
MAX_QUERY_TOKENS = 8


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def initial_en(name):
    """The A-Z letter of an English name: its first letter, '#' when it starts with anything else."""
    first = (name or "").strip()[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def initial_pinyin(name):
    """The pinyin initial of a Chinese name (青岛… -> Q); a Latin first letter counts as itself; else '#'."""
    name = (name or "").strip()
    if not name:
        return "#"
    if HAN_RUN.match(name[0]):
        from pypinyin import Style, lazy_pinyin  # 57 MiB: loaded only where names are written, not by web readers

        letters = lazy_pinyin(name[:4], style=Style.FIRST_LETTER)  # a few characters, for heteronyms (重庆 -> C)
        first = letters[0][:1].upper() if letters else ""
    else:
        first = name[0].upper()
    return first if "A" <= first <= "Z" else "#"


def _han_tokens(run):
    tokens = set(_jieba().cut_for_search(run))
    tokens.update(run)
    tokens.update(run[i:i + 2] for i in range(len(run) - 1))
    return tokens


def document_tokens(texts):
    """The set of tokens that describes these texts (see the module docstring)."""
    tokens = set()
    for raw in texts:
        text = (raw or "").lower()
        tokens.update(LATIN_WORD.findall(text))
        for run in HAN_RUN.findall(text):
            han = _han_tokens(run)
            tokens.update(han)
            from pypinyin import lazy_pinyin

            tokens.update("".join(lazy_pinyin(word)) for word in han if len(word) > 1)
    return tokens


def search_document(texts):
    tokens = sorted(token for token in document_tokens(texts) if token.strip())
    return f" {' '.join(tokens)} " if tokens else ""


def query_terms(query):
    """[(token, is_prefix)]: what a query must match; Chinese words longer than two characters become pairs."""
    terms = []
    for piece in _jieba().cut((query or "").lower()[:200]):
        if HAN_RUN.fullmatch(piece):
            if len(piece) <= 2:
                terms.append((piece, False))
            else:
                terms.extend((piece[i:i + 2], False) for i in range(len(piece) - 1))
        else:
            terms.extend((word, True) for word in LATIN_WORD.findall(piece))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TOKENS]


def query_filter(query, field="search_document"):
    """A Q that keeps the rows whose document holds every query term; None when the query has no term."""
    terms = query_terms(query)
    if not terms:
        return None
    condition = Q()
    for token, is_prefix in terms:
        condition &= Q(**{f"{field}__contains": f" {token}" if is_prefix else f" {token} "})
    return condition


_index_listeners = []


def index_listener_register(listener):
    """`listener(company)` runs inside `services.company_index`, in its transaction, each time a company's names
    or products change: how the site search (filled by expo, an app above) keeps the company's documents in step
    with what the directory searches."""
    _index_listeners.append(listener)


def index_listeners_run(company):
    for listener in _index_listeners:
        listener(company)


def warm_up():
    """Load jieba's dictionary now (1-3 s) rather than in the first visitor's search (see portal/wsgi.py)."""
    _jieba()
