"""The signed link that confirms a sign-up.

The token holds the sign-up's id and a fingerprint of the password chosen with it: signing up again with the same
address (before confirming) sets a new password and so retires the older links. It expires after SIGNUP_MAX_AGE,
and once the account is confirmed the link does nothing more.
"""

from datetime import timedelta

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

SIGNUP_MAX_AGE = timedelta(days=3)
_SALT = "onboarding.signup"


def _fingerprint(user):
    return salted_hmac(_SALT, user.password).hexdigest()[:20]


def signup_token(signup):
    return signing.TimestampSigner(salt=_SALT).sign(f"{signup.pk}.{_fingerprint(signup.user)}")


def signup_token_read(token):
    """(signup id, fingerprint) in a token; raises signing.SignatureExpired or signing.BadSignature."""
    value = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=SIGNUP_MAX_AGE)
    pk, _dot, fingerprint = value.partition(".")
    if not pk.isdigit() or not fingerprint:
        raise signing.BadSignature("not a sign-up token")
    return int(pk), fingerprint


def signup_token_matches(signup, fingerprint):
    """Whether the token was made for the password the account has now."""
    return constant_time_compare(_fingerprint(signup.user), fingerprint)
