"""Every way an SMTP transaction can break loses nothing: a row is "sent" only after the 250 to its final ".".

A real SMTP server on loopback (aiosmtpd) behind a proxy that breaks one recipient's transaction. The other
recipients of the batch are given back and delivered on the retry. Only where the "." was written and no reply came
can the server have the message already: that attempt is counted as unconfirmed and the second copy carries the
same Message-ID.
"""

from collections import Counter

import pytest

from apps.notifications.models import Message, State
from apps.notifications.selectors import outbox_backlog
from apps.notifications.services import messages_send, pending_batches
from tests.factories import SubscriptionFactory
from tests.factories.notifications import TOPIC, announce

VICTIM = "reader2@example.com"
ADDRESSES = [f"reader{n}@example.com" for n in range(5)]


@pytest.fixture
def through_proxy(settings, smtp_server, fault_proxy):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", fault_proxy.port, 1.5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return fault_proxy


def deliver_until_done(rounds=5):
    """What the task's retries do: send the pending rows again until none is left."""
    for _round in range(rounds):
        batches = pending_batches()
        if not batches:
            return
        for batch in batches:
            messages_send(ids=batch)


# fault -> (copies the victim receives in the end, unconfirmed attempts counted)
EXPECTED = {
    # The DATA never ended, so the server has nothing. Whether the sender saw the reset before writing its "."
    # (a plain retry) or after (an unconfirmed attempt) depends on timing: either way one copy arrives.
    "drop_mid_data": (1, {0, 1}),
    "swallow_dot": (1, 1),  # the "." was written but never arrived: unconfirmed, delivered once
    "drop_reply": (2, 1),  # the server accepted, the reply was lost: unconfirmed, the copy has the same Message-ID
    "stall_reply": (2, 1),  # the reply came after the sender's timeout: the same
}


@pytest.mark.parametrize("fault", list(EXPECTED))
def test_broken_transaction_loses_nothing_and_counts_only_the_ambiguous_case(db, through_proxy, smtp_server, fault):
    SubscriptionFactory.create_bulk(5)
    through_proxy.arm(VICTIM, fault)
    announce(topics=[TOPIC])
    first = messages_send(ids=pending_batches()[0])
    assert through_proxy.fired == [(VICTIM, fault)]
    victim = Message.objects.get(email=VICTIM)
    assert victim.state == State.PENDING, "a row may say sent only after the server's 250 to its final '.'"
    copies, unconfirmed = EXPECTED[fault]
    if isinstance(unconfirmed, set):
        assert first["unconfirmed"] in unconfirmed
        unconfirmed = first["unconfirmed"]
    assert first["unconfirmed"] == unconfirmed
    deliver_until_done()
    counts = Counter(smtp_server.recipients())
    assert counts == Counter({address: copies if address == VICTIM else 1 for address in ADDRESSES})
    assert len(set(smtp_server.message_ids(VICTIM))) == 1  # a second copy is the same message
    assert set(Message.objects.values_list("state", flat=True)) == {State.SENT}
    victim.refresh_from_db()
    assert (victim.unconfirmed, victim.dot_at) == (unconfirmed, None)
    assert outbox_backlog()["unconfirmed_rows"] == (1 if unconfirmed else 0)


def test_temporary_refusal_of_the_final_dot_is_retried(db, through_proxy, smtp_server):
    SubscriptionFactory.create_bulk(5)
    smtp_server.defer_once.add(VICTIM)  # 451 to the "." of the victim's first attempt
    announce(topics=[TOPIC])
    first = messages_send(ids=pending_batches()[0])
    assert (first["unconfirmed"], Message.objects.get(email=VICTIM).state) == (0, State.PENDING)
    assert "451" in Message.objects.get(email=VICTIM).last_error
    deliver_until_done()
    assert Counter(smtp_server.recipients()) == Counter(dict.fromkeys(ADDRESSES, 1))
    assert set(Message.objects.values_list("state", "unconfirmed")) == {(State.SENT, 0)}


def test_outbox_status_and_healthz_report_unconfirmed_attempts(db, client, through_proxy, smtp_server):
    import json
    from io import StringIO

    from django.core.management import call_command

    SubscriptionFactory.create_bulk(5)
    through_proxy.arm(VICTIM, "drop_reply")
    announce(topics=[TOPIC])
    deliver_until_done()
    out = StringIO()
    call_command("outbox_status", stdout=out)
    status = json.loads(out.getvalue())
    assert status["states"] == {"sent": 5}
    assert status["unconfirmed"] == {"rows": 1, "attempts": 1, "then_sent": 1}
    outbox = client.get("/healthz").json()["details"]["outbox"]
    assert (outbox["pending"], outbox["failed"], outbox["unconfirmed_rows"]) == (0, 0, 1)
