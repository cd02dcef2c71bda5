"""The page cache stores a page per path and per the parameters its view reads: junk query strings add nothing.

Also: the cache and the broker live in separate Redis databases, every cache key has a lifetime, and a server
with `volatile-lru` that runs out of memory evicts cache keys and never a queued task.
"""

import random
import string
import tempfile

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from scripts import devservices
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("news_pages")


def cache_keys():
    return redis.Redis.from_url(settings.CACHES["default"]["LOCATION"]).dbsize()


def junk(rng):
    name = "".join(rng.choices(string.ascii_lowercase, k=6))
    return f"{name}={rng.randint(0, 10**9)}&utm_source=x{rng.randint(0, 999)}"


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/", "/en/news/", "/en/news/feed/rss/"])
def test_thousands_of_junk_query_strings_add_at_most_a_handful_of_keys(client, editor, path):
    ArticleFactory(author=editor, number=1)
    client.get(path)  # the page itself, cached once
    before = cache_keys()
    rng = random.Random(path)
    answers = {client.get(f"{path}?{junk(rng)}").status_code for _n in range(1500)}
    assert answers == {301}  # each is sent to the URL without the junk, which is already cached
    assert cache_keys() - before <= 3
    assert client.get(f"{path}?{junk(rng)}")["Location"] == path


def test_known_parameters_are_kept_and_empty_ones_dropped(client, editor):
    for number in range(1, 3):
        ArticleFactory(author=editor, number=number)
    response = client.get("/en/news/?utm=1&page=1&page=&x=")
    assert (response.status_code, response["Location"]) == (301, "/en/news/?page=1")
    page = client.get("/en/news/?page=1")
    assert page.status_code == 200 and "Rubber article 1" in page.content.decode()


def test_signed_in_users_are_not_redirected(client, editor):
    client.force_login(editor)
    assert client.get("/en/news/?utm_source=mail").status_code == 200


def test_cache_and_broker_are_separate_databases_and_every_cache_key_has_a_lifetime(client, editor):
    assert settings.CACHES["default"]["LOCATION"] != settings.CELERY_BROKER_URL
    ArticleFactory(author=editor, number=1)
    for path in ("/en/", "/zh-hans/", "/en/news/", "/zh-hans/news/", "/en/news/rubber-article-1/", "/sitemap.xml"):
        assert client.get(path).status_code == 200
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    keys = list(server.scan_iter(count=1000))
    assert len(keys) > 5
    forever = [key for key in keys if server.ttl(key) == -1]
    assert forever == []


def test_a_full_server_evicts_cache_keys_and_never_a_queued_task(settings):
    from portal.celery import app

    port = devservices.free_port()
    server = devservices.start_redis(port=port, data_dir=tempfile.mkdtemp(prefix="valley-redis-full-"),
                                     appendonly=False, maxmemory="8mb")
    try:
        broker_url, cache_url = f"redis://127.0.0.1:{port}/0", f"redis://127.0.0.1:{port}/1"
        with app.connection_for_write(broker_url) as connection:
            app.send_task("notifications.requeue_stale", connection=connection)
        settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "LOCATION": cache_url}}
        blob = "x" * 100_000
        for number in range(400):  # 40 MB of pages into an 8 MB server
            cache.set(f"page-{number}", blob, timeout=600)
        queues = redis.Redis.from_url(broker_url)
        assert queues.llen("celery") == 1
        assert redis.Redis.from_url(cache_url).dbsize() < 400  # pages were evicted instead
    finally:
        devservices.stop(server)
