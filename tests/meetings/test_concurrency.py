"""Visitors racing for one slot, each in its own thread with its own database connection: exactly one gets it,
the others get the clear "just taken" error.

On PostgreSQL the threads really run in parallel. The first test holds the availability row's lock (as a
booking does) until every thread waits on it, then lets them go together; the second bypasses the service's
lock and inserts the rows directly, so only the partial unique constraint stands between them. On SQLite the
database serialises writers itself; the outcome must be the same.
"""

import datetime
import threading
import time
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from apps.meetings import services
from apps.meetings.models import Availability, MeetingRequest, Status
from tests.factories import UserFactory
from tests.support import wait_until

from .support import at

THREADS = 6
pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_on_locks():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def _run(threads_work, *, hold=None):
    """Run one thread per callable, released together (optionally while this connection holds `hold`'s row);
    returns their outcomes: "booked" or the ValidationError's code."""
    outcomes, started = [], threading.Barrier(len(threads_work) + 1)

    def run(work):
        try:
            started.wait()
            work()
            outcomes.append("booked")
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:  # anything else is reported in the assertion
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(work,)) for work in threads_work]
    if hold is not None:
        with transaction.atomic():
            Availability.objects.select_for_update().get(pk=hold.pk)
            for thread in threads:
                thread.start()
            started.wait()
            if connection.vendor == "postgresql":
                assert wait_until(lambda: _waiting_on_locks() == len(threads_work), timeout=30)
            else:
                time.sleep(0.3)
            assert not MeetingRequest.objects.exists()  # every booking waited for the day's lock
    else:
        for thread in threads:
            thread.start()
        started.wait()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture
def day(company_a, coming_edition):
    return services.availability_save(company=company_a, edition=coming_edition, day=coming_edition.starts_on,
                                      starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                                      location="booth")


def test_visitors_racing_through_the_service_get_one_booking(day):
    racers = [UserFactory() for _ in range(THREADS)]
    start = at(day.day, 10)

    def book_as(user):
        return lambda: services.meeting_request(user=user, availability=day, start=start, message="race")

    outcomes = _run([book_as(user) for user in racers], hold=day)

    assert Counter(outcomes) == {"booked": 1, services.SLOT_TAKEN: THREADS - 1}
    assert MeetingRequest.objects.filter(starts_at=start, status=Status.REQUESTED).count() == 1


def test_the_constraint_alone_stops_a_second_booking(day):
    """Rows written without the service's lock: the database refuses all but one, and the service's save turns
    the refusal into the same clear error."""
    racers = [UserFactory() for _ in range(THREADS)]
    start = at(day.day, 10, 30)

    def insert_as(user):
        def work():
            meeting = MeetingRequest(company_id=day.company_id, edition_id=day.edition_id, availability=day,
                                     requester=user, starts_at=start, requested_starts_at=start,
                                     ends_at=start + datetime.timedelta(minutes=30))
            with transaction.atomic():
                services._hold(meeting, None)
        return work

    outcomes = _run([insert_as(user) for user in racers])

    assert Counter(outcomes) == {"booked": 1, services.SLOT_TAKEN: THREADS - 1}
    assert MeetingRequest.objects.filter(starts_at=start).count() == 1
