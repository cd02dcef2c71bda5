"""The benchmark data generator: many public bilingual requirements the board and requirement pages serve."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.docking.models import Requirement, Visibility

pytestmark = pytest.mark.usefixtures("docking_pages")


def test_bench_command_creates_public_bilingual_requirements(client, categories):
    call_command("bench_requirements", "--count", "120", stdout=io.StringIO())

    assert Requirement.objects.count() == 120
    assert Requirement._parler_meta.root_model.objects.count() == 240
    assert Requirement.objects.filter(visibility=Visibility.VERIFIED).count() == 12
    assert Requirement.categories.through.objects.count() == 240
    board = client.get("/zh-hans/docking/?status=all&page=2")
    assert board.status_code == 200 and "压测需求" in board.content.decode()
    hundredth = Requirement.objects.order_by("pk").values_list("pk", flat=True)[99]  # ids need not start at 1
    page = client.get(f"/en/docking/requirements/{hundredth}/")
    assert page.status_code == 200 and "Bench requirement 100:" in page.content.decode()


def test_bench_command_needs_categories(db):
    with pytest.raises(CommandError):
        call_command("bench_requirements", "--count", "5", stdout=io.StringIO())
