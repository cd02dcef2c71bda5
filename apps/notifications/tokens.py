"""Signed links in emails: confirm a subscription, manage it, unsubscribe, stop a user's emails."""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
_CONFIRM, _MANAGE, _USER_EMAIL_OFF = "notifications.confirm", "notifications.manage", "notifications.user-email-off"


def confirm_token(subscription, wishes=None):
    """The link's token; `wishes` ({"language", "frequency", "topics"}) are what the request asked for, applied
    only when the link is followed (services.subscription_confirm)."""
    if wishes is None:
        return signing.TimestampSigner(salt=_CONFIRM).sign(str(subscription.pk))
    return signing.TimestampSigner(salt=_CONFIRM).sign_object({"s": subscription.pk, "w": wishes})


def confirm_token_read(token):
    """(subscription id, wishes or None) of a confirmation token; raises signing.BadSignature (incl. expired) or
    ValueError. Tokens of the first kind, an id alone, are still read."""
    signer = signing.TimestampSigner(salt=_CONFIRM)
    value = signer.unsign(token, max_age=CONFIRM_MAX_AGE)
    if value.isdigit():
        return int(value), None
    found = signer.unsign_object(token, max_age=CONFIRM_MAX_AGE)
    if not isinstance(found, dict) or not isinstance(found.get("s"), int) or not isinstance(found.get("w"), dict):
        raise ValueError("not a confirmation token")
    return found["s"], found["w"]


def manage_token(subscription):
    return signing.Signer(salt=_MANAGE).sign(str(subscription.pk))


def manage_token_read(token):
    return int(signing.Signer(salt=_MANAGE).unsign(token))


def user_email_off_token(user):
    return signing.Signer(salt=_USER_EMAIL_OFF).sign(str(user.pk))


def user_email_off_token_read(token):
    return int(signing.Signer(salt=_USER_EMAIL_OFF).unsign(token))
