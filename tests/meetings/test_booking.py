"""Booking rules (apps/meetings/services.py, selectors.py): slots cut from the window, a slot held once, the
database constraint behind it, proposals moving the held slot, cancel freeing it, counts for the figures."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.meetings import selectors, services
from apps.meetings.models import MeetingRequest, Status
from tests.factories import MembershipFactory

from .support import at, book


def free_starts(company):
    return [f"{s.start:%H:%M}" for day in selectors.slot_days(company=company) for s in day.free_slots]


def test_slots_are_cut_from_the_window_and_a_booked_one_is_no_longer_free(company_a, days_a, visitor):
    assert free_starts(company_a) == ["10:00", "10:30", "11:00", "11:30"]
    meeting = book(visitor, days_a, 10, 30, message="  About radial tyres  ")
    assert (meeting.status, meeting.message, meeting.ends_at - meeting.starts_at) == (
        Status.REQUESTED, "About radial tyres", datetime.timedelta(minutes=30))
    assert free_starts(company_a) == ["10:00", "11:00", "11:30"]
    assert days_a.place == "Booth A101"  # the booth read from the expo when the day was saved


def test_a_taken_slot_is_refused_with_a_clear_error(days_a, visitor, visitor_zh):
    book(visitor, days_a, 10)
    with pytest.raises(ValidationError) as error:
        book(visitor_zh, days_a, 10)
    assert error.value.code == services.SLOT_TAKEN
    assert error.value.messages == ["This slot has just been taken. Please choose another one."]


def test_the_database_refuses_two_active_requests_for_one_slot(days_a, visitor, visitor_zh):
    first = book(visitor, days_a, 10)
    second = MeetingRequest(company=first.company, edition=first.edition, availability=days_a, requester=visitor_zh,
                            starts_at=first.starts_at, ends_at=first.ends_at, requested_starts_at=first.starts_at)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    first.status = Status.DECLINED  # an inactive request no longer holds its slot
    first.save()
    second.save()
    assert second.pk


def test_slots_not_in_the_window_in_the_past_or_overlapping_are_refused(days_a, visitor, visitor_zh, day_one):
    for start in (at(day_one, 10, 15), at(day_one, 12), at(day_one, 9, 30)):
        with pytest.raises(ValidationError):
            services.meeting_request(user=visitor, availability=days_a, start=start)
    with pytest.raises(ValidationError):  # the day has passed
        services.meeting_request(user=visitor, availability=days_a, start=at(day_one, 10),
                                 now=at(day_one + datetime.timedelta(days=1), 8))
    book(visitor, days_a, 10, 30)
    services.availability_save(company=days_a.company, edition=days_a.edition, day=day_one,
                               starts_at=datetime.time(10), ends_at=datetime.time(12), slot_minutes=15,
                               location="booth")
    days_a.refresh_from_db()
    assert free_starts(days_a.company) == ["10:00", "10:15", "11:00", "11:15", "11:30", "11:45"]
    with pytest.raises(ValidationError) as error:  # 10:45 overlaps the 30-minute meeting at 10:30
        book(visitor_zh, days_a, 10, 45)
    assert error.value.code == services.SLOT_TAKEN


def test_one_active_request_per_exhibitor_and_none_with_ones_own_company(days_a, visitor, member_a, company_b):
    book(visitor, days_a, 10)
    with pytest.raises(ValidationError) as error:
        book(visitor, days_a, 11)
    assert error.value.code == "duplicate"
    with pytest.raises(ValidationError) as error:
        book(member_a, days_a, 11)
    assert error.value.code == "own"
    with pytest.raises(ValidationError) as error:  # on behalf of a company the visitor does not belong to
        book(MembershipFactory().user, days_a, 11, requester_company=company_b)
    assert error.value.code == "company"


def test_accept_decline_and_answers_of_the_wrong_state(days_a, visitor, visitor_zh):
    meeting = book(visitor, days_a, 10)
    assert services.meeting_accept(meeting=meeting).status == Status.ACCEPTED
    with pytest.raises(ValidationError):
        services.meeting_decline(meeting=meeting)
    other = book(visitor_zh, days_a, 11)
    assert services.meeting_decline(meeting=other).status == Status.DECLINED
    assert "11:00" in free_starts(days_a.company)
    with pytest.raises(ValidationError):
        services.meeting_proposal_accept(meeting=meeting)


def test_a_proposal_moves_the_held_slot_and_the_visitor_accepts_it(days_a, visitor, visitor_zh):
    meeting = book(visitor, days_a, 10)
    proposed = services.meeting_propose(meeting=meeting, availability=days_a, start=at(days_a.day, 11))
    assert (proposed.status, f"{proposed.local_start:%H:%M}", f"{proposed.requested_starts_at.astimezone(days_a.at(days_a.starts_at).tzinfo):%H:%M}") == (
        Status.PROPOSED, "11:00", "10:00")
    assert free_starts(days_a.company) == ["10:00", "10:30", "11:30"]
    taken = book(visitor_zh, days_a, 11, 30)
    with pytest.raises(ValidationError):  # a proposal only while the request waits
        services.meeting_propose(meeting=proposed, availability=days_a, start=at(days_a.day, 10, 30))
    with pytest.raises(ValidationError) as error:
        services.meeting_propose(meeting=taken, availability=days_a, start=at(days_a.day, 11))
    assert error.value.code == services.SLOT_TAKEN
    assert services.meeting_proposal_accept(meeting=proposed).status == Status.ACCEPTED


def test_a_proposal_must_be_a_slot_of_the_same_exhibitor(days_a, days_b, visitor):
    meeting = book(visitor, days_a, 10)
    with pytest.raises(ValidationError):
        services.meeting_propose(meeting=meeting, availability=days_b, start=at(days_b.day, 14))
    assert MeetingRequest.objects.get(pk=meeting.pk).status == Status.REQUESTED


def test_cancel_frees_the_slot(days_a, visitor, visitor_zh):
    meeting = services.meeting_accept(meeting=book(visitor, days_a, 10))
    services.meeting_cancel(meeting=meeting)
    assert book(visitor_zh, days_a, 10).status == Status.REQUESTED
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting)


def test_availability_input_is_checked(company_a, coming_edition, day_one):
    with pytest.raises(ValidationError):
        services.availability_save(company=company_a, edition=coming_edition, day=day_one - datetime.timedelta(days=1),
                                   starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                                   location="booth")
    with pytest.raises(ValidationError):
        services.availability_save(company=company_a, edition=coming_edition, day=day_one,
                                   starts_at=datetime.time(11), ends_at=datetime.time(10), slot_minutes=30,
                                   location="booth")
    with pytest.raises(ValidationError):
        services.availability_save(company=company_a, edition=coming_edition, day=day_one,
                                   starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                                   location="table", table_name=" ")


def test_meeting_counts_by_day(company_a, days_a, visitor, visitor_zh, day_one, django_assert_num_queries):
    accepted = services.meeting_accept(meeting=book(visitor, days_a, 10))
    book(visitor_zh, days_a, 11)
    made = accepted.created_at.astimezone(days_a.at(days_a.starts_at).tzinfo).date()
    with django_assert_num_queries(1):
        requests = selectors.meeting_counts_by_day(company_id=company_a.pk, start=made, end=made, confirmed=False)
    assert requests == {made: 2}
    with django_assert_num_queries(1):
        held = selectors.meeting_counts_by_day(company_id=company_a.pk, start=day_one, end=day_one, confirmed=True)
    assert held == {day_one: 1}
    assert selectors.meeting_counts_by_day(company_id=company_a.pk, start=day_one + datetime.timedelta(days=1),
                                           end=day_one + datetime.timedelta(days=2), confirmed=True) == {}
