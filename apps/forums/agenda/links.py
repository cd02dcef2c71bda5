"""URLs of released objects without a query or a reverse per object: reverse once with a stand-in, then fill in."""

from django.urls import NoReverseMatch, reverse

_STAND_IN = "9876543210"


def url_maker(name, *, absolute=None):
    """A function id_or_slug -> URL of view `name` in the active language ("" when the view is not reachable).
    `absolute(path)` makes it absolute (e.g. request.build_absolute_uri)."""
    try:
        path = reverse(name, args=[_STAND_IN])
    except NoReverseMatch:
        return lambda value: ""
    if absolute:
        path = absolute(path)
    before, after = path.split(_STAND_IN, 1)
    return lambda value: f"{before}{value}{after}"
