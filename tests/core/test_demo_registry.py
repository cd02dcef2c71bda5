"""The demo loader runs the builders apps register (apps.core.registries.demo_builders) around core's pages and
reports each part; core itself names no domain app."""

import io

import pytest
from cms.api import create_page
from django.core.management import call_command

from apps.core import registries
from apps.core.demo import demo_delete, demo_load


@pytest.fixture
def builders(db, settings, tmp_path, monkeypatch):
    """Only the accounts and companies builders, in a registry the test may add to."""
    settings.MEDIA_ROOT = tmp_path / "media"
    kept = {label: builder for label, builder in registries.demo_builders.items()
            if label in ("accounts", "companies")}
    monkeypatch.setattr(registries, "demo_builders", kept)
    return kept


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_every_app_of_the_portal_registers_its_demo_builder():
    assert {"accounts", "companies", "notifications", "expo", "forums", "news", "trading"} <= set(
        registries.demo_builders)
    orders = {label: builder.order for label, builder in registries.demo_builders.items()}
    assert orders["accounts"] < orders["companies"] < registries.DEMO_PAGES_ORDER < orders["notifications"]
    assert orders["expo"] < orders["forums"]  # the forums belong to the expo's edition


def test_load_demo_reports_each_part_in_build_order(builders, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first, _err = run("load_demo")
    with django_capture_on_commit_callbacks(execute=True):
        again, _err = run("load_demo")

    assert first.strip() == "Demo data loaded. Records created: Accounts 2, Companies 12, CMS pages 14."
    assert again.strip() == "Demo data loaded. Records created: Accounts 0, Companies 0, CMS pages 0."


def test_reset_demo_warns_of_a_demo_user_kept_for_other_content(builders, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    with django_capture_on_commit_callbacks(execute=True):
        run("load_demo")
    editor = get_user_model().objects.get(username="editor")
    create_page("Other", "cms/page.html", "en", slug="other", created_by=editor, reverse_id="other")

    with django_capture_on_commit_callbacks(execute=True):
        out, err = run("reset_demo")

    assert "User editor was kept: other content refers to it." in err
    assert out.splitlines()[0] == "Demo data deleted. Records deleted: CMS pages 7, Companies 12, Accounts 1."


def test_a_registered_builder_runs_after_the_pages_with_their_author_and_is_deleted_before_them(
        builders, django_capture_on_commit_callbacks):
    calls = []

    def build(*, author):
        calls.append(("build", author.username, sorted(registries.demo_builders)))
        return 3, ["A note for the operator."]

    def delete():
        calls.append(("delete",))
        return 2

    registries.demo_builder_register("sites", order=registries.DEMO_PAGES_ORDER + 5, build=build, delete=delete)

    with django_capture_on_commit_callbacks(execute=True):
        created = demo_load()
        deleted = demo_delete()

    assert list(created.counts.items()) == [("accounts", 2), ("companies", 12), ("pages", 14), ("sites", 3)]
    assert created.notes == ["A note for the operator."]
    assert calls == [("build", "editor", ["accounts", "companies", "sites"]), ("delete",)]
    assert list(deleted.counts) == ["sites", "pages", "companies", "accounts"]
    assert deleted.counts["sites"] == 2
