from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from apps.core.images import image_upload_clean

from .cache import catalogue_changed
from .models import Company, Membership, Product, ProductCategory, ProductImage
from .services import company_index


class CompanyForm(TranslatableModelForm):
    """Logos are checked by content, size and pixel count and re-encoded, as in the exhibitor portal."""

    def clean_logo(self):
        return image_upload_clean(self.cleaned_data.get("logo"))


class ProductImageForm(forms.ModelForm):
    def clean_image(self):
        return image_upload_clean(self.cleaned_data.get("image"))


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Company)
class CompanyAdmin(TranslatableAdmin):
    form = CompanyForm
    list_display = ("__str__", "slug", "segment", "region", "country", "updated_at")
    list_filter = ("segment", "region", "country")
    search_fields = ("slug", "translations__name", "translations__short_name")
    inlines = (MembershipInline,)
    readonly_fields = ("initial_en", "initial_pinyin")
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "segment", "summary", "profile")}),
        (_("Contact"), {"fields": ("logo", "website", "email", "phone", "country", "region", "city", "address")}),
        (_("Directory"), {"fields": ("initial_en", "initial_pinyin")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        company_index(company=form.instance)  # initials and search document from the names just saved


@admin.register(ProductCategory)
class ProductCategoryAdmin(TranslatableAdmin):
    list_display = ("tree_name", "slug", "parent", "position")
    list_filter = ("parent",)
    search_fields = ("slug", "translations__name")
    fields = ("name", "slug", "parent", "position")

    @admin.display(description=_("name"))
    def tree_name(self, obj):
        return f"— {obj}" if obj.parent_id else str(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent").prefetch_related(
            "translations", "parent__translations")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        catalogue_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        catalogue_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        catalogue_changed()


class ProductImageInline(admin.TabularInline):
    model = ProductImage
    form = ProductImageForm
    extra = 0
    fields = ("image", "position")


@admin.register(Product)
class ProductAdmin(TranslatableAdmin):
    list_display = ("__str__", "company", "position", "updated_at")
    list_filter = ("categories",)
    search_fields = ("translations__name", "company__slug", "company__translations__name")
    autocomplete_fields = ("company", "categories")
    inlines = (ProductImageInline,)
    fields = ("company", "name", "description", "categories", "position")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("company").prefetch_related(
            "translations", "company__translations")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        company_index(company=form.instance.company)

    def delete_model(self, request, obj):
        company = obj.company
        super().delete_model(request, obj)
        company_index(company=company)
