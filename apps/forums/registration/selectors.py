"""Reads of forum registration."""

from django.db.models import Count, Q

from apps.forums.models import Forum, Registration, RegistrationState


def _released_forum_id(slug):
    """The id of the forum the public knows by this slug: one of the latest released schedule."""
    from apps.forums.selectors import release_current

    release = release_current()
    if release is None:
        return None
    for forum in release.snapshot.get("forums", {}).values():
        if forum["slug"] == slug:
            return forum["id"]
    return None


def registration_forum_get(*, slug):
    """A released forum that takes registrations, with its translations and its count of confirmed places, or
    None."""
    forum_id = _released_forum_id(slug)
    if forum_id is None:
        return None
    confirmed = Count("registrations", filter=Q(registrations__state=RegistrationState.CONFIRMED))
    return (Forum.objects.filter(pk=forum_id, requires_registration=True).annotate(confirmed_count=confirmed)
            .prefetch_related("translations").first())


def forum_get(*, slug):
    """Any forum (released or not), for its organisers."""
    return Forum.objects.filter(slug=slug).prefetch_related("translations").first()


def registration_waitlist_position(registration):
    """1 for the first person on the forum's waiting list (the oldest), None when not waitlisted."""
    if registration.state != RegistrationState.WAITLISTED:
        return None
    earlier = Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at,
                                                            pk__lt=registration.pk)
    return Registration.objects.filter(earlier, forum_id=registration.forum_id,
                                       state=RegistrationState.WAITLISTED).count() + 1


def forum_has_free_place(forum, confirmed):
    """Whether a forum with `confirmed` confirmed registrations has a place left (no capacity: always)."""
    return forum.capacity is None or confirmed < forum.capacity


def registration_get(*, token):
    if not token:
        return None
    return (Registration.objects.filter(token=token).select_related("forum")
            .prefetch_related("forum__translations").first())


STATE_ORDER = {RegistrationState.CONFIRMED: 0, RegistrationState.WAITLISTED: 1, RegistrationState.CANCELLED: 2}


def attendees(*, forum):
    """The forum's registrations for its organisers: confirmed, then the waiting list in its order, then
    cancelled; each group oldest first."""
    rows = list(Registration.objects.filter(forum=forum).select_related("forum").order_by("created_at", "pk"))
    return sorted(rows, key=lambda registration: STATE_ORDER[registration.state])
