"""Scheduled publication: visibility at the exact boundaries, and the beat pass that records notifications once."""

import datetime

import pytest
from django.utils import timezone

from apps.news import services, tasks
from apps.news.models import Article
from tests.factories import ArticleFactory

SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)


def public_ids(at):
    return set(Article.objects.published(at).values_list("pk", flat=True))


def test_article_appears_exactly_at_publish_at(editor, now):
    article = ArticleFactory(author=editor, publish_at=now + datetime.timedelta(hours=1))
    when = article.publish_at

    assert article.pk not in public_ids(when - SECOND)
    assert article.pk in public_ids(when)
    assert article.notified_at is None  # scheduled: announced by beat, not at publishing


def test_article_disappears_exactly_at_unpublish_at(editor, now):
    article = ArticleFactory(author=editor, publish_at=now - datetime.timedelta(days=1),
                             unpublish_at=now + datetime.timedelta(hours=2))
    end = article.unpublish_at

    assert article.pk in public_ids(end - SECOND)
    assert article.pk not in public_ids(end)


def test_draft_and_archived_articles_are_never_public(editor, now):
    draft = ArticleFactory(author=editor, state="draft", publish_at=now - datetime.timedelta(days=1))
    archived = ArticleFactory(author=editor, state="archived")

    assert public_ids(now) & {draft.pk, archived.pk} == set()


def test_scheduled_article_page_appears_at_its_time_without_worker(client, news_pages, editor, now, monkeypatch):
    article = ArticleFactory(author=editor, publish_at=now + datetime.timedelta(hours=1))
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 404
    assert article.safe_translation_getter("title", language_code="en") not in client.get("/en/news/").content.decode()

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=1))

    assert client.get(url).status_code == 200
    assert article.safe_translation_getter("title", language_code="en") in client.get("/en/news/").content.decode()


def test_beat_pass_announces_due_scheduled_articles_once(editor, now, monkeypatch):
    due = ArticleFactory(author=editor, publish_at=now + datetime.timedelta(minutes=5))
    later = ArticleFactory(author=editor, publish_at=now + datetime.timedelta(days=1))
    immediate = ArticleFactory(author=editor)  # announced when published

    assert services.publish_due_notifications(now=now) == []
    announced = services.publish_due_notifications(now=now + datetime.timedelta(minutes=5))
    again = services.publish_due_notifications(now=now + datetime.timedelta(minutes=6))

    assert [article.pk for article in announced] == [due.pk]
    assert again == []
    assert Article.objects.get(pk=due.pk).notified_at == now + datetime.timedelta(minutes=5)
    assert Article.objects.get(pk=later.pk).notified_at is None
    assert Article.objects.get(pk=immediate.pk).notified_at is not None


def test_beat_task_runs_the_pass(editor, now, monkeypatch):
    ArticleFactory(author=editor, publish_at=now + datetime.timedelta(minutes=1))
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=2))

    assert tasks.publish_due_notifications.apply().get() == 1
    assert tasks.publish_due_notifications.apply().get() == 0


def test_republishing_an_archived_article_does_not_announce_it_again(editor):
    article = ArticleFactory(author=editor)
    first = article.notified_at
    services.article_archive(article=article, user=editor)

    services.article_publish(article=article, user=editor)

    assert Article.objects.get(pk=article.pk).notified_at == first


def test_notification_audience_categories_are_the_category_and_its_parents(editor):
    from apps.news.selectors import article_category_slugs
    from tests.factories import NewsCategoryFactory

    industry = NewsCategoryFactory(slug="industry-news", en="Industry News", zh="行业动态")
    parks = NewsCategoryFactory(slug="clusters-parks", en="Clusters and Parks", zh="集群与园区", parent=industry)

    assert article_category_slugs(ArticleFactory(author=editor, category=parks)) == ["clusters-parks", "industry-news"]
    assert article_category_slugs(ArticleFactory(author=editor)) == []
