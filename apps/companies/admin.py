from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from .models import Company, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(TranslatableAdmin):
    list_display = ("__str__", "slug", "segment", "country", "updated_at")
    list_filter = ("segment", "country")
    search_fields = ("slug", "translations__name", "translations__short_name")
    inlines = (MembershipInline,)
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "segment", "summary", "profile")}),
        (_("Contact"), {"fields": ("logo", "website", "email", "phone", "country", "city", "address")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")
