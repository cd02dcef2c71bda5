"""A published notice tells the subscribers of its center and type; risk warnings never wait for a digest."""

from django.core import mail

from apps.notifications.models import Frequency, Message, State
from apps.trading.models import NoticeKind
from apps.trading.notifications import notice_topic
from tests.factories import NoticeFactory, SubscriptionFactory
from tests.support import deliver_all


def test_published_notice_mails_subscribers_of_its_type_in_their_language(trading_pages, center):
    SubscriptionFactory.create_bulk(1, topic=notice_topic(center.slug, NoticeKind.FEES), language="zh-hans",
                                    prefix="fees")
    SubscriptionFactory.create_bulk(1, topic=notice_topic(center.slug, NoticeKind.HOLIDAY), prefix="holiday")
    notice = NoticeFactory(center=center, kind=NoticeKind.FEES, title_en="Storage fees", title_zh="仓储费调整")
    deliver_all()
    assert [m.to[0] for m in mail.outbox] == ["fees0@example.com"]
    assert mail.outbox[0].subject.endswith(f"〔{notice.year}〕第{notice.number}号 仓储费调整")
    assert f"/zh-hans/trading/{center.slug}/" in mail.outbox[0].body


def test_risk_warning_goes_out_at_once_even_to_daily_subscribers(trading_pages, center):
    topic = notice_topic(center.slug, NoticeKind.RISK)
    SubscriptionFactory.create_bulk(1, topic=topic, frequency=Frequency.DAILY, prefix="daily")
    NoticeFactory(center=center, kind=NoticeKind.RISK, title_en="Price swings", title_zh="价格波动风险")
    assert Message.objects.get().state == State.PENDING
    deliver_all()
    assert mail.outbox[0].subject.startswith("Risk warning: ")


def test_other_types_wait_for_the_digest_of_daily_subscribers(trading_pages, center):
    SubscriptionFactory.create_bulk(1, topic=notice_topic(center.slug, NoticeKind.TRADING), frequency=Frequency.DAILY)
    NoticeFactory(center=center, kind=NoticeKind.TRADING)
    assert Message.objects.get().state == State.DIGEST


def test_trading_types_are_subscription_topics(client, center):
    html = client.get("/en/notifications/subscribe/").content.decode()
    assert f'value="{notice_topic(center.slug, NoticeKind.RISK)}"' in html
