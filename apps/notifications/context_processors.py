from .selectors import inbox_unread_count


def inbox(request):
    """The unread count in the header, for logged-in users only (their pages are never shared-cached). Counted once
    per request, however many templates the view renders with it (a page and its kept fragments)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if not hasattr(request, "inbox_unread"):
        request.inbox_unread = inbox_unread_count(user=user)
    return {"inbox_unread": request.inbox_unread}
