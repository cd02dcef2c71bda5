"""Publishing tells the subscribers of the article's categories, each in their language, exactly once."""

import datetime

from django.core import mail
from django.utils import timezone

from apps.news import services
from apps.news.notifications import category_topic
from apps.notifications.models import Message
from tests.factories import ArticleFactory, NewsCategoryFactory, SubscriptionFactory
from tests.support import deliver_all


def test_publishing_mails_subscribers_of_category_and_parents_in_their_language(editor, news_pages):
    parent = NewsCategoryFactory(slug="industry", en="Industry News", zh="行业动态")
    child = NewsCategoryFactory(slug="tires", en="Tires", zh="轮胎", parent=parent)
    SubscriptionFactory.create_bulk(1, topic=category_topic("industry"), language="zh-hans", prefix="parent")
    SubscriptionFactory.create_bulk(1, topic=category_topic("tires"), language="en", prefix="child")
    SubscriptionFactory.create_bulk(1, topic=category_topic("other"), prefix="other")
    article = ArticleFactory(author=editor, category=child, number=7)
    deliver_all()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["child0@example.com", "parent0@example.com"]
    assert by_address["parent0@example.com"].subject == "新闻中心：橡胶新闻7"
    assert "/zh-hans/news/xiangjiao-xinwen-7/" in by_address["parent0@example.com"].body
    assert by_address["child0@example.com"].subject == "News Center: Rubber article 7"
    assert Message.objects.filter(event__object_id=str(article.pk)).count() == 2


def test_article_in_one_language_is_mailed_in_that_language(editor, news_pages):
    category = NewsCategoryFactory(slug="policy", en="Policy", zh="政策法规")
    SubscriptionFactory.create_bulk(1, topic=category_topic("policy"), language="en", prefix="en")
    ArticleFactory(author=editor, category=category, languages=("zh-hans",), number=8)
    deliver_all()
    assert mail.outbox[0].subject == "News Center: 橡胶新闻8"  # the frame in the reader's language


def test_scheduled_article_is_announced_once_when_its_time_comes(editor, news_pages):
    category = NewsCategoryFactory(slug="expo", en="Expo News", zh="展会新闻")
    SubscriptionFactory.create_bulk(2, topic=category_topic("expo"))
    now = timezone.now()
    ArticleFactory(author=editor, category=category, publish_at=now + datetime.timedelta(minutes=5))
    assert Message.objects.count() == 0
    services.publish_due_notifications(now=now + datetime.timedelta(minutes=6))
    services.publish_due_notifications(now=now + datetime.timedelta(minutes=7))
    deliver_all()
    assert sorted(m.to[0] for m in mail.outbox) == ["reader0@example.com", "reader1@example.com"]


def test_news_categories_are_subscription_topics(client, db):
    NewsCategoryFactory(slug="company", en="Company News", zh="企业新闻")
    html = client.get("/zh-hans/notifications/subscribe/").content.decode()
    assert 'value="news.category.company"' in html and "企业新闻" in html
