import re

import pytest
from django.core import mail
from django.utils import timezone

from apps.notifications import tokens
from apps.notifications.audience import Audience
from apps.notifications.models import Channel, Message, Subscription
from apps.notifications.services import event_record
from tests.factories import SubscriptionFactory, UserFactory
from tests.factories.notifications import TOPIC
from tests.support import deliver_all


@pytest.mark.parametrize("language, heading", [("en", "Subscribe to updates"), ("zh-hans", "订阅动态")])
def test_subscribe_page_in_language(client, db, language, heading):
    response = client.get(f"/{language}/notifications/subscribe/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="page-title">{heading}</h1>' in html
    assert 'value="platform.announcements"' in html


def test_double_opt_in_subscription_in_chinese(client, db):
    response = client.post("/zh-hans/notifications/subscribe/", {
        "email": "Zhou@Example.com", "topics": [TOPIC], "frequency": "immediate", "language": "zh-hans"})
    assert response.status_code == 302
    sub = Subscription.objects.get()
    assert (sub.email, sub.language, sub.confirmed_at) == ("zhou@example.com", "zh-hans", None)
    deliver_all()
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "【橡胶谷产业门户】请确认订阅"
    link = re.search(r"http://127\.0\.0\.1:8000(/zh-hans/notifications/confirm/\S+/)", mail.outbox[0].body).group(1)
    assert "确认订阅" in client.get(link).content.decode()
    sub.refresh_from_db()
    assert sub.confirmed_at is None  # a GET (a mail scanner) does not confirm
    response = client.post(link)
    assert response.status_code == 200 and "订阅已确认" in response.content.decode()
    sub.refresh_from_db()
    assert sub.confirmed_at is not None


@pytest.mark.parametrize("language, text", [("en", "This link is not valid"), ("zh-hans", "此链接无效")])
@pytest.mark.parametrize("view", ["confirm", "manage", "unsubscribe", "stop-emails"])
def test_tampered_link_gives_clear_error_in_language(client, db, view, language, text):
    sub = SubscriptionFactory.create_bulk(1)[0]
    token = tokens.confirm_token(sub) if view == "confirm" else tokens.manage_token(sub)
    response = client.get(f"/{language}/notifications/{view}/{token}x/")
    assert response.status_code == 400
    assert text in response.content.decode()
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None


def test_expired_confirmation_link_says_so(client, db, settings):
    from unittest import mock  # the clock, not our code

    sub = SubscriptionFactory.create_bulk(1, confirmed=False)[0]
    token = tokens.confirm_token(sub)
    with mock.patch("django.core.signing.time.time", return_value=timezone.now().timestamp() + 8 * 86400):
        response = client.get(f"/en/notifications/confirm/{token}/")
    assert response.status_code == 400
    assert "has expired" in response.content.decode()


def test_one_click_unsubscribe_then_nothing_more(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    response = client.post(f"/en/notifications/unsubscribe/{tokens.manage_token(sub)}/",
                           {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.unsubscribed_at is not None
    event = event_record(kind="notifications.announcement", key="after", audience=Audience(topics=[TOPIC]),
                         context={"title": {"en": "x"}, "text": {"en": "y"}})
    assert event.messages.count() == 0


def test_unsubscribe_link_click_unsubscribes_and_offers_undo(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    token = tokens.manage_token(sub)
    html = client.get(f"/zh-hans/notifications/unsubscribe/{token}/").content.decode()
    assert "您已退订" in html and "重新订阅" in html
    client.post(f"/zh-hans/notifications/unsubscribe/{token}/", {"action": "resume"})
    sub.refresh_from_db()
    assert sub.unsubscribed_at is None


def test_manage_page_changes_topics_frequency_and_language(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    url = f"/en/notifications/manage/{tokens.manage_token(sub)}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"topics": [TOPIC], "frequency": "daily", "language": "zh-hans"})
    assert "Your choices are saved." in response.content.decode()
    sub.refresh_from_db()
    assert (sub.frequency, sub.language) == ("daily", "zh-hans")


def test_manage_form_without_topic_shows_error_and_keeps_subscription(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    response = client.post(f"/zh-hans/notifications/manage/{tokens.manage_token(sub)}/",
                           {"frequency": "daily", "language": "zh-hans"})
    assert response.status_code == 200
    assert "请至少选择一个主题。" in response.content.decode()
    assert list(sub.topics.values_list("key", flat=True)) == [TOPIC]


def test_subscribe_with_bad_email_shows_error_in_chinese(client, db):
    response = client.post("/zh-hans/notifications/subscribe/", {"email": "not-an-address", "topics": [TOPIC],
                                                                 "frequency": "immediate", "language": "en"})
    assert response.status_code == 200
    assert "请输入有效的邮箱地址。" in response.content.decode()
    assert Subscription.objects.count() == 0


def announce_to(user, n):
    for i in range(n):
        event_record(kind="notifications.announcement", key=f"inbox-{user.pk}-{i}", audience=Audience(users=[user]),
                     context={"title": {"en": f"Notice {i}", "zh-hans": f"通知 {i}"}, "text": {"en": "t"}})


def test_inbox_requires_login(client, db):
    response = client.get("/en/notifications/inbox/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_inbox_shows_only_own_messages_and_unread_count(client, db):
    me, other = UserFactory(preferred_language="zh-hans"), UserFactory()
    announce_to(me, 2)
    announce_to(other, 1)
    client.force_login(me)
    html = client.get("/zh-hans/notifications/inbox/").content.decode()
    assert html.count('class="inbox-item unread"') == 2
    assert "通知 0" in html and "Notice" not in html
    assert '<span class="badge"' in html and ">2</span>" in html


def test_user_cannot_mark_someone_elses_message_read(client, db):
    me, other = UserFactory(), UserFactory()
    announce_to(other, 1)
    theirs = Message.objects.get(user=other, channel=Channel.INBOX)
    client.force_login(me)
    client.post("/en/notifications/inbox/read/", {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_one_and_all_read(client, db):
    me = UserFactory()
    announce_to(me, 3)
    client.force_login(me)
    first = Message.objects.filter(user=me, channel=Channel.INBOX).first()
    client.post("/en/notifications/inbox/read/", {"id": first.pk})
    assert Message.objects.filter(user=me, read_at__isnull=True, channel=Channel.INBOX).count() == 2
    client.post("/en/notifications/inbox/read/", {"all": "1"})
    assert Message.objects.filter(user=me, read_at__isnull=True, channel=Channel.INBOX).count() == 0


@pytest.mark.parametrize("count", [1, 3])
def test_inbox_query_count_is_fixed(client, db, django_assert_num_queries, count):
    me = UserFactory()
    announce_to(me, count)
    client.force_login(me)
    client.get("/en/notifications/inbox/")
    with django_assert_num_queries(QUERIES_INBOX):
        response = client.get("/en/notifications/inbox/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="inbox-item unread"') == count
    assert all(f"Notice {i}" in html for i in range(count))


QUERIES_INBOX = 4  # the user, the unread count, the page of messages and its count (the CMS page is kept)


@pytest.mark.parametrize("count", [1, 3])
def test_outbox_admin_lists_rows_with_fixed_queries(client, editor, django_assert_num_queries, count):
    editor.is_superuser = True
    editor.save()
    SubscriptionFactory.create_bulk(count)
    event_record(kind="notifications.announcement", key="adm", audience=Audience(topics=[TOPIC]),
                 context={"title": {"en": "x"}, "text": {"en": "y"}})
    client.force_login(editor)
    client.get("/en/admin/notifications/message/")
    with django_assert_num_queries(QUERIES_OUTBOX_ADMIN):
        response = client.get("/en/admin/notifications/message/?state__exact=pending")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="action-select"') == count
    assert all(f"reader{n}@example.com" in html for n in range(count))
    event_html = client.get("/en/admin/notifications/event/").content.decode()
    assert f'<td class="field-pending">{count}</td>' in event_html


def test_admin_resend_puts_failed_rows_back(client, editor, django_capture_on_commit_callbacks):
    from apps.notifications.models import State

    editor.is_superuser = True
    editor.save()
    SubscriptionFactory.create_bulk(2)
    event_record(kind="notifications.announcement", key="adm2", audience=Audience(topics=[TOPIC]),
                 context={"title": {"en": "x"}, "text": {"en": "y"}})
    Message.objects.update(state=State.FAILED, last_error="550 no")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=False):
        client.post("/en/admin/notifications/message/", {
            "action": "resend", "_selected_action": list(Message.objects.values_list("pk", flat=True))})
    assert set(Message.objects.values_list("state", "last_error")) == {(State.PENDING, "")}


def test_exhibitor_cannot_open_outbox_admin(client, exhibitor):
    client.force_login(exhibitor)
    assert client.get("/en/admin/notifications/message/").status_code == 302


QUERIES_OUTBOX_ADMIN = 7


def test_a_request_for_a_subscribed_address_changes_nothing_until_its_owner_follows_the_link(client, db):
    """Whoever types an address into the public form cannot change what its owner receives: the wishes travel in
    the confirmation link, mailed to the owner, and apply only when it is followed."""
    sub = SubscriptionFactory.create_bulk(1, language="en", frequency="immediate")[0]
    confirmed_at = sub.confirmed_at
    response = client.post("/zh-hans/notifications/subscribe/", {
        "email": "READER0@example.com", "topics": [TOPIC], "frequency": "daily", "language": "zh-hans"})
    assert response.status_code == 302

    sub.refresh_from_db()
    assert (sub.language, sub.frequency, sub.confirmed_at) == ("en", "immediate", confirmed_at)
    assert list(sub.topics.values_list("key", flat=True)) == [TOPIC]
    deliver_all()
    assert [message.to for message in mail.outbox] == [["reader0@example.com"]]  # to the owner, in their language
    link = re.search(r"http://127\.0\.0\.1:8000(/en/notifications/confirm/\S+/)", mail.outbox[0].body).group(1)

    assert client.post(link).status_code == 200
    sub.refresh_from_db()
    assert (sub.language, sub.frequency, sub.is_active) == ("zh-hans", "daily", True)


def test_a_link_with_changed_wishes_is_refused(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    token = tokens.confirm_token(sub, {"language": "en", "frequency": "daily", "topics": [TOPIC]})
    assert tokens.confirm_token_read(token) == (sub.pk, {"language": "en", "frequency": "daily", "topics": [TOPIC]})
    payload, rest = token.split(":", 1)
    response = client.post(f"/en/notifications/confirm/{payload[:-2]}xy:{rest}/")
    assert response.status_code == 400
    sub.refresh_from_db()
    assert sub.frequency == "immediate"


def test_a_resubscription_after_unsubscribing_waits_for_the_link(client, db):
    sub = SubscriptionFactory.create_bulk(1)[0]
    client.post(f"/en/notifications/unsubscribe/{tokens.manage_token(sub)}/", {"List-Unsubscribe": "One-Click"})
    client.post("/en/notifications/subscribe/", {"email": "reader0@example.com", "topics": [TOPIC],
                                                  "frequency": "immediate", "language": "en"})
    sub.refresh_from_db()
    assert not sub.is_active
    deliver_all()
    link = re.search(r"http://127\.0\.0\.1:8000(/en/notifications/confirm/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    sub.refresh_from_db()
    assert sub.is_active
