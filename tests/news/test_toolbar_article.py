"""The News Center toolbar finds the article a page shows from the URL (no attribute set on the request), and
django CMS's own toolbar offers no frontend-editing buttons for an article (it has no placeholders)."""

import pytest
from django.contrib.contenttypes.models import ContentType

from apps.news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("news_pages")


def _object_endpoints(html):
    """Links to django CMS's frontend-editing endpoints for articles (/admin/cms/placeholder/object/<ct>/...)."""
    content_type = ContentType.objects.get_for_model(Article)
    return f"/admin/cms/placeholder/object/{content_type.pk}/" in html


def test_article_page_offers_edit_this_article_and_no_cms_object_buttons(client, editor):
    article = ArticleFactory(author=editor)
    client.force_login(editor)

    response = client.get(article.get_absolute_url("en"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"/en/admin/news/article/{article.pk}/change/" in html
    assert f"/en/news/preview/{article.pk}/" in html  # "Preview this article"
    assert not _object_endpoints(html)


def test_preview_page_offers_edit_of_the_previewed_draft(client, editor):
    draft = ArticleFactory(author=editor, state="draft")
    client.force_login(editor)

    response = client.get(f"/en/news/preview/{draft.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Edit this article" in html
    assert f"/en/admin/news/article/{draft.pk}/change/" in html
    assert not _object_endpoints(html)


def test_list_page_offers_no_edit_this_article(client, editor):
    ArticleFactory(author=editor)
    client.force_login(editor)

    response = client.get("/en/news/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Add article" in html
    assert "Edit this article" not in html

