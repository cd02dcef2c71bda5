from .selectors import inbox_unread_count


def inbox(request):
    """The unread count in the header, for logged-in users only (their pages are never shared-cached)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox_unread": inbox_unread_count(user=user)}
