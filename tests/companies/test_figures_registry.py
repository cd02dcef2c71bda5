"""The exhibitor figures registry (apps.companies.figures): sources come in position order, a key registered again
replaces its source, and a source's per_day is called as the contract says."""

import datetime

import pytest
from django.utils.translation import gettext_lazy, override

from apps.companies import figures


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(figures, "_sources", {})
    return figures


def test_sources_come_in_position_order_and_a_key_replaces_its_source(registry):
    registry.figure_source_register(figures.FigureSource("late", "Late", lambda **kw: {}, position=50))
    registry.figure_source_register(figures.FigureSource("early", "Old", lambda **kw: {}, position=10))
    replacement = registry.figure_source_register(
        figures.FigureSource("early", gettext_lazy("Log in"), lambda **kw: {}, position=5)
    )

    sources = registry.figure_sources()

    assert [source.key for source in sources] == ["early", "late"]
    assert sources[0] is replacement
    with override("zh-hans"):
        assert str(sources[0].label) != "Log in"  # still lazy: translated when shown
    with override("en"):
        assert str(sources[0].label) == "Log in"


def test_equal_positions_are_ordered_by_key_and_per_day_gets_keyword_arguments(registry):
    calls = []

    def per_day(*, company_id, start, end):
        calls.append((company_id, start, end))
        return {start: 3}

    registry.figure_source_register(figures.FigureSource("b", "B", per_day))
    registry.figure_source_register(figures.FigureSource("a", "A", per_day))
    day = datetime.date(2026, 5, 1)

    results = [source.per_day(company_id=7, start=day, end=day) for source in registry.figure_sources()]

    assert [source.key for source in registry.figure_sources()] == ["a", "b"]
    assert results == [{day: 3}, {day: 3}]
    assert calls == [(7, day, day), (7, day, day)]


def test_the_real_registry_is_a_fresh_list_each_time():
    first = figures.figure_sources()
    first.append("not a source")
    assert "not a source" not in figures.figure_sources()


def test_expo_registers_its_view_counts_first():
    sources = {source.key: source for source in figures.figure_sources()}
    assert list(sources)[:2] == ["profile_views", "product_views"]
    with override("zh-hans"):
        assert (str(sources["profile_views"].label), str(sources["product_views"].label)) == ("主页浏览量", "产品浏览量")
