"""News Center: bilingual articles in an editorial workflow, hierarchical categories, tags and revisions.

An article is public when its state is "published", its publish_at has passed and its unpublish_at (if any) has
not: scheduling needs no worker, the queryset filters by time (`Article.objects.published()`).
"""

from cms.models import CMSPlugin
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from apps.core.richtext import RichTextField


def news_url(name, language=None, **kwargs):
    """Reverse a News Center URL in a language (the apphook's namespace is "news")."""
    from django.utils.translation import override

    with override(language or get_language()):
        return reverse(f"news:{name}", kwargs=kwargs or None)


class Category(TranslatableModel):
    """A news section (Company News, Industry News ...); a category may sit below another one."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True,
                            help_text=_("Used in the web address in both languages (Latin letters, digits, hyphens)."))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
                               verbose_name=_("parent category"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=80),
        description=models.CharField(_("description"), max_length=300, blank=True),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ("position", "slug")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        return news_url("category", language, slug=self.slug)


class Tag(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    translations = TranslatedFields(name=models.CharField(_("name"), max_length=60))

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ("slug",)

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        return news_url("tag", language, slug=self.slug)


class ArticleState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ArticleQuerySet(TranslatableQuerySet):
    def published(self, now=None):
        """Articles the public may read at `now` (default: this moment)."""
        now = now or timezone.now()
        return self.filter(state=ArticleState.PUBLISHED, publish_at__lte=now).filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))

    def in_language(self, language):
        return self.filter(translations__language_code=language)


class Article(TranslatableModel):
    state = models.CharField(_("state"), max_length=12, choices=ArticleState.choices, default=ArticleState.DRAFT,
                             editable=False)
    publish_at = models.DateTimeField(
        _("publish at"), null=True, blank=True, db_index=True,
        help_text=_("Shown from this time on once published; empty means at the moment of publishing."))
    unpublish_at = models.DateTimeField(_("unpublish at"), null=True, blank=True,
                                        help_text=_("Hidden again from this time on; empty means never."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="articles", verbose_name=_("category"))
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    companies = models.ManyToManyField("companies.Company", blank=True, related_name="news_articles",
                                       verbose_name=_("companies concerned"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="news_articles", verbose_name=_("author"))
    cover = models.ImageField(_("cover image"), upload_to="news/covers/", blank=True,
                              help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels."))
    cover_list = models.ImageField(_("list image"), upload_to="news/covers/", blank=True, editable=False)
    cover_detail = models.ImageField(_("article image"), upload_to="news/covers/", blank=True, editable=False)
    cover_social = models.ImageField(_("social card image"), upload_to="news/covers/", blank=True, editable=False)
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    notified_at = models.DateTimeField(_("subscribers notified"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        slug=models.SlugField(_("slug"), max_length=200, allow_unicode=True,
                              help_text=_("The article's web address in this language. Chinese titles are not "
                                          "turned into a slug automatically: type one, e.g. in pinyin.")),
        lead=models.CharField(_("lead"), max_length=400, blank=True,
                              help_text=_("One or two sentences shown in lists, feeds and link previews.")),
        body=RichTextField(_("body"), blank=True),
        source_name=models.CharField(_("source"), max_length=120, blank=True,
                                     help_text=_("Shown as \"Article source: ...\".")),
        source_url=models.URLField(_("source web address"), blank=True),
        seo_title=models.CharField(_("SEO title"), max_length=70, blank=True,
                                   help_text=_("Title for search engines; empty uses the title.")),
        seo_description=models.CharField(_("SEO description"), max_length=160, blank=True,
                                         help_text=_("Description for search engines; empty uses the lead.")),
        meta={"unique_together": [("language_code", "slug")]},
    )

    objects = TranslatableManager.from_queryset(ArticleQuerySet)()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ("-publish_at", "-pk")
        permissions = [
            ("publish_article", _("Can publish, schedule and archive articles")),
            ("preview_article", _("Can preview unpublished articles")),
        ]
        indexes = [models.Index(fields=("state", "publish_at"), name="news_article_state_publish")]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"

    def get_absolute_url(self, language=None):
        language = language or get_language()
        slug = self.safe_translation_getter("slug", language_code=language, any_language=True)
        return news_url("article", language, slug=slug)

    def is_public(self, now=None):
        now = now or timezone.now()
        return (self.state == ArticleState.PUBLISHED and self.publish_at is not None and self.publish_at <= now
                and (self.unpublish_at is None or self.unpublish_at > now))


class ArticleRevision(models.Model):
    """A snapshot of an article after a save: shared fields, relations and both translations (JSON)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions",
                                verbose_name=_("article"))
    number = models.PositiveIntegerField(_("revision"))
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("saved by"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    snapshot = models.JSONField(_("snapshot"))

    class Meta:
        verbose_name = _("article revision")
        verbose_name_plural = _("article revisions")
        ordering = ("article", "-number")
        constraints = [models.UniqueConstraint(fields=("article", "number"), name="unique_article_revision")]

    def __str__(self):
        return f"{self.article} · {self.number}"


class LatestArticlesPluginModel(CMSPlugin):
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                 verbose_name=_("category"), help_text=_("Empty: articles of every category."))
    count = models.PositiveSmallIntegerField(_("number of articles"), default=5,
                                             validators=[MinValueValidator(1), MaxValueValidator(20)])

    def __str__(self):
        return f"{self.category or _('All categories')} · {self.count}"


class FeaturedArticlePluginModel(CMSPlugin):
    article = models.ForeignKey(Article, on_delete=models.SET_NULL, null=True, related_name="+",
                                verbose_name=_("article"),
                                help_text=_("Shown only while the article is published."))

    def __str__(self):
        return str(self.article or "-")
