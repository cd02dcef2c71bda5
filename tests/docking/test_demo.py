"""The Supply & Demand demo: a docking session at the rubber expo with requirements in both languages, responses,
shortlists, a decline and one award published by both sides; loading twice adds nothing; deleting removes it."""

import json

import pytest

from apps.core.demo import demo_delete, demo_load
from apps.core.demo.fixtures import DEMO_DIR
from apps.docking.figures import event_figures
from apps.docking.models import DockingEvent, Requirement, Response, ResponseStatus, Status, Visibility
from tests.factories.demo import demo_parts_load, demo_parts_unload

SPEC = json.loads((DEMO_DIR / "docking" / "docking.json").read_text(encoding="utf-8"))

PARTS = ("accounts", "companies", "expo", "forums", "docking")  # what this part of the demo reads


@pytest.fixture
def demo(db, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch):
    yield demo_parts_load(monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks, PARTS)
    demo_parts_unload()


def test_demo_builds_a_docking_event_with_requirements_responses_and_an_award(demo, client):
    event = DockingEvent.objects.get(slug=SPEC["event"]["slug"])
    requirements = Requirement.objects.filter(event=event)

    assert requirements.count() == sum(1 for spec in SPEC["requirements"] if spec.get("event"))
    assert set(requirements.values_list("status", flat=True)) == {Status.OPEN, Status.AWARDED}
    assert Requirement.objects.filter(status=Status.REVIEW).count() == 1  # waits in the editors' queue
    assert set(Response.objects.values_list("status", flat=True)) == {
        ResponseStatus.SUBMITTED, ResponseStatus.SHORTLISTED, ResponseStatus.DECLINED, ResponseStatus.AWARDED}
    awarded = Response.objects.get(status=ResponseStatus.AWARDED)
    assert awarded.outcome_public and awarded.company.slug == "haiyue-rubber-machinery"
    assert Requirement.objects.filter(visibility=Visibility.VERIFIED).count() == 1
    assert event_figures(event=event) == {"companies": 7, "requirements": 6, "responses": 5, "matches": 1}

    for language, title, outcome in (("en", "Two intermeshing mixing lines", "Matched with"),
                                     ("zh-hans", "两条啮合型密炼生产线", "对接成功")):
        board = client.get(f"/{language}/docking/?status=all").content.decode()
        assert title in board
        page = client.get(awarded.requirement.get_absolute_url(language)).content.decode()
        assert outcome in page and "/expo/companies/haiyue-rubber-machinery/" in page
        assert client.get(event.get_absolute_url(language)).status_code == 200


def test_demo_supplier_account_signs_in_and_sees_its_responses(demo, client):
    from django.contrib.auth import get_user_model

    supplier = get_user_model().objects.get(username="supplier")
    assert supplier.check_password("supplier-demo-2026")
    client.force_login(supplier)

    page = client.get("/en/docking/mine/").content.decode()

    assert "Two intermeshing mixing lines" in page and "Awarded" in page


def test_demo_loads_once_and_is_deleted_again(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        again = demo_load()
    assert again.counts["docking"] == 0
    assert Requirement.objects.count() == len(SPEC["requirements"])

    with django_capture_on_commit_callbacks(execute=True):
        demo_delete()

    assert Requirement.objects.count() == Response.objects.count() == DockingEvent.objects.count() == 0
