"""The view counter's beacon is limited per IP: past the rate it answers 429 and counts nothing."""

import pytest

from apps.news.models import Article
from tests.factories import ArticleFactory
from tests.ratelimit_support import assert_limited, ip, rates

pytestmark = pytest.mark.usefixtures("news_pages")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_view_counter_per_ip(client, editor, settings, language):
    rates(settings, "news_seen", ip="3/d")
    article = ArticleFactory(author=editor, number=1)
    seen = f"/{language}/news/seen/{article.pk}/"
    assert [client.post(seen).status_code for _n in range(3)] == [204, 204, 204]

    assert_limited(client.post(seen), language)

    assert Article.objects.get(pk=article.pk).view_count == 3
    assert client.get(article.get_absolute_url(language)).status_code == 200
    assert client.post(seen, **ip("10.5.0.2")).status_code == 204
    assert Article.objects.get(pk=article.pk).view_count == 4
