"""Celery tasks of accounts. `password_reset_mail` takes the address typed, not a user id: the request queues it
for any address, so that its answer and its time say nothing about which addresses have an account."""

import smtplib

from celery import shared_task

from . import services


@shared_task(name="accounts.password_reset_mail", ignore_result=True, autoretry_for=(OSError, smtplib.SMTPException),
             retry_backoff=30, retry_backoff_max=3600, max_retries=5)
def password_reset_mail(email, language, domain, use_https):
    services.password_reset_mail(email=email, language=language, domain=domain, use_https=use_https)
