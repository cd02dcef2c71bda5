"""Publishing tells the subscribers of the article's categories, each in their language, exactly once."""

import datetime

from django.core import mail
from django.utils import timezone

from apps.news import services
from apps.news.notifications import category_topic
from apps.notifications.models import Message
from apps.notifications.services import messages_send, pending_batches
from tests.factories.news import make_article, make_category
from tests.notifications.conftest import make_subscribers


def deliver_all():
    for batch in pending_batches():
        messages_send(ids=batch)


def test_publishing_mails_subscribers_of_category_and_parents_in_their_language(editor, news_pages):
    parent = make_category(slug="industry", en="Industry News", zh="行业动态")
    child = make_category(slug="tires", en="Tires", zh="轮胎", parent=parent)
    make_subscribers(1, topic=category_topic("industry"), language="zh-hans", prefix="parent")
    make_subscribers(1, topic=category_topic("tires"), language="en", prefix="child")
    make_subscribers(1, topic=category_topic("other"), prefix="other")
    article = make_article(author=editor, category=child, number=7)
    deliver_all()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["child0@example.com", "parent0@example.com"]
    assert by_address["parent0@example.com"].subject == "新闻中心：橡胶新闻7"
    assert "/zh-hans/news/xiangjiao-xinwen-7/" in by_address["parent0@example.com"].body
    assert by_address["child0@example.com"].subject == "News Center: Rubber article 7"
    assert Message.objects.filter(event__object_id=str(article.pk)).count() == 2


def test_article_in_one_language_is_mailed_in_that_language(editor, news_pages):
    category = make_category(slug="policy", en="Policy", zh="政策法规")
    make_subscribers(1, topic=category_topic("policy"), language="en", prefix="en")
    make_article(author=editor, category=category, languages=("zh-hans",), number=8)
    deliver_all()
    assert mail.outbox[0].subject == "News Center: 橡胶新闻8"  # the frame in the reader's language


def test_scheduled_article_is_announced_once_when_its_time_comes(editor, news_pages):
    category = make_category(slug="expo", en="Expo News", zh="展会新闻")
    make_subscribers(2, topic=category_topic("expo"))
    now = timezone.now()
    make_article(author=editor, category=category, publish_at=now + datetime.timedelta(minutes=5))
    assert Message.objects.count() == 0
    services.publish_due_notifications(now=now + datetime.timedelta(minutes=6))
    services.publish_due_notifications(now=now + datetime.timedelta(minutes=7))
    deliver_all()
    assert sorted(m.to[0] for m in mail.outbox) == ["reader0@example.com", "reader1@example.com"]


def test_news_categories_are_subscription_topics(client, db):
    make_category(slug="company", en="Company News", zh="企业新闻")
    html = client.get("/zh-hans/notifications/subscribe/").content.decode()
    assert 'value="news.category.company"' in html and "企业新闻" in html
