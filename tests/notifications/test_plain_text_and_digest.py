"""Plain-text emails are not HTML-escaped, a name ending in a period ends its sentence once, digests list each
item with its title, summary and link, and the inbox shows a message as sanitised HTML with links, without the
email footer."""

import pytest
from django.core import mail

from apps.accounts.models import User
from apps.notifications.audience import Audience
from apps.notifications.digest import digest_item
from apps.notifications.models import Channel, Frequency, Message
from apps.notifications.render import sentence_ends
from apps.notifications.services import digests_build, event_record
from tests.factories import PASSWORD, SubscriptionFactory, UserFactory
from tests.factories.notifications import TOPIC
from tests.support import deliver_all

LINK = "http://127.0.0.1:8000/en/expo/companies/obrien/"


def announce(key, title, text, **audience):
    return event_record(kind="notifications.announcement", key=key, audience=Audience(**audience),
                        context={"title": {"en": title, "zh-hans": title}, "text": {"en": text, "zh-hans": text}})


def test_plain_text_email_is_not_html_escaped(db):
    SubscriptionFactory.create_bulk(1)
    announce("a", "O'Brien & Sons <joins>", "O'Brien & Sons \"Tyres\" exhibit in Hall A.", topics=[TOPIC])
    deliver_all()
    email = mail.outbox[0]
    assert email.subject == "O'Brien & Sons <joins>"
    assert "O'Brien & Sons \"Tyres\" exhibit in Hall A." in email.body
    assert "&#x27;" not in email.body and "&amp;" not in email.body and "&quot;" not in email.body
    html = email.alternatives[0][0]
    assert "O&#x27;Brien &amp; Sons" in html  # the HTML part stays escaped


def test_a_name_ending_in_a_period_ends_the_sentence_once():
    assert sentence_ends("An editor has verified Longyuan Tire Co., Ltd.. The company can now publish.") == \
        "An editor has verified Longyuan Tire Co., Ltd. The company can now publish."
    assert sentence_ends("Wait... and see.") == "Wait... and see."


def test_company_email_says_co_ltd_once(db):
    # what a template writes as "... {{ company_name }}. The company ..." with a name that ends in its own period
    user = UserFactory(email="li@example.com")
    announce("verified", "Verified", "An editor has verified Qingdao Longyuan Tire Co., Ltd.. The company can now "
             "publish requirements.", users=[user])
    deliver_all()
    email = mail.outbox[0]
    assert "Qingdao Longyuan Tire Co., Ltd. The company" in email.body and "Ltd.." not in email.body
    assert "Ltd.." not in email.alternatives[0][0]
    assert "Ltd. The company" in Message.objects.get(channel=Channel.INBOX).body


def test_digest_item_has_title_link_and_a_short_summary():
    text = ("Expo halls open\n\nHalls A to C open at nine. Bring your badge.\n\nRead more: " + LINK +
            "\n\n--\nValley · http://127.0.0.1:8000\nUnsubscribe: http://127.0.0.1:8000/en/notifications/u/x/\n")
    item = digest_item("Expo halls open", text)
    assert item == {"title": "Expo halls open", "url": LINK, "summary": "Halls A to C open at nine. Bring your badge."}


def test_digest_lists_title_summary_and_link_per_item(db):
    SubscriptionFactory.create_bulk(1, frequency=Frequency.DAILY, prefix="daily")
    announce("a", "Halls open", f"Halls A to C open at nine.\n\nDetails: {LINK}", topics=[TOPIC])
    announce("b", "Forum moved", "The tyre forum moves to Room 201.", topics=[TOPIC])
    assert digests_build() == 1
    deliver_all()
    body = mail.outbox[0].body
    assert "* Halls open\n  Halls A to C open at nine.\n  " + LINK + "\n" in body
    assert "* Forum moved\n  The tyre forum moves to Room 201.\n" in body
    assert body.count("Unsubscribe") == 1  # only the digest's own footer, not one per item
    html = mail.outbox[0].alternatives[0][0]
    assert f'<a href="{LINK}">Halls open</a>' in html


@pytest.mark.parametrize("count", [1, 3])
def test_inbox_shows_sanitised_html_with_links_and_no_footer(client, db, count, django_assert_max_num_queries):
    user = UserFactory(username="li", email="li@example.com")
    for n in range(count):
        announce(f"inbox-{n}", f"Notice {n}", f"See <b>this</b>: {LINK}\nSecond line.", users=[user])
    client.force_login(user)
    with django_assert_max_num_queries(10):
        response = client.get("/en/notifications/inbox/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(f'<a href="{LINK}" rel="noopener nofollow">{LINK}</a>') == count
    assert html.count("<p>See &lt;b&gt;this&lt;/b&gt;: ") == count and "<br>Second line." in html
    body = html[html.index('class="inbox-list"'):]
    assert "Unsubscribe" not in body and "Manage your notifications" not in body and "\n--\n" not in body


def test_inbox_message_body_still_holds_the_whole_text(db):
    user = User.objects.create_user("wu", "wu@example.com", PASSWORD)
    announce("whole", "Notice", "Text.", users=[user])
    assert "--" in Message.objects.get(channel=Channel.INBOX).body  # the record is unchanged; only the view differs
