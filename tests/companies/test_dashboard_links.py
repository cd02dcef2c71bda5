"""The members' dashboard links registry (apps.companies.signals): order, replacement by key, and a link whose URL
does not resolve left out instead of failing."""

import pytest
from django.utils.translation import gettext_lazy, override

from apps.companies import signals


@pytest.fixture
def registry(monkeypatch, db):  # reversing loads django CMS's apphook URLs from the database
    monkeypatch.setattr(signals, "_dashboard_links", {})
    return signals


def test_links_come_in_order_and_a_key_replaces_its_link(registry):
    registry.member_dashboard_link_register("late", gettext_lazy("Log in"), "accounts:login", order=50)
    registry.member_dashboard_link_register("early", "Old label", "accounts:login", order=10)
    registry.member_dashboard_link_register("early", "Health", "healthz", order=5)

    with override("en"):
        links = registry.member_dashboard_links()

    assert [(link["key"], str(link["label"])) for link in links] == [("early", "Health"), ("late", "Log in")]
    assert links[1]["url"] == "/en/accounts/login/"


def test_a_link_to_an_unknown_url_is_left_out(registry):
    registry.member_dashboard_link_register("gone", "Gone", "no-such-app:page")
    registry.member_dashboard_link_register("here", "Log in", "accounts:login")

    with override("zh-hans"):
        links = registry.member_dashboard_links()

    assert [link["key"] for link in links] == ["here"]
    assert links[0]["url"] == "/zh-hans/accounts/login/"
