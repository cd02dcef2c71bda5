"""News admin: articles with workflow buttons, revisions (compare and revert), categories and tags."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from apps.core.slugs import PinyinSlugFormMixin, prepopulated_for

from . import covers, revisions, selectors, services
from .cache import content_version_bump
from .models import Article, ArticleState, Category, Tag, news_url

WORKFLOW = {  # button value: (service, label, target state)
    "submit": (services.article_submit, gettext_lazy("Submit for review"), ArticleState.REVIEW),
    "publish": (services.article_publish, gettext_lazy("Publish"), ArticleState.PUBLISHED),
    "archive": (services.article_archive, gettext_lazy("Archive"), ArticleState.ARCHIVED),
    "draft": (services.article_return_to_draft, gettext_lazy("Return to draft"), ArticleState.DRAFT),
}


class ArticleAdminForm(PinyinSlugFormMixin, TranslatableModelForm):
    cover_upload = forms.ImageField(label=gettext_lazy("New cover image"), required=False,
                                    help_text=gettext_lazy("JPEG, PNG or WebP, at most 10 MB and 40 megapixels; "
                                                           "cut to 16:9 for lists and the article page."))
    cover_remove = forms.BooleanField(label=gettext_lazy("Remove the cover image"), required=False)

    class Meta:
        model = Article
        exclude = ("cover",)

    def clean_cover_upload(self):
        upload = self.cleaned_data.get("cover_upload")
        self.cover_data = covers.cover_validate(upload) if upload else None
        return upload


def _available_actions(user, article):
    """The workflow buttons this user may press for this article now."""
    if article is None or article.pk is None:
        return []
    return [(name, label) for name, (_service, label, target) in WORKFLOW.items()
            if services.transition_possible(article=article, target=target)
            and services.transition_permitted(user=user, article=article, target=target)]


@admin.register(Article)
class ArticleAdmin(TranslatableAdmin):
    form = ArticleAdminForm
    change_form_template = "news/admin/article_change_form.html"
    list_display = ("__str__", "state", "category", "publish_at", "language_column", "view_count", "author")
    list_filter = ("state", "category")
    search_fields = ("translations__title", "translations__slug")
    autocomplete_fields = ("tags", "companies")
    readonly_fields = ("state", "author", "view_count", "cover_preview", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "lead", "body")}),
        (gettext_lazy("Source"), {"fields": ("source_name", "source_url")}),
        (gettext_lazy("Classification"), {"fields": ("category", "tags", "companies")}),
        (gettext_lazy("Cover image"), {"fields": ("cover_preview", "cover_upload", "cover_remove")}),
        (gettext_lazy("Publication"), {"fields": ("state", "publish_at", "unpublish_at", "author", "view_count",
                                                  "updated_at")}),
        (gettext_lazy("Search engines"), {"fields": ("seo_title", "seo_description"), "classes": ("collapse",)}),
    )

    def get_prepopulated_fields(self, request, obj=None):
        return prepopulated_for(self.get_form_language(request, obj), {"slug": ("title",)})

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("category", "author").prefetch_related(
            "translations", "category__translations")
        if not request.user.has_perm("news.publish_article"):
            queryset = queryset.filter(author=request.user)  # contributors see their own articles
        return queryset

    def has_view_permission(self, request, obj=None):
        if obj is not None and not request.user.has_perm("news.publish_article"):
            return self.has_change_permission(request, obj)  # contributors: their own unpublished articles
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or request.user.has_perm("news.edit_article", obj))

    @admin.display(description=gettext_lazy("languages"))
    def language_column(self, obj):
        return ", ".join(sorted(translation.language_code for translation in obj.translations.all()))

    @admin.display(description=gettext_lazy("current cover"))
    def cover_preview(self, obj):
        if not obj or not obj.cover_list:
            return "-"
        return format_html('<img src="{}" width="240" height="135" alt="">', obj.cover_list.url)

    # --- saving through the services ---

    def save_model(self, request, obj, form, change):
        action = request.POST.get("_workflow")
        if action in WORKFLOW and not services.transition_permitted(user=request.user, article=obj,
                                                                      target=WORKFLOW[action][2]):
            raise PermissionDenied  # before anything is saved (parler's cache would outlive a rollback)
        cover_data = form.cover_data if form.cleaned_data.get("cover_upload") else None
        if cover_data is None and form.cleaned_data.get("cover_remove"):
            cover_data = b""
        services.article_save(article=obj, user=request.user, cover_data=cover_data)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        services.article_revision_record(article=article, user=request.user,
                                         note=_("Article changed") if change else _("Article created"))
        action = request.POST.get("_workflow")
        if action in WORKFLOW:
            try:
                WORKFLOW[action][0](article=article, user=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The article is now: %(state)s.") % {
                    "state": article.get_state_display()})

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_workflow"):
            return HttpResponseRedirect(reverse("admin:news_article_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if request.POST.get("_workflow"):
            return HttpResponseRedirect(request.get_full_path())
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_actions"] = _available_actions(request.user, obj)
        if obj is not None and obj.pk:
            context["revisions_url"] = reverse("admin:news_article_revisions", args=[obj.pk])
            try:  # the News Center page (apphook) may not exist yet
                if request.user.has_perm("news.preview_article"):
                    context["preview_url"] = news_url("preview", pk=obj.pk)
                if obj.is_public() and obj.has_translation():
                    context["public_url"] = obj.get_absolute_url()
            except NoReverseMatch:
                pass
        return super().render_change_form(request, context, add, change, form_url, obj)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(content_version_bump)

    # --- revisions: list, compare, revert ---

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/revisions/", view(self.revisions_view), name="news_article_revisions"),
            path("<int:pk>/revisions/compare/", view(self.compare_view), name="news_article_compare"),
            path("<int:pk>/revisions/<int:number>/revert/", view(self.revert_view), name="news_article_revert"),
            *super().get_urls(),
        ]

    def _article_for_revisions(self, request, pk):
        article = get_object_or_404(Article, pk=pk)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def _context(self, request, article, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "original": article,
                "title": _("Revisions of “%(article)s”") % {"article": article}, **extra}

    def revisions_view(self, request, pk):
        article = self._article_for_revisions(request, pk)
        context = self._context(request, article, revisions=selectors.revisions_of(article))
        return TemplateResponse(request, "news/admin/revisions.html", context)

    def compare_view(self, request, pk):
        article = self._article_for_revisions(request, pk)
        found = {revision.number: revision for revision in selectors.revisions_of(article)}
        try:
            old, new = sorted((int(request.GET["a"]), int(request.GET["b"])))
            old_revision, new_revision = found[old], found[new]
        except (KeyError, ValueError) as exc:
            raise Http404(_("Choose two revisions of this article to compare.")) from exc
        rows = revisions.snapshot_diff(old_revision.snapshot, new_revision.snapshot)
        context = self._context(request, article, old=old_revision, new=new_revision, rows=rows,
                                title=_("Compare revisions %(old)d and %(new)d") % {"old": old, "new": new})
        return TemplateResponse(request, "news/admin/compare.html", context)

    def revert_view(self, request, pk, number):
        return require_POST(self._revert)(request, pk, number)

    def _revert(self, request, pk, number):
        article = self._article_for_revisions(request, pk)
        revision = get_object_or_404(selectors.revisions_of(article), number=number)
        services.article_revert(article=article, revision=revision, user=request.user)
        messages.success(request, _("The article was reverted to revision %(number)d.") % {"number": number})
        return HttpResponseRedirect(reverse("admin:news_article_change", args=[article.pk]))


class TaxonomyAdminMixin:
    """Category and tag names appear on cached pages: make them stale after a change."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        transaction.on_commit(content_version_bump)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        transaction.on_commit(content_version_bump)


@admin.register(Category)
class CategoryAdmin(TaxonomyAdminMixin, TranslatableAdmin):
    list_display = ("__str__", "slug", "parent", "position")
    search_fields = ("slug", "translations__name")
    fields = ("name", "slug", "parent", "position", "description")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Tag)
class TagAdmin(TaxonomyAdminMixin, TranslatableAdmin):
    list_display = ("__str__", "slug")
    search_fields = ("slug", "translations__name")
    fields = ("name", "slug")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")
