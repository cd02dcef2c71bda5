"""Admin of the editors' desk: who looks after which language, and the completeness report
(/admin/editorial/languageeditor/completeness/). The queue itself is on the admin index (templatetags)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import LanguageEditor


@admin.register(LanguageEditor)
class LanguageEditorAdmin(admin.ModelAdmin):
    list_display = ("user", "language")
    list_filter = ("language",)
    autocomplete_fields = ("user",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("completeness/", view(self.completeness_view), name="editorial_completeness"),
                *super().get_urls()]

    def completeness_view(self, request):
        sources = selectors.completeness_for(request.user)
        if not sources:
            raise PermissionDenied
        key = request.GET.get("type") or sources[0].key
        source = next((source for source in sources if source.key == key), None)
        if source is None:
            raise Http404(_("There is no such content type in the report."))
        page = selectors.completeness_page(source, request.GET.get("page"))
        context = {**self.admin_site.each_context(request), "title": _("Bilingual completeness"),
                   "opts": self.model._meta, "sources": sources, "source": source, "page": page}
        return TemplateResponse(request, "admin/editorial/completeness.html", context)
