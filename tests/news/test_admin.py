"""News admin: who may open it, the workflow buttons, covers, and revisions with compare and revert."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.news.models import Article, ArticleState
from tests.factories import ArticleFactory, UserFactory
from tests.support.files import image_bytes

ADD = "/en/admin/news/article/add/?language=en"


def form_data(**values):
    data = {"title": "Tire plant opens", "slug": "tire-plant-opens", "lead": "A new plant.",
            "body": "<p>Text<script>alert(1)</script></p>", "source_name": "Valley Daily", "source_url": "",
            "seo_title": "", "seo_description": "", "category": "", "publish_at_0": "", "publish_at_1": "",
            "unpublish_at_0": "", "unpublish_at_1": ""}
    data.update(values)
    return data


def change_url(article, language="en"):
    return f"/{language}/admin/news/article/{article.pk}/change/?language={language}"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_editor_opens_article_admin_in_both_languages(client, editor, language):
    article = ArticleFactory(author=editor)
    client.force_login(editor)

    assert client.get(f"/{language}/admin/news/article/").status_code == 200
    assert client.get(f"/{language}/admin/news/article/add/").status_code == 200
    response = client.get(change_url(article, language))
    assert response.status_code == 200
    assert 'name="_workflow" value="archive"' in response.content.decode()


def test_exhibitor_and_anonymous_are_sent_to_login_and_trading_staff_refused(client, exhibitor, trading_staff):
    assert "/admin/login/" in client.get("/en/admin/news/article/")["Location"]
    client.force_login(exhibitor)
    assert "/admin/login/" in client.get("/en/admin/news/article/")["Location"]
    assert client.post(ADD, form_data()).status_code == 302
    client.force_login(trading_staff)
    assert client.get("/en/admin/news/article/").status_code == 403
    assert client.post(ADD, form_data()).status_code == 403
    assert Article.objects.count() == 0


def test_contributor_writes_draft_sanitized_and_submits_it(client, contributor):
    client.force_login(contributor)

    response = client.post(ADD, form_data(_continue="1"))

    assert response.status_code == 302
    article = Article.objects.language("en").get()
    assert (article.author, article.state, article.title) == (contributor, ArticleState.DRAFT, "Tire plant opens")
    assert "<script>" not in article.body
    page = client.get(change_url(article)).content.decode()
    assert 'value="submit"' in page and 'value="publish"' not in page

    client.post(change_url(article), form_data(_workflow="submit"))

    assert Article.objects.get(pk=article.pk).state == ArticleState.REVIEW


def test_contributor_cannot_publish_through_admin(client, contributor):
    client.force_login(contributor)
    client.post(ADD, form_data())
    article = Article.objects.get()

    response = client.post(change_url(article), form_data(_workflow="publish", title="Changed"))

    assert response.status_code == 403
    article = Article.objects.language("en").get()
    assert (article.state, article.title) == (ArticleState.DRAFT, "Tire plant opens")  # nothing was saved


def test_contributor_sees_only_own_articles(client, contributor, editor):
    ArticleFactory(author=editor, number=1, state="draft")
    client.force_login(contributor)
    client.post(ADD, form_data())
    own = Article.objects.get(author=contributor)
    others = Article.objects.exclude(author=contributor).get()

    listing = client.get("/en/admin/news/article/").content.decode()

    assert "Tire plant opens" in listing and "Rubber article 1" not in listing
    assert client.get(change_url(others)).status_code == 302  # the admin's "does not exist" redirect
    assert client.get(change_url(own)).status_code == 200


def test_editor_publishes_in_admin_and_second_language_is_added(client, editor):
    client.force_login(editor)
    client.post(ADD, form_data())
    article = Article.objects.get()
    client.post(change_url(article, "en").replace("language=en", "language=zh-hans"),
                form_data(title="轮胎工厂投产", slug="luntai-gongchang-touchan", lead="新工厂。",
                          source_name="谷日报", _workflow="publish"))

    article = Article.objects.get()
    assert article.state == ArticleState.PUBLISHED and article.is_public()
    assert sorted(article.get_available_languages()) == ["en", "zh-hans"]
    assert [r.note for r in article.revisions.order_by("number")] == ["Article created", "Article changed", "Published"]


def test_cover_upload_is_reencoded_into_renditions(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("cover.png", image_bytes((1000, 800)), content_type="image/png")

    response = client.post(ADD, form_data(cover_upload=upload))

    assert response.status_code == 302
    article = Article.objects.get()
    sizes = {name: Image.open(getattr(article, name).open("rb")).size
             for name in ("cover_list", "cover_detail", "cover_social")}
    assert sizes == {"cover_list": (480, 270), "cover_detail": (1200, 675), "cover_social": (1200, 630)}
    assert Image.open(article.cover.open("rb")).format == "JPEG"


@pytest.mark.parametrize("content, message", [
    (b"GIF89a not really an image", "Upload a valid image."),
    (image_bytes((120, 120)), "The image is too small (at least 200 pixels on each side)."),
])
def test_bad_cover_upload_is_refused_with_clear_error(client, editor, content, message):
    client.force_login(editor)

    response = client.post(ADD, form_data(cover_upload=SimpleUploadedFile("c.png", content)))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_revisions_compare_and_revert_in_admin(client, editor):
    client.force_login(editor)
    client.post(ADD, form_data())
    article = Article.objects.get()
    client.post(change_url(article), form_data(title="Tire plant opens in Qingdao"))

    listing = client.get(f"/en/admin/news/article/{article.pk}/revisions/")
    compare = client.get(f"/en/admin/news/article/{article.pk}/revisions/compare/?a=1&b=2")
    html = compare.content.decode()

    assert listing.status_code == 200 and "Revert to this revision" in listing.content.decode()
    assert compare.status_code == 200
    assert "Tire plant opens<ins> in Qingdao</ins>" in html
    assert client.get(f"/en/admin/news/article/{article.pk}/revisions/compare/?a=1&b=9").status_code == 404
    assert client.get(f"/en/admin/news/article/{article.pk}/revisions/1/revert/").status_code == 405

    response = client.post(f"/en/admin/news/article/{article.pk}/revisions/1/revert/")

    assert response.status_code == 302
    assert Article.objects.language("en").get().title == "Tire plant opens"
    assert article.revisions.count() == 3


def test_contributor_cannot_see_revisions_of_others(client, contributor, editor):
    article = ArticleFactory(author=editor)
    client.force_login(contributor)

    assert client.get(f"/en/admin/news/article/{article.pk}/revisions/").status_code == 403
    assert client.post(f"/en/admin/news/article/{article.pk}/revisions/1/revert/").status_code == 403


def test_admin_changelist_query_count_does_not_grow(client, editor, django_assert_num_queries):
    client.force_login(editor)
    client.get("/en/admin/news/article/")  # warm up session and permission caches
    for count in (1, 3):
        Article.objects.all().delete()
        for number in range(count):
            ArticleFactory(author=editor, number=number + 1)
        with django_assert_num_queries(10):
            response = client.get("/en/admin/news/article/")
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count('class="action-select"') == count
        assert all(f"Rubber article {number + 1}" in html for number in range(count))


def test_superuser_sees_workflow_buttons_for_published_article(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    article = ArticleFactory(author=admin)
    client.force_login(admin)

    page = client.get(change_url(article)).content.decode()

    assert 'value="archive"' in page and 'value="draft"' in page and 'value="submit"' not in page
