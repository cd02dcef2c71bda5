"""The signed link of the confirmation email of an anonymous sender (double opt-in)."""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=3)
_SALT = "leads.confirm"


def confirm_token(lead):
    return signing.TimestampSigner(salt=_SALT).sign(str(lead.pk))


def confirm_token_read(token):
    """The lead id in a token; raises signing.SignatureExpired past CONFIRM_MAX_AGE, signing.BadSignature (or
    ValueError) for anything else that was not made by confirm_token."""
    return int(signing.TimestampSigner(salt=_SALT).unsign(token, max_age=CONFIRM_MAX_AGE))
