"""Writes of the News Center: articles through their editorial workflow, revisions, view counts.

draft -> in review -> published -> archived; editors may also send any article back to draft. Every service
checks the acting user's permission (apps/news/rules.py), keeps a revision of what it changed and, once its
transaction commits, makes the public caches stale (apps/news/cache.py).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.languages import translations_apply
from apps.search.services import index_on_commit

from . import covers, revisions
from .cache import content_version_bump
from .models import Article, ArticleRevision, ArticleState
from .notifications import article_published_record

TRANSITIONS = {  # target state: states it may be reached from
    ArticleState.REVIEW: (ArticleState.DRAFT,),
    ArticleState.PUBLISHED: (ArticleState.DRAFT, ArticleState.REVIEW, ArticleState.ARCHIVED),
    ArticleState.ARCHIVED: (ArticleState.PUBLISHED,),
    ArticleState.DRAFT: (ArticleState.REVIEW, ArticleState.PUBLISHED, ArticleState.ARCHIVED),
}


def _allowed(user, permission, article=None, rule=None):
    """The model permission (role groups) and, with an article, its object rule (rules.py)."""
    if user is None or not user.has_perm(permission):
        return False
    return rule is None or user.has_perm(rule, article)


def _require(user, permission, article=None, rule=None):
    if not _allowed(user, permission, article, rule):
        raise PermissionDenied(_("You may not do this with this article."))


def transition_permitted(*, user, article, target):
    """Whether `user` may move `article` to `target` (the state itself is checked by the service)."""
    if target == ArticleState.REVIEW:
        return _allowed(user, "news.change_article", article, "news.submit_article")
    if target == ArticleState.DRAFT and article.state == ArticleState.REVIEW:
        return _allowed(user, "news.change_article", article, "news.edit_article")
    return _allowed(user, "news.publish_article")


def transition_possible(*, article, target):
    return article.state in TRANSITIONS[target]


def _transition_require(user, article, target):
    if not transition_permitted(user=user, article=article, target=target):
        raise PermissionDenied(_("You may not do this with this article."))
    _transition_check(article, target)


def _transition_check(article, target):
    if article.state not in TRANSITIONS[target]:
        raise ValidationError(_("An article that is %(state)s cannot become %(target)s.") % {
            "state": article.get_state_display().lower(), "target": ArticleState(target).label.lower()})


def _schedule_check(article):
    if article.publish_at and article.unpublish_at and article.unpublish_at <= article.publish_at:
        raise ValidationError({"unpublish_at": _("The end of publication must come after its start.")})


def _changed():
    transaction.on_commit(content_version_bump)


def article_revision_record(*, article, user=None, note=""):
    """Keep a snapshot of the article as saved (call after its relations are saved too)."""
    number = (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ArticleRevision.objects.create(article=article, number=number, created_by=user, note=note,
                                          snapshot=revisions.snapshot(article))


def _cover_apply(article, cover_data):
    """Replace the cover by re-encoded renditions of `cover_data` (bytes), or remove it (b"")."""
    if not cover_data:
        for name in ("cover", "cover_list", "cover_detail", "cover_social"):
            setattr(article, name, "")
        return
    for name, content in covers.cover_files(cover_data).items():
        field = getattr(article, name)
        field.save(content.name, content, save=False)


@transaction.atomic
def article_save(*, article, user, cover_data=None):
    """Save an article's fields and translations as edited (admin); the workflow state does not change.

    `cover_data`: None keeps the cover, bytes (checked by covers.cover_validate) replace it, b"" removes it.
    The caller records the revision once the relations are saved (article_revision_record).
    """
    if article.pk:
        _require(user, "news.change_article", article, rule="news.edit_article")
    else:
        _require(user, "news.add_article")
    if not article.pk and article.author_id is None:
        article.author = user
    _schedule_check(article)
    if cover_data is not None:
        _cover_apply(article, cover_data)
    article.save()
    _changed()
    index_on_commit("article", article.pk)
    return article


@transaction.atomic
def article_create(*, author, translations, category=None, tags=(), companies=(), publish_at=None,
                   unpublish_at=None, cover_data=None):
    """Create a draft; `translations` maps a language code to its fields (title, slug, lead, body ...)."""
    _require(author, "news.add_article")
    article = Article(author=author, category=category, publish_at=publish_at, unpublish_at=unpublish_at)
    translations_apply(article, translations)
    _schedule_check(article)
    if cover_data:
        _cover_apply(article, cover_data)
    article.save()
    article.tags.set(tags)
    article.companies.set(companies)
    article_revision_record(article=article, user=author, note=_("Article created"))
    _changed()
    return article


def _state_set(article, user, target, note, **fields):
    article.state = target
    for name, value in fields.items():
        setattr(article, name, value)
    article.save(update_fields=["state", "updated_at", *fields])
    article_revision_record(article=article, user=user, note=note)
    _changed()
    index_on_commit("article", article.pk)  # in the site search once published, out of it otherwise
    return article


@transaction.atomic
def article_submit(*, article, user):
    """A contributor (or editor) hands a draft to the editors."""
    _transition_require(user, article, ArticleState.REVIEW)
    return _state_set(article, user, ArticleState.REVIEW, _("Submitted for review"))


def _notification_claim(article, now):
    """True once per article: the call that marks it notified (a conditional update, safe under races)."""
    claimed = Article.objects.filter(pk=article.pk, notified_at__isnull=True).update(notified_at=now)
    if claimed:
        article.notified_at = now
    return bool(claimed)


@transaction.atomic
def article_publish(*, article, user, publish_at=None):
    """Publish now, or at `publish_at` / the article's own publish_at when that lies ahead (scheduled)."""
    _transition_require(user, article, ArticleState.PUBLISHED)
    now = timezone.now()
    publish_at = publish_at or article.publish_at or now
    article.publish_at = publish_at
    _schedule_check(article)
    if not article.get_available_languages():
        raise ValidationError(_("Write the article in at least one language before publishing it."))
    note = _("Published") if publish_at <= now else _("Scheduled for publication")
    _state_set(article, user, ArticleState.PUBLISHED, note, publish_at=publish_at)
    if publish_at <= now and _notification_claim(article, now):
        # Once per article (notified_at); scheduled articles are announced by publish_due_notifications().
        article_published_record(article)
    return article


