"""Helpers of the meetings tests: Beijing-time moments and a booking through the service."""

import datetime

from apps.meetings import services
from apps.meetings.models import ZONE


def at(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=ZONE)


def book(user, availability, hour, minute=0, message="Hello", **kwargs):
    return services.meeting_request(user=user, availability=availability, start=at(availability.day, hour, minute),
                                    message=message, **kwargs)


def someone(language="en"):
    """One more visitor, reading `language`."""
    from tests.factories import UserFactory

    return UserFactory(preferred_language=language)
