"""Supply & Demand's home-page plugin: open requirements everyone may see, in the page's language, nothing at all
while none is open, in one query, and fresh on the cached home page once an editor opens a requirement."""

import pytest

from apps.docking.models import Visibility
from tests.docking.factories import requirement_draft, requirement_open
from tests.support.home_plugins import home_html, home_plugin_place, plugin_html


@pytest.fixture
def placed(docking_pages, editor):
    return home_plugin_place(docking_pages["home"], editor, "DockingHomePlugin", slot="docking", count=5)


def _open(lead, lead_member, categories, docking_editor, **fields):
    return requirement_open(editor=docking_editor, company=lead, user=lead_member,
                            categories=[categories["carbon"]], **fields)


@pytest.mark.parametrize("language, shown, hidden", [
    ("en", ["Open requirements", "N330 carbon black", "Linglong Test Tire", "Deadline", "All requirements"],
     ["供需", "炭黑N330", "玲珑测试轮胎", "截止"]),
    ("zh-hans", ["炭黑N330", "玲珑测试轮胎"], ["Open requirements", "N330 carbon black", "Linglong", "Deadline",
                                          "All requirements"]),
])
def test_home_lists_open_requirements_in_its_language(client, placed, lead, lead_member, categories, docking_editor,
                                                      language, shown, hidden):
    _open(lead, lead_member, categories, docking_editor, title_en="N330 carbon black", title_zh="炭黑N330")

    html = home_html(client, language)

    block = html[html.index("live-block docking-home"):]
    block = block[:block.index("</section>")]
    for text in shown:
        assert text in block
    for text in hidden:
        assert text not in block


def test_home_leaves_the_block_out_while_no_requirement_is_open(client, placed, lead, lead_member, categories,
                                                                docking_editor):
    requirement_draft(company=lead, user=lead_member, categories=[categories["carbon"]], title_en="Only a draft")
    _open(lead, lead_member, categories, docking_editor, title_en="For verified ones",
          visibility=Visibility.VERIFIED)

    html = home_html(client, "en")

    assert "docking-home" not in html and "Only a draft" not in html and "For verified ones" not in html
    assert '<section class="home-block home-docking"></section>' in html  # empty: hidden by .home-block:empty


@pytest.mark.parametrize("count", [1, 3])
def test_plugin_renders_in_one_query_whatever_the_number_of_requirements(placed, lead, lead_member, categories,
                                                                         docking_editor, count,
                                                                         django_assert_num_queries):
    for n in range(count):
        _open(lead, lead_member, categories, docking_editor, title_en=f"Need {n}", title_zh=f"需求甲{n}")

    with django_assert_num_queries(1):
        html = plugin_html(placed["zh-hans"], "zh-hans")

    assert html.count("<li>") == count
    assert all(f"需求甲{n}" in html for n in range(count))


def test_cached_home_shows_a_requirement_once_it_is_opened(client, placed, lead, lead_member, categories,
                                                           docking_editor, django_capture_on_commit_callbacks):
    from apps.docking import services

    _open(lead, lead_member, categories, docking_editor, title_en="First need")
    assert "First need" in home_html(client, "en")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    draft = requirement_draft(company=lead, user=lead_member, categories=[categories["carbon"]],
                              title_en="Later need")
    services.requirement_submit(requirement=draft, user=lead_member)

    with django_capture_on_commit_callbacks(execute=True):
        services.requirement_approve(requirement=draft, user=docking_editor)

    assert "Later need" in home_html(client, "en")
