"""Editorial workflow: who may write, submit, publish, archive and revert; a revision for every save."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from apps.news import services
from apps.news.models import Article, ArticleState
from tests.factories import ArticleFactory
from tests.factories.news import article_translations


def test_contributor_creates_draft_and_submits_it_for_review(contributor):
    article = services.article_create(author=contributor, translations=article_translations(9001))

    services.article_submit(article=article, user=contributor)

    article.refresh_from_db()
    assert article.state == ArticleState.REVIEW
    assert [r.note for r in article.revisions.order_by("number")] == ["Article created", "Submitted for review"]


def test_contributor_cannot_publish_even_own_article(contributor):
    article = services.article_create(author=contributor, translations=article_translations(9001))

    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, user=contributor)

    article.refresh_from_db()
    assert (article.state, article.publish_at) == (ArticleState.DRAFT, None)


def test_contributor_cannot_change_article_of_someone_else_or_published_own(contributor, editor):
    other = ArticleFactory(author=editor, state="draft")
    own = services.article_create(author=contributor, translations=article_translations(9002))
    services.article_publish(article=own, user=editor)

    assert contributor.has_perm("news.change_article")  # the role's model permission
    assert not contributor.has_perm("news.edit_article", other)
    assert not contributor.has_perm("news.edit_article", own)
    with pytest.raises(PermissionDenied):
        services.article_save(article=own, user=contributor)


def test_editor_publishes_article_submitted_by_contributor(contributor, editor):
    article = services.article_create(author=contributor, translations=article_translations(9001))
    services.article_submit(article=article, user=contributor)

    services.article_publish(article=article, user=editor)

    article.refresh_from_db()
    assert article.state == ArticleState.PUBLISHED
    assert article.is_public()
    assert article.notified_at is not None


def test_exhibitor_cannot_create_or_touch_news(exhibitor, editor):
    article = ArticleFactory(author=editor, state="review")

    with pytest.raises(PermissionDenied):
        services.article_create(author=exhibitor, translations=article_translations(9001))
    for service in (services.article_submit, services.article_publish, services.article_archive,
                    services.article_return_to_draft, services.article_save):
        with pytest.raises(PermissionDenied):
            service(article=article, user=exhibitor)
    assert not exhibitor.has_perm("news.add_article")
    assert Article.objects.get(pk=article.pk).state == ArticleState.REVIEW


def test_trading_staff_cannot_publish(trading_staff, editor):
    article = ArticleFactory(author=editor, state="draft")

    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, user=trading_staff)


def test_editor_archives_and_returns_article_to_draft(editor):
    article = ArticleFactory(author=editor)

    services.article_archive(article=article, user=editor)
    assert article.state == ArticleState.ARCHIVED and not article.is_public()
    services.article_return_to_draft(article=article, user=editor)

    assert Article.objects.get(pk=article.pk).state == ArticleState.DRAFT


def test_contributor_withdraws_own_article_from_review_but_cannot_archive(contributor, editor):
    article = services.article_create(author=contributor, translations=article_translations(9001))
    services.article_submit(article=article, user=contributor)

    services.article_return_to_draft(article=article, user=contributor)
    assert article.state == ArticleState.DRAFT
    services.article_publish(article=article, user=editor)
    with pytest.raises(PermissionDenied):
        services.article_archive(article=article, user=contributor)


def test_invalid_transition_is_refused_with_clear_message(editor):
    article = ArticleFactory(author=editor, state="draft")

    with pytest.raises(ValidationError) as error:
        services.article_archive(article=article, user=editor)

    assert error.value.messages == ["An article that is draft cannot become archived."]


def test_unpublish_before_publish_is_refused(editor):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.article_create(author=editor, translations=article_translations(9001), publish_at=now,
                                unpublish_at=now - datetime.timedelta(hours=1))
    assert error.value.message_dict == {"unpublish_at": ["The end of publication must come after its start."]}


def test_revert_restores_both_translations_and_relations(editor):
    from tests.factories import NewsCategoryFactory, TagFactory

    first_category = NewsCategoryFactory(slug="a", en="A", zh="甲")
    tag = TagFactory(slug="t", en="T", zh="标")
    article = ArticleFactory(author=editor, state="draft", category=first_category, tags=[tag])
    original = article.revisions.get(number=1)
    article.set_current_language("en")
    article.title = "Changed title"
    article.set_current_language("zh-hans")
    article.title = "改过的标题"
    article.category = NewsCategoryFactory(slug="b", en="B", zh="乙")
    services.article_save(article=article, user=editor)
    article.tags.clear()
    services.article_revision_record(article=article, user=editor, note="Article changed")

    services.article_revert(article=article, revision=original, user=editor)

    article = Article.objects.get(pk=article.pk)
    assert article.safe_translation_getter("title", language_code="en") == original.snapshot["translations"]["en"]["title"]
    assert article.safe_translation_getter("title", language_code="zh-hans").startswith("橡胶新闻")
    assert article.category == first_category
    assert list(article.tags.all()) == [tag]
    assert article.state == ArticleState.DRAFT
    assert [r.note for r in article.revisions.order_by("number")] == ["Article created", "Article changed", "Reverted to revision 1"]


def test_revert_refuses_revision_of_another_article(editor):
    first, second = ArticleFactory(author=editor), ArticleFactory(author=editor)

    with pytest.raises(ValidationError):
        services.article_revert(article=first, revision=second.revisions.first(), user=editor)
