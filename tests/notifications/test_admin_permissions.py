"""The outbox admin's resend action needs the change permission: staff who may only read the outbox neither see it
nor run it."""

from django.contrib.auth.models import Permission

from apps.notifications.audience import Audience
from apps.notifications.models import Message, State
from apps.notifications.services import event_record
from tests.factories import SubscriptionFactory, UserFactory
from tests.factories.notifications import TOPIC

CHANGELIST = "/en/admin/notifications/message/"


def _failed_messages():
    SubscriptionFactory.create_bulk(2)
    event_record(kind="notifications.announcement", key="perm1", audience=Audience(topics=[TOPIC]),
                 context={"title": {"en": "x"}, "text": {"en": "y"}})
    Message.objects.update(state=State.FAILED, last_error="550 no")
    return list(Message.objects.values_list("pk", flat=True))


def _staff_with(*codenames):
    user = UserFactory(username="outbox-" + "-".join(codenames), is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="notifications",
                                                         codename__in=codenames))
    return user


def test_readers_of_the_outbox_cannot_resend(client, db, django_capture_on_commit_callbacks):
    ids = _failed_messages()
    client.force_login(_staff_with("view_message"))
    listing = client.get(CHANGELIST)
    assert listing.status_code == 200
    assert all(
        f"{CHANGELIST}{pk}/change/" in listing.content.decode() for pk in ids)
    assert 'value="resend"' not in listing.content.decode()
    with django_capture_on_commit_callbacks(execute=False):
        client.post(CHANGELIST, {"action": "resend", "_selected_action": ids})
    assert set(Message.objects.values_list("state", flat=True)) == {State.FAILED}


def test_staff_who_may_change_the_outbox_resend(client, db, django_capture_on_commit_callbacks):
    ids = _failed_messages()
    client.force_login(_staff_with("view_message", "change_message"))
    assert 'value="resend"' in client.get(CHANGELIST).content.decode()
    with django_capture_on_commit_callbacks(execute=False):
        client.post(CHANGELIST, {"action": "resend", "_selected_action": ids})
    assert set(Message.objects.values_list("state", "last_error")) == {(State.PENDING, "")}
