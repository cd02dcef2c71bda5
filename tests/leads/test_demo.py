"""The demo's contact requests: a few in both languages for three demo exhibitors, every status, all confirmed and
in the members' inbox; loading twice adds nothing; deleting removes them."""

import json

import pytest

from apps.core.demo import demo_delete, demo_load
from apps.core.demo.fixtures import DEMO_DIR
from apps.leads.models import Lead, Status
from apps.notifications.models import Channel, Message
from tests.factories.demo import demo_parts_load, demo_parts_unload

SPEC = json.loads((DEMO_DIR / "leads" / "leads.json").read_text(encoding="utf-8"))["leads"]

PARTS = ("accounts", "companies", "expo", "leads")  # what this part of the demo reads


@pytest.fixture
def demo(db, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch):
    yield demo_parts_load(monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks, PARTS)
    demo_parts_unload()


def test_demo_builds_requests_in_both_languages_then_nothing_more_then_deletes(demo, client,
                                                                                django_capture_on_commit_callbacks):
    leads = Lead.objects.all()

    assert demo.counts["leads"] == len(SPEC) == leads.count()
    assert set(leads.values_list("language", flat=True)) == {"en", "zh-hans"}
    assert set(leads.values_list("status", flat=True)) == set(Status.values)
    assert leads.filter(confirmed_at__isnull=True).count() == 0
    assert len({lead.company_id for lead in leads}) == 3
    assert leads.filter(product__isnull=False).exists()
    exhibitor = leads.filter(company__slug="longyuan-tire").first().company.memberships.get().user
    assert Message.objects.filter(user=exhibitor, channel=Channel.INBOX, event__kind="leads.received").count() == 4

    client.force_login(exhibitor)
    page = client.get("/zh-hans/portal/leads/longyuan-tire/")
    assert page.status_code == 200 and "陈思远" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        again = demo_load()
    assert again.counts["leads"] == 0 and Lead.objects.count() == len(SPEC)

    with django_capture_on_commit_callbacks(execute=True):
        demo_delete()
    assert not Lead.objects.exists()
