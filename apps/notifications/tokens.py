"""Signed links in emails: confirm a subscription, manage it, unsubscribe, stop a user's emails."""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)
_CONFIRM, _MANAGE, _USER_EMAIL_OFF = "notifications.confirm", "notifications.manage", "notifications.user-email-off"


def confirm_token(subscription):
    return signing.TimestampSigner(salt=_CONFIRM).sign(str(subscription.pk))


def confirm_token_read(token):
    """The subscription id in a confirmation token; raises signing.BadSignature (incl. expired)."""
    return int(signing.TimestampSigner(salt=_CONFIRM).unsign(token, max_age=CONFIRM_MAX_AGE))


def manage_token(subscription):
    return signing.Signer(salt=_MANAGE).sign(str(subscription.pk))


def manage_token_read(token):
    return int(signing.Signer(salt=_MANAGE).unsign(token))


def user_email_off_token(user):
    return signing.Signer(salt=_USER_EMAIL_OFF).sign(str(user.pk))


def user_email_off_token_read(token):
    return int(signing.Signer(salt=_USER_EMAIL_OFF).unsign(token))
