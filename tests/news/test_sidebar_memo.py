"""The list's sidebar months and the paginator's count are computed once per content version, not per render:
a signed-in reader (never served from the page cache) pays them on the first list only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.news import services
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("news_pages")


def month_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    sql = [query["sql"].upper() for query in captured.captured_queries]
    return response, sum("COUNT(" in q for q in sql), sum("DJANGO_DATETIME_TRUNC" in q or "DATE_TRUNC" in q for q in sql)


def test_second_render_reuses_months_and_count_until_a_publish(client, editor, django_capture_on_commit_callbacks):
    for number in range(1, 4):
        ArticleFactory(author=editor, number=number)
    client.force_login(editor)
    first, counts_first, months_first = month_queries(client, "/en/news/")
    second, counts_second, months_second = month_queries(client, "/en/news/")
    assert "Rubber article 1" in first.content.decode() and "Rubber article 1" in second.content.decode()
    assert months_first == 1 and months_second == 0
    assert counts_second < counts_first

    earlier = timezone.now() - datetime.timedelta(days=400)
    draft = ArticleFactory(author=editor, number=4, state="draft", publish_at=earlier)
    with django_capture_on_commit_callbacks(execute=True):  # the content version is bumped after commit
        services.article_publish(article=draft, user=editor)
    third, _counts, months_third = month_queries(client, "/en/news/")
    assert months_third == 1  # the publish made a new content version
    assert "Rubber article 4" in third.content.decode()
