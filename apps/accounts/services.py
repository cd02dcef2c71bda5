from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from apps.core.branding import site_name

from . import roles


@transaction.atomic
def user_create(*, username, email, password=None, role=None, preferred_language="en", **extra):
    user = get_user_model()(username=username, email=email, preferred_language=preferred_language, **extra)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    if role:
        user_role_assign(user=user, role=role)
    return user


@transaction.atomic
def user_role_assign(*, user, role):
    """Put a user in a role's group; staff roles also open the admin to them."""
    if role not in roles.ALL:
        raise ValueError(f"Unknown role {role!r}")
    user.groups.add(Group.objects.get(name=role))
    if role in roles.STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return user


class _PasswordResetMailer(PasswordResetForm):
    """Django's reset mail, which raises when the mail cannot be sent (so that the task tries again) instead of
    logging and dropping it."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        EmailMultiAlternatives(subject, render_to_string(email_template_name, context), from_email,
                               [to_email]).send()


def password_reset_mail(*, email, language, domain, use_https):
    """Mail a reset link to the active accounts with this address (none: nothing is sent), in `language`."""
    form = _PasswordResetMailer({"email": email})
    if not form.is_valid():
        return
    with translation.override(language):
        form.save(domain_override=domain, use_https=use_https, extra_email_context={"site_name": site_name()},
                  subject_template_name="accounts/email/password_reset_subject.txt",
                  email_template_name="accounts/email/password_reset.txt")
