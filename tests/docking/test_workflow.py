"""The services of Supply & Demand: a requirement from draft to open and its end, responses and decisions, the
thread, publishing an award's outcome; who may do each."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from apps.docking import services
from apps.docking.conf import THREAD_LIMIT
from apps.docking.models import Requirement, ResponseStatus, Status

from .factories import requirement_draft, response_send, texts

pytestmark = pytest.mark.usefixtures("docking_pages")


@pytest.fixture
def draft(lead, lead_member, categories):
    return requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                             title_en="Two mixing lines", title_zh="两条密炼线")


@pytest.fixture
def opened(draft, lead_member, docking_editor):
    services.requirement_submit(requirement=draft, user=lead_member)
    return services.requirement_approve(requirement=draft, user=docking_editor)


def test_only_members_of_verified_companies_create_requirements(lead, unverified, unverified_member, supplier_member,
                                                                categories):
    with pytest.raises(PermissionDenied):
        requirement_draft(company=unverified, user=unverified_member, categories=[categories["mixing"]])
    with pytest.raises(PermissionDenied):
        requirement_draft(company=lead, user=supplier_member, categories=[categories["mixing"]])
    assert Requirement.objects.count() == 0


def test_a_requirement_may_be_written_in_one_language_only(lead, lead_member, categories):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    translations=texts(title_zh="只有中文"))

    assert list(requirement.get_available_languages()) == ["zh-hans"]
    assert requirement.translation_shown("en").title == "只有中文"


def test_a_requirement_without_any_title_is_refused(lead, lead_member, categories):
    with pytest.raises(ValidationError) as refused:
        requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                          translations={"en": {"title": "", "description": "x", "specifications": ""}})

    assert "title" in refused.value.message_dict


def test_budget_range_must_not_be_reversed(lead, lead_member, categories):
    with pytest.raises(ValidationError) as refused:
        requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]], budget_min=500,
                          budget_max=100)

    assert "budget_max" in refused.value.message_dict


def test_submit_approve_opens_the_requirement(draft, lead_member, docking_editor):
    services.requirement_submit(requirement=draft, user=lead_member)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW and draft.submitted_at is not None

    services.requirement_approve(requirement=draft, user=docking_editor)

    draft.refresh_from_db()
    assert draft.status == Status.OPEN and draft.published_at is not None
    assert draft.reviewed_by == docking_editor
    assert draft.state() == Status.OPEN


def test_only_editors_approve(draft, lead_member, supplier_member):
    services.requirement_submit(requirement=draft, user=lead_member)

    for user in (lead_member, supplier_member):
        with pytest.raises(PermissionDenied):
            services.requirement_approve(requirement=draft, user=user)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


def test_editor_returns_with_a_note_and_the_poster_changes_and_resubmits(draft, lead_member, docking_editor,
                                                                          categories):
    services.requirement_submit(requirement=draft, user=lead_member)
    with pytest.raises(ValidationError):
        services.requirement_return(requirement=draft, user=docking_editor, note="  ")

    services.requirement_return(requirement=draft, user=docking_editor, note="Give the line capacity.")
    draft.refresh_from_db()
    assert (draft.status, draft.review_note) == (Status.DRAFT, "Give the line capacity.")

    services.requirement_update(requirement=draft, user=lead_member, categories=[categories["mixing"]],
                                translations=texts("Two mixing lines, 60 t/h", "两条密炼线（60吨/小时）"),
                                segment="midstream", region="shandong", deadline=draft.deadline)
    services.requirement_submit(requirement=draft, user=lead_member)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert draft.safe_translation_getter("title", language_code="en") == "Two mixing lines, 60 t/h"


def test_a_requirement_in_review_or_open_cannot_be_edited(opened, lead_member, categories):
    with pytest.raises(PermissionDenied):
        services.requirement_update(requirement=opened, user=lead_member, categories=[categories["carbon"]],
                                    translations=texts("Changed"), region="jiangsu")


def test_submitting_with_a_passed_deadline_is_refused(lead, lead_member, categories):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    deadline=timezone.localdate() - datetime.timedelta(days=1))

    with pytest.raises(ValidationError):
        services.requirement_submit(requirement=requirement, user=lead_member)


def test_an_open_requirement_closes_by_itself_after_its_deadline(opened, time_machine):
    last_day = timezone.make_aware(datetime.datetime.combine(opened.deadline, datetime.time(23, 59)))
    time_machine(last_day)
    assert opened.state() == Status.OPEN and opened.accepts_responses()

    time_machine(last_day + datetime.timedelta(minutes=1))

    assert opened.state() == Status.CLOSED and not opened.accepts_responses()
    opened.refresh_from_db()
    assert opened.status == Status.OPEN  # nothing had to run


def test_poster_closes_and_cancels_other_companies_cannot(opened, lead_member, supplier_member):
    with pytest.raises(PermissionDenied):
        services.requirement_close(requirement=opened, user=supplier_member)

    services.requirement_close(requirement=opened, user=lead_member)
    opened.refresh_from_db()
    assert opened.status == Status.CLOSED
    with pytest.raises(ValidationError):
        services.requirement_close(requirement=opened, user=lead_member)
    services.requirement_cancel(requirement=opened, user=lead_member)
    opened.refresh_from_db()
    assert opened.status == Status.CANCELLED


def test_a_verified_supplier_responds_once(opened, supplier, supplier_member):
    response = response_send(requirement=opened, company=supplier, user=supplier_member, price=120000)

    assert response.status == ResponseStatus.SUBMITTED
    with pytest.raises(ValidationError):
        response_send(requirement=opened, company=supplier, user=supplier_member)


@pytest.mark.parametrize("who", ["poster", "unverified", "not_a_member"])
def test_who_may_not_respond(opened, lead, lead_member, unverified, unverified_member, supplier, other_member, who):
    company, user = {"poster": (lead, lead_member), "unverified": (unverified, unverified_member),
                     "not_a_member": (supplier, other_member)}[who]

    with pytest.raises(PermissionDenied):
        response_send(requirement=opened, company=company, user=user)


def test_no_responses_after_closing(opened, lead_member, supplier, supplier_member):
    services.requirement_close(requirement=opened, user=lead_member)

    with pytest.raises(PermissionDenied):
        response_send(requirement=opened, company=supplier, user=supplier_member)


def test_poster_shortlists_declines_and_awards_supplier_cannot_decide(opened, lead_member, supplier,
                                                                      supplier_member, other, other_member):
    first = response_send(requirement=opened, company=supplier, user=supplier_member)
    second = response_send(requirement=opened, company=other, user=other_member)

    with pytest.raises(PermissionDenied):
        services.response_decide(response=first, user=supplier_member, decision=ResponseStatus.AWARDED)
    services.response_decide(response=first, user=lead_member, decision=ResponseStatus.SHORTLISTED)
    services.response_decide(response=second, user=lead_member, decision=ResponseStatus.DECLINED)
    services.response_decide(response=first, user=lead_member, decision=ResponseStatus.AWARDED)

    first.refresh_from_db()
    opened.refresh_from_db()
    assert first.status == ResponseStatus.AWARDED
    assert opened.status == Status.AWARDED and opened.ended_at is not None
    with pytest.raises(PermissionDenied):  # decided already
        services.response_decide(response=second, user=lead_member, decision=ResponseStatus.AWARDED)


def test_supplier_withdraws_an_undecided_response(opened, supplier, supplier_member, lead_member):
    response = response_send(requirement=opened, company=supplier, user=supplier_member)
    with pytest.raises(PermissionDenied):
        services.response_withdraw(response=response, user=lead_member)

    services.response_withdraw(response=response, user=supplier_member)

    response.refresh_from_db()
    assert response.status == ResponseStatus.WITHDRAWN


def test_outcome_is_public_only_when_both_sides_agree(opened, lead_member, supplier, supplier_member, other_member):
    response = response_send(requirement=opened, company=supplier, user=supplier_member)
    with pytest.raises(PermissionDenied):  # not awarded yet
        services.outcome_agree(response=response, user=lead_member)
    services.response_decide(response=response, user=lead_member, decision=ResponseStatus.AWARDED)

    with pytest.raises(PermissionDenied):
        services.outcome_agree(response=response, user=other_member)
    services.outcome_agree(response=response, user=lead_member)
    response.refresh_from_db()
    assert response.poster_publishes and not response.outcome_public
    services.outcome_agree(response=response, user=supplier_member)
    response.refresh_from_db()
    assert response.outcome_public
    services.outcome_agree(response=response, user=supplier_member, agree=False)
    response.refresh_from_db()
    assert not response.outcome_public


def test_thread_between_the_two_companies_only(opened, lead, lead_member, supplier, supplier_member, other_member):
    response = response_send(requirement=opened, company=supplier, user=supplier_member)

    services.thread_post(response=response, user=lead_member, body="Can you deliver in March?")
    services.thread_post(response=response, user=supplier_member, body="Yes, from our Yiyang plant.")
    with pytest.raises(PermissionDenied):
        services.thread_post(response=response, user=other_member, body="Me too!")

    assert [(m.company_id, m.body[:3]) for m in response.thread.all()] == [(lead.pk, "Can"), (supplier.pk, "Yes")]


def test_thread_is_short(opened, supplier, supplier_member, monkeypatch):
    monkeypatch.setattr("apps.docking.services.responses.THREAD_LIMIT", 2)
    response = response_send(requirement=opened, company=supplier, user=supplier_member)
    services.thread_post(response=response, user=supplier_member, body="One")
    services.thread_post(response=response, user=supplier_member, body="Two")

    with pytest.raises(ValidationError):
        services.thread_post(response=response, user=supplier_member, body="Three")
    assert THREAD_LIMIT == 50


def test_a_published_requirement_cannot_be_deleted_a_draft_can(draft, opened, lead_member, lead, categories):
    with pytest.raises(PermissionDenied):
        services.requirement_delete(requirement=opened, user=lead_member)
    other_draft = requirement_draft(company=lead, user=lead_member, categories=[categories["carbon"]])

    services.requirement_delete(requirement=other_draft, user=lead_member)

    assert not Requirement.objects.filter(pk=other_draft.pk).exists()


def test_emptying_a_language_when_editing_removes_that_version(draft, lead_member, categories):
    services.requirement_update(requirement=draft, user=lead_member, categories=[categories["mixing"]],
                                translations={"en": {"title": "", "description": "", "specifications": ""},
                                              "zh-hans": {"title": "两条密炼线", "description": "新工厂用。",
                                                          "specifications": ""}},
                                segment="midstream", region="shandong", deadline=draft.deadline)

    draft = Requirement.objects.get(pk=draft.pk)
    assert list(draft.get_available_languages()) == ["zh-hans"]
    assert draft.translation_shown("en").description == "新工厂用。"
