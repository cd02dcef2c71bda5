"""A web process cuts queries with jieba's common words only: the whole dictionary (~70 MiB) and pypinyin stay in
the processes that index documents, and queries still match what the documents' tokenizer wrote."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from apps.search import selectors, tokens
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, resource, sys
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from apps.search import tokens
tokens.warm_up()
terms = tokens.query_terms("全钢子午线轮胎出口价格")
tokens.highlight_words("天然橡胶")
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"terms": terms, "whole_dictionary": tokens._jieba.cache_info().currsize,
                  "pypinyin": "pypinyin" in sys.modules, "grown_mib": grown}))
"""


def test_a_web_process_loads_only_the_common_words():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])

    assert found["whole_dictionary"] == 0 and not found["pypinyin"]
    assert found["grown_mib"] < 30  # the whole dictionary takes ~70 MiB
    assert [term[0][0][0] for term in found["terms"]] == ["全钢子午线轮胎", "出口", "价格"]


@pytest.mark.django_db
def test_a_query_cut_by_the_common_words_finds_a_rare_word_of_the_documents(reindex):
    """碳纤维 is in the whole dictionary only (frequency 38): the query's pieces still match the documents' pairs."""
    ArticleFactory(number=911, translations={"zh-hans": {"title": "沥青基碳纤维投产", "slug": "liqingji",
                                                         "body": "<p>新线投产。</p>"}})
    reindex()

    results = selectors.search(query=selectors.Query(q="沥青基碳纤维"), language="zh-hans")

    assert [hit["title"] for hit in results.hits] == ["沥青基碳纤维投产"]
    assert tokens._query_jieba() is not tokens._jieba()
