"""event_record and delivery, in this process (locmem backend or the loopback SMTP server)."""

import pytest
from django.core import mail
from django.db import transaction

from apps.notifications.models import Channel, Event, Frequency, Message, State
from apps.notifications.services import digests_build, messages_send, pending_batches
from tests.factories import SubscriptionFactory, UserFactory
from tests.factories.notifications import TOPIC, announce
from tests.support import deliver_all


def test_event_writes_one_row_per_recipient_and_channel(db, django_capture_on_commit_callbacks):
    SubscriptionFactory.create_bulk(3)
    user = UserFactory(email="li@example.com", preferred_language="zh-hans")
    with django_capture_on_commit_callbacks() as callbacks:
        event = announce(topics=[TOPIC], users=[user])
    rows = Message.objects.filter(event=event)
    assert rows.filter(channel=Channel.EMAIL).count() == 4
    inbox = rows.get(channel=Channel.INBOX)
    assert (inbox.user, inbox.state, inbox.subject_line, inbox.language) == (user, State.SENT, "展馆开放", "zh-hans")
    assert len(callbacks) == 1  # dispatch queued on commit


def test_same_event_recorded_twice_sends_once(db):
    SubscriptionFactory.create_bulk(2)
    first = announce(topics=[TOPIC])
    second = announce(topics=[TOPIC])
    assert first.pk == second.pk
    assert Event.objects.count() == 1
    assert Message.objects.count() == 2
    deliver_all()
    deliver_all()
    assert sorted(m.to[0] for m in mail.outbox) == ["reader0@example.com", "reader1@example.com"]


def test_rolled_back_transaction_records_and_queues_nothing(db, django_capture_on_commit_callbacks):
    SubscriptionFactory.create_bulk(2)
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        announce(topics=[TOPIC])
        raise RuntimeError("the publishing failed")
    assert (Event.objects.count(), Message.objects.count(), len(callbacks)) == (0, 0, 0)


def test_email_in_recipient_language_with_unsubscribe_header(db):
    SubscriptionFactory.create_bulk(1, language="zh-hans", prefix="zh")
    SubscriptionFactory.create_bulk(1, language="en", prefix="en")
    announce(topics=[TOPIC])
    deliver_all()
    by_address = {m.to[0]: m for m in mail.outbox}
    chinese, english = by_address["zh0@example.com"], by_address["en0@example.com"]
    assert (chinese.subject, english.subject) == ("展馆开放", "Expo halls open")
    assert "A至C馆九点开放。" in chinese.body and "退订" in chinese.body
    assert chinese.extra_headers["List-Unsubscribe"].startswith("<http://127.0.0.1:8000/zh-hans/notifications/unsubscribe/")
    assert chinese.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = chinese.alternatives[0][0]
    assert '<html lang="zh-hans">' in html and "展馆开放" in html


def test_unconfirmed_and_unsubscribed_subscribers_get_nothing(db):
    from django.utils import timezone

    SubscriptionFactory.create_bulk(1, confirmed=False, prefix="new")
    gone = SubscriptionFactory.create_bulk(1, prefix="gone")[0]
    gone.unsubscribed_at = timezone.now()
    gone.save()
    SubscriptionFactory.create_bulk(1, topic="other.topic", prefix="other")
    event = announce(topics=[TOPIC])
    assert event.messages.count() == 0


def test_user_who_also_subscribed_gets_one_email(db):
    SubscriptionFactory.create_bulk(1, prefix="li")
    user = UserFactory(email="li0@example.com")
    event = announce(topics=[TOPIC], users=[user])
    assert event.messages.filter(channel=Channel.EMAIL).count() == 1


def test_user_who_turned_emails_off_gets_inbox_only(db, client):
    from apps.notifications import tokens

    user = UserFactory(email="wu@example.com")
    assert client.get(f"/en/notifications/stop-emails/{tokens.user_email_off_token(user)}/").status_code == 200
    event = announce(users=[user])
    assert list(event.messages.values_list("channel", flat=True)) == [Channel.INBOX]


def test_daily_subscribers_get_one_digest(db):
    SubscriptionFactory.create_bulk(1, frequency=Frequency.DAILY, prefix="daily", language="zh-hans")
    announce(key="a", topics=[TOPIC])
    announce(key="b", topics=[TOPIC])
    deliver_all()
    assert mail.outbox == []
    assert digests_build() == 1
    deliver_all()
    assert len(mail.outbox) == 1
    assert "2" in mail.outbox[0].subject and "每日摘要" in mail.outbox[0].subject
    assert mail.outbox[0].body.count("展馆开放") == 2
    assert Message.objects.filter(state=State.DIGEST).count() == 0
    assert digests_build() == 0


def test_bad_address_is_recorded_as_failure_while_others_are_delivered(db, smtp_settings):
    SubscriptionFactory.create_bulk(3)
    smtp_settings.refuse.add("reader1@example.com")
    announce(topics=[TOPIC])
    deliver_all()
    assert sorted(smtp_settings.recipients()) == ["reader0@example.com", "reader2@example.com"]
    failed = Message.objects.get(state=State.FAILED)
    assert failed.email == "reader1@example.com"
    assert failed.last_error.startswith("550")


def test_unreachable_server_keeps_rows_pending_for_retry(db, settings):
    from scripts.devservices import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    SubscriptionFactory.create_bulk(2)
    announce(topics=[TOPIC])
    result = messages_send(ids=pending_batches()[0])
    assert (result["sent"], len(result["retry"])) == (0, 2)
    assert set(Message.objects.values_list("state", "attempts")) == {(State.PENDING, 1)}


def test_sent_row_is_not_sent_again(db, smtp_settings):
    SubscriptionFactory.create_bulk(1)
    announce(topics=[TOPIC])
    ids = pending_batches()[0]
    assert messages_send(ids=ids)["sent"] == 1
    assert messages_send(ids=ids) == {"sent": 0, "failed": 0, "unconfirmed": 0, "retry": []}
    assert len(smtp_settings.messages) == 1


def test_shared_rendering_gives_each_recipient_own_address_and_links(db, smtp_settings):
    from apps.notifications import tokens
    from apps.notifications.models import Subscription

    SubscriptionFactory.create_bulk(2, language="zh-hans")
    announce(topics=[TOPIC])
    deliver_all()
    assert len(smtp_settings.messages) == 2
    for recipients, email in smtp_settings.messages:
        sub = Subscription.objects.get(email=recipients[0])
        token = tokens.manage_token(sub)
        assert email["To"] == sub.email
        assert email["List-Unsubscribe"] == f"<http://127.0.0.1:8000/zh-hans/notifications/unsubscribe/{token}/>"
        assert email["Message-ID"].endswith(f".subscription-{sub.pk}@valley.example>")
        text, html = (part.get_payload(decode=True).decode() for part in email.get_payload())
        assert f"/zh-hans/notifications/unsubscribe/{token}/" in text and "展馆开放" in html
        assert "stand-in" not in text + html


def test_bare_addresses_get_one_email_each_in_their_language_without_unsubscribe(db):
    user = UserFactory(email="Li@example.com")
    event = announce(users=[user], addresses=[("li@example.com", "en"), ("wang@example.com", "zh-hans"),
                                              ("WANG@example.com", "zh-hans")])
    assert sorted(event.messages.filter(channel=Channel.EMAIL).values_list("recipient", flat=True)) == [
        "address:wang@example.com", f"user:{user.pk}"]
    deliver_all()
    chinese = next(m for m in mail.outbox if m.to == ["wang@example.com"])
    assert chinese.subject == "展馆开放"
    assert "List-Unsubscribe" not in chinese.extra_headers
