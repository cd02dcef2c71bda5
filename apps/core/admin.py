from django.contrib import admin

from .models import WorkerHeartbeat


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the site itself or by its users: editors read them here and act through the workflow (admin
    actions or views of their own), never by adding, editing or deleting rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("hostname", "last_seen")
    readonly_fields = ("hostname", "last_seen")

    def has_add_permission(self, request):
        return False
