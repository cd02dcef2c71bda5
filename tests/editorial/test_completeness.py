"""The bilingual completeness report: per content type, what lacks Chinese or English (or leaves its title
empty in one), linked to the page where it is filled in; paginated, a fixed number of queries."""

import pytest
from cms.api import create_page

from apps.accounts import roles
from tests.editorial.conftest import bilingual_company
from tests.factories import ArticleFactory, NoticeFactory, ProductFactory, SessionFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/{language}/admin/editorial/languageeditor/completeness/"


def report(client, user, language="en", **params):
    client.force_login(user)
    return client.get(URL.format(language=language), params)


def test_articles_lacking_a_language_link_to_its_tab(client, editor):
    english_only = ArticleFactory(state="draft", languages=("en",), number=7)
    ArticleFactory(state="draft", number=8)  # complete: not listed
    response = report(client, editor)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rubber article 7" in html and "Rubber article 8" not in html
    assert f'href="/en/admin/news/article/{english_only.pk}/change/?language=zh-hans"' in html
    assert "1 incomplete" in html


def test_every_content_type_has_a_tab(client, editor):
    html = report(client, editor).content.decode()
    for label in ("Articles", "Company profiles", "Products", "Forum sessions", "Speakers", "Trading notices",
                  "Requirements", "Pages (titles)"):
        assert f">{label}</a>" in html


@pytest.mark.parametrize(("kind", "make", "shown", "url"), [
    ("companies", lambda: bilingual_company("longyuan", "Longyuan Tyre", "隆远轮胎"), "Longyuan Tyre",
     "/en/admin/companies/company/{pk}/change/?language=en"),  # no summary in either language
    ("products", lambda: ProductFactory(en="Radial tyre", zh=""), "Radial tyre",
     "/en/admin/companies/product/{pk}/change/?language=zh-hans"),
    ("sessions", lambda: SessionFactory(title="Opening", title_zh=""), "Opening",
     "/en/admin/forums/session/{pk}/change/?language=zh-hans"),
    ("notices", lambda: NoticeFactory(publish=False, submit=False, title_en="Fees", title_zh=None,
                                                 prevailing_language="en"), "Fees",
     "/en/admin/trading/notice/{pk}/change/?language=zh-hans"),
])
def test_other_content_types(client, editor, kind, make, shown, url):
    obj = make()
    html = report(client, editor, type=kind).content.decode()
    assert shown in html
    assert url.format(pk=obj.pk) in html


def test_cms_pages_without_a_chinese_title(client, editor):
    create_page("Only in English", "cms/page.html", "en", created_by=editor)
    html = report(client, editor, type="pages").content.decode()
    assert "Only in English" in html
    assert 'href="/en/admin/cms/pagecontent/?language=zh-hans"' in html


def test_chinese_report(client, editor):
    ArticleFactory(state="draft", languages=("zh-hans",), number=9)
    html = report(client, editor, "zh-hans").content.decode()
    assert "橡胶新闻9" in html and 'lang="en">English</a>' in html
    assert "双语完整性" in html


def test_paginated(client, editor):
    for n in range(27):
        ArticleFactory(state="draft", languages=("en",), number=200 + n)
    first = report(client, editor).content.decode()
    second = report(client, editor, page=2).content.decode()
    assert "27 incomplete" in first and "Page 1 of 2" in first
    assert first.count("?language=zh-hans") == 25 and second.count("?language=zh-hans") == 2
    assert "Rubber article 226" in first and "Rubber article 200" in second  # newest first


@pytest.mark.parametrize("count", [1, 3])
def test_query_count(client, django_assert_num_queries, count):
    editor = UserFactory(role=roles.EDITORS, username="report-editor")
    for n in range(count):
        ArticleFactory(state="draft", languages=("en",), number=300 + n)
    client.force_login(editor)
    client.get(URL.format(language="en"))
    with django_assert_num_queries(7):  # user, permissions (2), count, rows, inbox badge, CMS user settings
        response = client.get(URL.format(language="en"))
    assert response.status_code == 200
    assert response.content.decode().count("Rubber article 30") == count


def test_bad_input(client, editor):
    assert report(client, editor, type="nonsense").status_code == 404
    assert report(client, editor, page="x").status_code == 200  # the first page
    nobody = UserFactory(username="plain-staff", is_staff=True)
    assert report(client, nobody).status_code == 403
