"""A view decorator that declares the permission a view needs and the object it is checked against, for refusals
that must not answer 403.

The rules themselves live in each app's rules.py. Where a refusal may say "forbidden", views use
`rules.contrib.views.permission_required(perm, fn=..., raise_exception=True)` directly. `object_permission_required`
is for objects whose existence is private (another company's portal pages, an agenda known by its token): a
refusal looks exactly like a missing object (404), or is the response `denied` builds. The checked object is
handed to the view, so it is read once.
"""

from functools import wraps

from django.http import Http404


def _not_found(request):
    raise Http404


def object_permission_required(perm, *, fn=None, denied=None):
    """Decorate a view that needs `perm` (a rule name) on the object `fn(request, *args, **kwargs)` returns.

    With `fn`: a missing object (None) or a refusal answers `denied(request)` (default: 404); otherwise the view runs
    as `view(request, obj, *args, **kwargs)`. Without `fn` the permission is checked without an object and the view
    runs as it is. Anonymous visitors are refused like anyone else: put `login_required` outside this decorator
    where they should be sent to the login page instead.
    """
    denied = denied or _not_found

    def decorator(view_func):
        @wraps(view_func)
        def wrapped(request, *args, **kwargs):
            if fn is None:
                if not request.user.has_perm(perm):
                    return denied(request)
                return view_func(request, *args, **kwargs)
            obj = fn(request, *args, **kwargs)
            if obj is None or not request.user.has_perm(perm, obj):
                return denied(request)
            return view_func(request, obj, *args, **kwargs)

        wrapped.permission_required = perm  # readable by tests and tooling: what the view declares
        return wrapped

    return decorator
