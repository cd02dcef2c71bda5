"""Sign-ups arriving at the same moment, each in its own thread with its own database connection.

On PostgreSQL (CI runs the suite there too) the threads really run in parallel: each one waits on the forum row's
lock, which this test holds until all of them are waiting, then they race for the places. On SQLite, writers are
serialised by the database itself (IMMEDIATE transactions), and the invariant must hold all the same.
"""

import threading
import time
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from apps.forums.models import Forum, Registration, RegistrationState
from apps.forums.registration import selectors, services
from tests.factories import ForumFactory
from tests.support import wait_until

THREADS = 8
CAPACITY = 3


def _waiting_on_locks():
    """Other sessions of this database waiting on a lock. Activity is read as of the transaction's first look at
    it: clear that snapshot to see the present."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock'")
        return cursor.fetchone()[0]


def _race(forum, emails):
    """Start one sign-up per address while this connection holds the forum row; let them go together.
    Returns (outcomes, registrations seen while the lock was held)."""
    outcomes, started = [], threading.Barrier(len(emails) + 1)

    def sign_up(email):
        try:
            started.wait()
            registration = services.registration_create(forum=forum, name=email, email=email, language="en")
            outcomes.append(registration.state)
        except ValidationError as error:
            outcomes.append(error.code)
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(email,)) for email in emails]
    with transaction.atomic():
        Forum.objects.select_for_update().get(pk=forum.pk)
        for thread in threads:
            thread.start()
        started.wait()
        if connection.vendor == "postgresql":
            assert wait_until(lambda: _waiting_on_locks() == len(emails), timeout=30)
        else:
            time.sleep(0.3)  # SQLite: the writers wait on the database lock this transaction holds
        seen_while_locked = Registration.objects.filter(forum=forum).count()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes, seen_while_locked


@pytest.mark.django_db(transaction=True)
def test_concurrent_sign_ups_never_exceed_the_capacity():
    forum = ForumFactory(requires_registration=True, capacity=CAPACITY)

    outcomes, seen_while_locked = _race(forum, [f"racer{n}@example.com" for n in range(THREADS)])

    assert seen_while_locked == 0  # every sign-up waited for the forum's lock
    assert Counter(outcomes) == {RegistrationState.CONFIRMED: CAPACITY,
                                 RegistrationState.WAITLISTED: THREADS - CAPACITY}
    assert Registration.objects.filter(forum=forum, state=RegistrationState.CONFIRMED).count() == CAPACITY
    waiting = Registration.objects.filter(forum=forum, state=RegistrationState.WAITLISTED).order_by("created_at", "pk")
    assert [selectors.registration_waitlist_position(r) for r in waiting] == list(range(1, THREADS - CAPACITY + 1))


@pytest.mark.django_db(transaction=True)
def test_concurrent_sign_ups_of_one_address_make_one_registration():
    forum = ForumFactory(requires_registration=True, capacity=CAPACITY)

    outcomes, _seen = _race(forum, ["same@example.com"] * 4 + ["SAME@example.com"])

    assert Counter(outcomes) == {RegistrationState.CONFIRMED: 1, "duplicate": 4}
    assert Registration.objects.filter(forum=forum).count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_and_sign_ups_keep_the_capacity():
    forum = ForumFactory(requires_registration=True, capacity=CAPACITY)
    holders = [services.registration_create(forum=forum, name=f"h{n}", email=f"h{n}@example.com", language="en")
               for n in range(CAPACITY + 2)]  # 3 places taken, 2 waiting
    errors, started = [], threading.Barrier(2 * CAPACITY)

    def run(action):
        try:
            started.wait()
            action()
        except Exception as error:
            errors.append(repr(error))
        finally:
            connections.close_all()

    actions = [lambda r=r: services.registration_cancel(registration=r) for r in holders[:CAPACITY]]
    actions += [lambda n=n: services.registration_create(forum=forum, name=f"n{n}", email=f"n{n}@example.com",
                                                         language="en") for n in range(CAPACITY)]
    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    states = Counter(Registration.objects.filter(forum=forum).values_list("state", flat=True))
    # Whatever the order, every freed place was taken again and nobody stays waiting while a place is free.
    assert states == {RegistrationState.CANCELLED: CAPACITY, RegistrationState.CONFIRMED: CAPACITY,
                      RegistrationState.WAITLISTED: 2}
