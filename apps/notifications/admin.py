from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Event, Message, State, Subscription, SubscriptionTopic


class UnconfirmedFilter(admin.SimpleListFilter):
    """Rows with an attempt whose end reached the server unanswered: the recipient may have the email twice."""

    title = _("unconfirmed attempts")
    parameter_name = "unconfirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("With unconfirmed attempts")), ("no", _("Without"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(unconfirmed__gt=0)
        if self.value() == "no":
            return queryset.filter(unconfirmed=0)
        return queryset


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("id", "event_kind", "channel", "recipient", "email", "language", "state", "attempts",
                    "unconfirmed", "sent_at", "created_at")
    list_filter = ("state", UnconfirmedFilter, "channel", "event__kind", "language")
    search_fields = ("email", "recipient", "event__key")
    list_select_related = ("event",)
    readonly_fields = [f.name for f in Message._meta.fields]
    actions = ["resend"]

    @admin.display(description=_("kind"), ordering="event__kind")
    def event_kind(self, obj):
        return obj.event.kind

    @admin.action(description=_("Send the selected failed emails again"), permissions=["change"])
    def resend(self, request, queryset):
        count = services.messages_resend(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, ngettext("%(count)d email queued again.", "%(count)d emails queued again.",
                                            count) % {"count": count}, messages.SUCCESS)

    def has_add_permission(self, request):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("kind", "key", "created_at", "total", "sent", "pending", "failed", "unconfirmed")
    list_filter = ("kind",)
    search_fields = ("key",)
    readonly_fields = ("kind", "key", "content_type", "object_id", "context", "created_at")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            total=Count("messages"),
            sent=Count("messages", filter=Q(messages__state=State.SENT)),
            pending=Count("messages", filter=Q(messages__state__in=(State.PENDING, State.SENDING, State.DIGEST))),
            failed=Count("messages", filter=Q(messages__state=State.FAILED)),
            unconfirmed=Count("messages", filter=Q(messages__unconfirmed__gt=0)),
        )

    @admin.display(description=_("messages"), ordering="total")
    def total(self, obj):
        return obj.total

    @admin.display(description=_("sent"), ordering="sent")
    def sent(self, obj):
        return obj.sent

    @admin.display(description=_("pending"), ordering="pending")
    def pending(self, obj):
        return obj.pending

    @admin.display(description=_("failed"), ordering="failed")
    def failed(self, obj):
        return obj.failed

    @admin.display(description=_("unconfirmed"), ordering="unconfirmed")
    def unconfirmed(self, obj):
        return obj.unconfirmed

    def has_add_permission(self, request):
        return False


class SubscriptionTopicInline(admin.TabularInline):
    model = SubscriptionTopic
    extra = 0


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "frequency", "confirmed_at", "unsubscribed_at", "created_at")
    list_filter = ("language", "frequency", ("confirmed_at", admin.EmptyFieldListFilter))
    search_fields = ("email",)
    inlines = (SubscriptionTopicInline,)