@transaction.atomic
def article_archive(*, article, user):
    _transition_require(user, article, ArticleState.ARCHIVED)
    return _state_set(article, user, ArticleState.ARCHIVED, _("Archived"))


@transaction.atomic
def article_return_to_draft(*, article, user):
    """Editors send any article back to draft; a contributor may withdraw their own article from review."""
    _transition_require(user, article, ArticleState.DRAFT)
    return _state_set(article, user, ArticleState.DRAFT, _("Returned to draft"))


@transaction.atomic
def article_revert(*, article, revision, user):
    """Restore the content of an earlier revision (a new revision records it); the state stays as it is."""
    _require(user, "news.change_article", article, rule="news.edit_article")
    if revision.article_id != article.pk:
        raise ValidationError(_("This revision belongs to another article."))
    revisions.snapshot_apply(article, revision.snapshot)
    article_revision_record(article=article, user=user,
                            note=_("Reverted to revision %(number)d") % {"number": revision.number})
    _changed()
    index_on_commit("article", article.pk)
    return article


def publish_due_notifications(*, now=None):
    """Announce the scheduled articles whose publish_at has passed and that were not announced yet.

    Run by Celery beat (news.tasks.publish_due_notifications). The article became public at its publish_at
    without this; this only records the notification, once per article. Returns the articles announced.
    """
    now = now or timezone.now()
    announced = []
    due = Article.objects.published(now).filter(notified_at__isnull=True).order_by("publish_at", "pk")
    for article in due:
        with transaction.atomic():
            if not _notification_claim(article, now):
                continue  # another run took it
            # The claim above (notified_at) makes it exactly once even when beat runs overlap.
            article_published_record(article)
            announced.append(article)
    return announced


def article_view_count_increment(*, article_id):
    """Count one reading of a public article (from the page's beacon); returns whether it was counted."""
    return bool(Article.objects.published().filter(pk=article_id).update(view_count=F("view_count") + 1))
