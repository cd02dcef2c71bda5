"""The after-commit path with a real Celery worker: a published article is findable once the task ran."""

import time

import pytest

from apps.news.services import article_publish
from apps.search import selectors
from tests.factories import ArticleFactory


@pytest.mark.django_db(transaction=True)
def test_a_publish_is_findable_after_the_worker_indexed_it(search_site, celery_worker):  # pages before the worker
    article = ArticleFactory(state="draft", translations={"en": {"title": "Chloroprene plant opens", "slug": "cp"}})
    article_publish(article=article, user=article.author)  # commits: index_on_commit queues search.index_object
    deadline = time.monotonic() + 20
    found = []
    while time.monotonic() < deadline and not found:
        found = [hit["object_id"] for hit in
                 selectors.search(query=selectors.Query(q="chloroprene"), language="en").hits]
        time.sleep(0.2)
    assert found == [article.pk]
