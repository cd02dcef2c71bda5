"""The editors' desk: the review queue (approve, return with a note), cancelling for abuse, CSV exports (UTF-8 with
a byte-order mark, formulas defused), the figures per event and per category, docking events."""

import csv
import io

import pytest

from apps.docking import services
from apps.docking.models import DockingEvent, ResponseStatus, Status

from .factories import event_make, requirement_draft, requirement_open, response_send, texts

pytestmark = pytest.mark.usefixtures("docking_pages")


@pytest.fixture
def in_review(lead, lead_member, categories):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Two mixing lines", title_zh="两条密炼线")
    return services.requirement_submit(requirement=requirement, user=lead_member)


def test_queue_shows_requirements_in_review_with_both_texts(client, docking_editor, in_review):
    client.force_login(docking_editor)

    page = client.get("/en/admin/docking/requirement/queue/").content.decode()

    assert "Two mixing lines" in page and "两条密炼线" in page
    assert f'/en/admin/docking/requirement/{in_review.pk}/workflow/approve/' in page


def test_editor_approves_from_the_queue(client, docking_editor, in_review):
    client.force_login(docking_editor)

    response = client.post(f"/en/admin/docking/requirement/{in_review.pk}/workflow/approve/", follow=True)

    in_review.refresh_from_db()
    assert in_review.status == Status.OPEN
    assert "is open: its page is public" in response.content.decode()
    assert "Nothing waits for review." in response.content.decode()


def test_editor_returns_with_a_note_and_an_empty_note_is_refused(client, docking_editor, in_review):
    client.force_login(docking_editor)

    refused = client.post(f"/en/admin/docking/requirement/{in_review.pk}/workflow/return/", {"note": ""},
                          follow=True)
    in_review.refresh_from_db()
    assert in_review.status == Status.REVIEW
    assert "Say what the poster should change." in refused.content.decode()

    client.post(f"/en/admin/docking/requirement/{in_review.pk}/workflow/return/", {"note": "Add the capacity."})
    in_review.refresh_from_db()
    assert (in_review.status, in_review.review_note) == (Status.DRAFT, "Add the capacity.")


def test_workflow_needs_post_and_a_known_action(client, docking_editor, in_review):
    client.force_login(docking_editor)

    assert client.get(f"/en/admin/docking/requirement/{in_review.pk}/workflow/approve/").status_code == 405
    assert client.post(f"/en/admin/docking/requirement/{in_review.pk}/workflow/publish/").status_code == 404
    assert client.post("/en/admin/docking/requirement/999999/workflow/approve/").status_code == 404


def test_editor_cancels_an_open_requirement_from_its_admin_page(client, docking_editor, lead, lead_member,
                                                                categories):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]])
    client.force_login(docking_editor)
    change = client.get(f"/en/admin/docking/requirement/{requirement.pk}/change/").content.decode()
    assert "Cancel this requirement (abuse)" in change

    client.post(f"/en/admin/docking/requirement/{requirement.pk}/workflow/cancel/",
                {"next": f"/en/admin/docking/requirement/{requirement.pk}/change/"})

    requirement.refresh_from_db()
    assert requirement.status == Status.CANCELLED


def test_requirements_csv_is_utf8_with_bom_both_languages_and_no_formulas(client, docking_editor, lead,
                                                                          lead_member, categories, supplier,
                                                                          supplier_member):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], title_en="=HYPERLINK(\"x\")",
                                   title_zh="两条密炼线", quantity=2, unit="line")
    response_send(requirement=requirement, company=supplier, user=supplier_member, price=100)
    client.force_login(docking_editor)

    response = client.get("/en/admin/docking/requirement/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="requirements-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Number", "Status", "Title (en)", "Title (zh-hans)"]
    assert rows[1][:6] == [str(requirement.pk), "Open", "'=HYPERLINK(\"x\")", "两条密炼线", "Linglong Test Tire",
                           "Mixing lines"]
    assert rows[1][-1] == "1"


def test_responses_csv_lists_each_response(client, docking_editor, lead, lead_member, categories, supplier,
                                           supplier_member):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], translations=texts("Two mixing lines"))
    response = response_send(requirement=requirement, company=supplier, user=supplier_member, price=2400000)
    services.thread_post(response=response, user=lead_member, body="When?")
    client.force_login(docking_editor)

    content = client.get("/zh-hans/admin/docking/requirement/responses.csv").content

    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][0] == "编号"
    assert rows[1][:7] == [str(response.pk), str(requirement.pk), "Two mixing lines", "玲珑测试轮胎", "益阳密炼机",
                           "已收到", "2400000.00"]
    assert rows[1][-1] == "1"


def test_figures_per_event_and_category_come_from_the_records(client, docking_editor, lead, lead_member,
                                                              categories, supplier, supplier_member, other,
                                                              other_member):
    event = event_make()
    first = requirement_open(editor=docking_editor, company=lead, user=lead_member, event=event,
                             categories=[categories["mixing"]])
    requirement_open(editor=docking_editor, company=lead, user=lead_member, event=event,
                     categories=[categories["carbon"]])
    awarded = response_send(requirement=first, company=supplier, user=supplier_member)
    withdrawn = response_send(requirement=first, company=other, user=other_member)
    services.response_withdraw(response=withdrawn, user=other_member)
    services.response_decide(response=awarded, user=lead_member, decision=ResponseStatus.AWARDED)
    client.force_login(docking_editor)

    page = client.get("/en/admin/docking/requirement/figures/").content.decode()
    public = client.get(event.get_absolute_url("en")).content.decode()

    assert "<td>2</td><td>2</td><td>1</td><td>1</td>" in page  # companies, requirements, responses, matches
    assert '<th scope="row" class="depth-1">Mixing lines</th><td>1</td><td>1</td><td>1</td>' in page
    assert '<th scope="row" class="depth-1">Carbon black</th><td>1</td><td>0</td><td>0</td>' in page
    assert "<strong>2</strong> companies taking part" in public
    assert "<strong>1</strong> matches" in public


def test_editors_add_docking_events_in_the_admin(client, docking_editor):
    client.force_login(docking_editor)

    response = client.post("/en/admin/docking/dockingevent/add/", {
        "name": "Textile chain docking", "slug": "textile-docking", "starts_on": "2026-10-12", "venue": "Humen",
        "description": "", "edition_slug": "", "forum_session_id": "", "is_public": "on"})

    assert response.status_code == 302
    assert DockingEvent.objects.language("en").get(slug="textile-docking").name == "Textile chain docking"
