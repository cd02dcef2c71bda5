"""The personal-agenda registry (apps/accounts/agenda.py): items of every source merged by start, nothing for
anonymous visitors, a key registered again replaces its source, sections ordered by position."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from apps.accounts import agenda
from apps.accounts.agenda import AgendaItem, AgendaSection

NOON = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test; the apps' own registrations come back afterwards."""
    monkeypatch.setattr(agenda, "_item_sources", {})
    monkeypatch.setattr(agenda, "_sections", {})
    return agenda


def item(uid, hours, title="x"):
    start = NOON + timedelta(hours=hours)
    return AgendaItem(uid=uid, start=start, end=start + timedelta(minutes=30), title=title)


class User:
    is_authenticated = True


def test_items_of_all_sources_are_merged_by_start(registry):
    seen = []

    def meetings(*, user, language):
        seen.append((user, language))
        return [item("meeting-2", 3), item("meeting-1", -1)]

    registry.agenda_items_register("meetings", meetings)
    registry.agenda_items_register("other", lambda *, user, language: [item("other-1", 1)])
    user = User()
    items = registry.agenda_items(user=user, language="zh-hans")
    assert [i.uid for i in items] == ["meeting-1", "other-1", "meeting-2"]
    assert seen == [(user, "zh-hans")]


def test_anonymous_visitors_have_no_items_and_sources_are_not_asked(registry):
    def fail(*, user, language):
        raise AssertionError("asked for an anonymous visitor")

    registry.agenda_items_register("meetings", fail)
    assert registry.agenda_items(user=AnonymousUser(), language="en") == []
    assert registry.agenda_items(user=None, language="en") == []


def test_registering_a_key_again_replaces_its_source(registry):
    registry.agenda_items_register("meetings", lambda *, user, language: [item("old", 0)])
    registry.agenda_items_register("meetings", lambda *, user, language: [item("new", 0)])
    assert [i.uid for i in registry.agenda_items(user=User(), language="en")] == ["new"]


def test_item_defaults_and_immutability():
    entry = item("meeting-1", 0, title="Meeting")
    assert (entry.place, entry.url, entry.description, entry.kind, entry.kind_label) == ("", "", "", "", "")
    with pytest.raises(AttributeError):
        entry.title = "changed"


def test_sections_by_position_and_replaced_by_key(registry):
    rows = lambda *, request: []
    registry.agenda_section_register(AgendaSection("late", "a.html", rows, position=200))
    registry.agenda_section_register(AgendaSection("early", "b.html", rows, position=10))
    registry.agenda_section_register(AgendaSection("default", "c.html", rows))
    registry.agenda_section_register(AgendaSection("late", "d.html", rows, position=5))
    assert [(s.key, s.template) for s in registry.agenda_sections()] == [
        ("late", "d.html"), ("early", "b.html"), ("default", "c.html")]
