"""The translation status of every watched object (one row per object and language) and the editors who look after
a language (they receive the daily summary of what needs updating in it)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.Model):
    """When one language of an object last changed, and since when it is behind another language."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("content type"))
    object_id = models.PositiveBigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    label = models.CharField(_("title"), max_length=300, blank=True)
    changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    stale_since = models.DateTimeField(_("needs update since"), null=True, blank=True)
    changed_language = models.CharField(_("changed in"), max_length=10, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [models.UniqueConstraint(fields=("content_type", "object_id", "language"),
                                               name="editorial_status_unique")]
        indexes = [models.Index(fields=("stale_since",), name="editorial_stale_idx",
                                condition=models.Q(stale_since__isnull=False))]

    def __str__(self):
        return f"{self.label} ({self.language})"


class LanguageEditor(models.Model):
    """An editor who looks after one language: they get the daily summary of what needs updating in it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editorial_languages",
                             verbose_name=_("editor"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("language editor")
        verbose_name_plural = _("language editors")
        constraints = [models.UniqueConstraint(fields=("user", "language"), name="editorial_language_editor_unique")]

    def __str__(self):
        return f"{self.user} ({self.get_language_display()})"
