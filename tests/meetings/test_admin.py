"""Editors in the admin: every meeting request per edition with counts by status and a CSV export (UTF-8 with a
byte-order mark, formulas defused); the visitors' messages stay hidden unless the editor holds
meetings.read_meeting_message, which no role grants by default."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission

from apps.accounts import roles
from apps.meetings import services
from tests.factories import EditionFactory, UserFactory

from .support import book


@pytest.fixture
def meetings(days_a, days_b, visitor, visitor_zh):
    accepted = services.meeting_accept(meeting=book(visitor, days_a, 10, message="=SUM(A1) private note"))
    waiting = book(visitor_zh, days_b, 14, message="私密留言")
    return accepted, waiting


@pytest.fixture
def editor_client(client, db):
    editor = UserFactory(role=roles.EDITORS, username="meetings-editor")
    client.force_login(editor)
    client.editor = editor
    return client


def rows(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


def test_editors_list_meetings_with_counts_but_not_the_messages(editor_client, meetings, coming_edition):
    response = editor_client.get(f"/en/admin/meetings/meetingrequest/?edition__id__exact={coming_edition.pk}")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Requested: 1" in text and "Confirmed: 1" in text and "Total: 2" in text
    assert "private note" not in text and "私密留言" not in text
    other = EditionFactory()
    text = editor_client.get(f"/en/admin/meetings/meetingrequest/?edition__id__exact={other.pk}").content.decode()
    assert "Total: 0" in text
    detail = editor_client.get(f"/en/admin/meetings/meetingrequest/{meetings[0].pk}/change/").content.decode()
    assert "Longyuan Tyre" in detail and "private note" not in detail


def test_the_export_leaves_messages_out_by_default(editor_client, meetings, coming_edition):
    response = editor_client.get(f"/en/admin/meetings/meetingrequest/export.csv?edition={coming_edition.pk}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *data = rows(response)
    assert "Message" not in header and len(data) == 2
    assert [row[1] for row in data] == ["Confirmed", "Requested"]
    assert data[0][2] == "Longyuan Tyre" and data[1][2] == "Haiwan Chemical"
    chinese = rows(editor_client.get("/zh-hans/admin/meetings/meetingrequest/export.csv"))
    assert chinese[0][:3] == ["编号", "状态", "展商"] and chinese[1][2] == "隆远轮胎"


def test_a_moderator_with_the_permission_reads_the_messages(editor_client, meetings):
    editor_client.editor.user_permissions.add(Permission.objects.get(codename="read_meeting_message"))
    detail = editor_client.get(f"/en/admin/meetings/meetingrequest/{meetings[1].pk}/change/").content.decode()
    assert "私密留言" in detail
    header, *data = rows(editor_client.get("/en/admin/meetings/meetingrequest/export.csv"))
    assert header[-1] == "Message"
    assert data[0][-1] == "'=SUM(A1) private note"  # a formula is defused


def test_the_editors_role_does_not_read_messages():
    assert "meetings.read_meeting_message" not in roles.ROLE_PERMISSIONS[roles.EDITORS]
    assert "meetings.export_meetings" in roles.ROLE_PERMISSIONS[roles.EDITORS]


def test_others_may_not_export(client, meetings, member_a):
    client.force_login(member_a)
    response = client.get("/en/admin/meetings/meetingrequest/export.csv")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    staff = UserFactory(role=roles.CONTRIBUTORS)
    client.force_login(staff)
    assert client.get("/en/admin/meetings/meetingrequest/export.csv").status_code == 403
