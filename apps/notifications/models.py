from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("As it happens")
    DAILY = "daily", _("Daily digest")


class Subscription(models.Model):
    """A visitor (no account needed) who asked for email about some topics; confirmed by double opt-in."""

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None


class SubscriptionTopic(models.Model):
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="topics")
    key = models.CharField(_("topic"), max_length=100, db_index=True)

    class Meta:
        verbose_name = _("subscribed topic")
        verbose_name_plural = _("subscribed topics")
        constraints = [models.UniqueConstraint(fields=("subscription", "key"), name="unique_subscription_topic")]

    def __str__(self):
        return self.key


class Event(models.Model):
    """Something that happened and concerns an audience: recorded once, whatever calls it how often."""

    kind = models.CharField(_("kind"), max_length=100, db_index=True)
    key = models.CharField(_("key"), max_length=255, unique=True, help_text=_("The same key is one event."))
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    subject = GenericForeignKey("content_type", "object_id")
    context = models.JSONField(_("context"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("-created_at",)

    def __str__(self):
        return self.key


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    INBOX = "inbox", _("Inbox")


class State(models.TextChoices):
    PENDING = "pending", _("Pending")
    DIGEST = "digest", _("Waiting for the digest")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Message(models.Model):
    """One outbox row: an event for one recipient on one channel. The truth of what was delivered."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages", verbose_name=_("event"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=120, help_text=_("user:<id> or subscription:<id>"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
                             related_name="notifications", verbose_name=_("user"))
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="messages", verbose_name=_("subscription"))
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    subject_line = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("text"), blank=True)
    digest = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="digested",
                               verbose_name=_("sent in digest"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claim = models.CharField(_("claim"), max_length=32, blank=True, help_text=_("Which send attempt holds the row."))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    dot_at = models.DateTimeField(_("final dot written"), null=True, blank=True,
                                  help_text=_("The current attempt wrote the email's end and awaits the reply."))
    unconfirmed = models.PositiveSmallIntegerField(
        _("unconfirmed attempts"), default=0, db_default=0,
        help_text=_("Attempts whose end reached the server with no reply: the email was sent again with the same "
                    "Message-ID, so the recipient may have it twice."))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ("-created_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=("event", "recipient", "channel"), name="unique_message_per_recipient"),
        ]
        indexes = [
            models.Index(fields=("state", "channel", "created_at"), name="outbox_state_idx"),
            models.Index(fields=("user", "channel", "read_at"), name="inbox_idx"),
            models.Index(fields=("state",), condition=models.Q(unconfirmed__gt=0), name="outbox_unconfirmed_idx"),
        ]

    def __str__(self):
        return f"{self.event.kind} → {self.recipient} ({self.channel})"


class UserPreference(models.Model):
    """A user's choice to receive notification emails (the inbox always receives them)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_pref")
    email_enabled = models.BooleanField(_("send me emails"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user_id}: {'email on' if self.email_enabled else 'email off'}"
