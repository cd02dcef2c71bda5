"""Notifications: every message the portal sends, by email and to the in-site inbox.

Owns the outbox (`Event`: something that happened, recorded once per key; `Message`: one row per recipient and
channel), subscriptions of visitors without an account (double opt-in, topics, daily digest), users' email
preferences, the SMTP sender that marks a row sent only after the server's 250 (smtp.py) and the Celery tasks
that deliver and re-queue. It knows nothing of the apps that use it: they register their kinds and topics
(registry.py) and record events through services.event_record with an Audience (audience.py); other apps use
only its services, selectors, audience and registry modules.
"""
