"""Translation status: a change of one language flags the object's other languages "needs update" (on the
dashboard and the edit page); editing a flagged language clears it without flagging the others."""

import pytest
from django.contrib.contenttypes.models import ContentType

from apps.editorial.models import TranslationStatus
from tests.editorial.conftest import bilingual_company
from tests.factories import ArticleFactory, NoticeFactory, SessionFactory

pytestmark = pytest.mark.django_db


def edit(obj, language, **values):
    obj = type(obj).objects.get(pk=obj.pk)
    obj.set_current_language(language)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def stale_languages(obj):
    return set(TranslationStatus.objects.filter(content_type=ContentType.objects.get_for_model(obj),
                                                object_id=obj.pk, stale_since__isnull=False)
               .values_list("language", flat=True))


def _article():
    return ArticleFactory(state="draft")


def _company():
    return bilingual_company("longyuan", "Longyuan Tyre", "隆远轮胎")


def _session():
    return SessionFactory()


def _notice():
    return NoticeFactory(publish=False, submit=False)


KINDS = [(_article, "title"), (_company, "name"), (_session, "title"), (_notice, "title")]


def test_a_new_object_in_both_languages_needs_nothing():
    for make, _field in KINDS:
        assert stale_languages(make()) == set()


@pytest.mark.parametrize(("make", "field"), KINDS)
def test_english_change_flags_chinese_and_chinese_edit_clears_it(make, field):
    obj = make()
    edit(obj, "en", **{field: "Changed in English"})
    assert stale_languages(obj) == {"zh-hans"}
    edit(obj, "zh-hans", **{field: "中文已更新"})
    assert stale_languages(obj) == set()  # caught up, and English is not flagged by the catch-up


def test_chinese_change_flags_english():
    article = edit(_article(), "zh-hans", title="新标题")
    assert stale_languages(article) == {"en"}


def test_an_unwatched_field_flags_nothing():
    article = edit(_article(), "en", seo_title="Only the SEO title")
    assert stale_languages(article) == set()


def test_a_second_english_change_keeps_the_first_date():
    article = edit(_article(), "en", title="One")
    first = TranslationStatus.objects.get(object_id=article.pk, language="zh-hans").stale_since
    edit(article, "en", title="Two")
    row = TranslationStatus.objects.get(object_id=article.pk, language="zh-hans")
    assert row.stale_since == first and row.label == "Two" and row.changed_language == "en"


def test_an_object_in_one_language_has_nothing_to_flag():
    article = ArticleFactory(state="draft", languages=("en",))
    edit(article, "en", title="Changed")
    assert stale_languages(article) == set()


def test_edit_page_and_dashboard_show_the_flag(client, editor):
    article = edit(_article(), "en", title="Rubber prices rise again")
    client.force_login(editor)
    page = client.get(f"/en/admin/news/article/{article.pk}/change/?language=zh-hans").content.decode()
    assert "Simplified Chinese needs an update: English changed after it." in page
    page = client.get(f"/zh-hans/admin/news/article/{article.pk}/change/").content.decode()
    assert 'class="editorial-stale"' in page
    index = client.get("/en/admin/").content.decode()
    assert "Translations to update" in index
    assert f"/en/admin/news/article/{article.pk}/change/?language=zh-hans" in index
    assert "Rubber prices rise again · Simplified Chinese" in index
    edit(article, "zh-hans", title="橡胶价格再涨")
    page = client.get(f"/en/admin/news/article/{article.pk}/change/?language=zh-hans").content.decode()
    assert "needs an update" not in page
    assert "Translations to update" not in client.get("/en/admin/").content.decode()


def test_flags_are_shown_only_to_who_may_fix_them(client, trading_staff):
    article = edit(_article(), "en", title="Rubber prices rise again")
    edit(_notice(), "en", title="Notice changed")
    client.force_login(trading_staff)
    index = client.get("/en/admin/").content.decode()
    assert "Notice changed · Simplified Chinese" in index
    assert "Rubber prices rise again" not in index
    assert article.pk


def test_deleting_a_translation_or_the_object_removes_its_statuses():
    article = edit(_article(), "en", title="Changed")
    assert stale_languages(article) == {"zh-hans"}
    article.delete_translation("zh-hans")
    assert stale_languages(article) == set()
    assert TranslationStatus.objects.filter(object_id=article.pk, language="en").exists()
    notice = edit(_notice(), "en", title="Changed")
    type(notice).objects.filter(pk=notice.pk).delete()
    assert not TranslationStatus.objects.filter(object_id=notice.pk,
                                                content_type=ContentType.objects.get_for_model(notice)).exists()


@pytest.mark.parametrize(("make", "field", "admin"), [(_company, "name", "companies/company"),
                                                     (_session, "title", "forums/session"),
                                                     (_notice, "title", "trading/notice")])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_watched_edit_page_shows_the_flag(client, editor, make, field, admin, language):
    obj = edit(make(), "zh-hans", **{field: "只改了中文"})
    client.force_login(editor)
    response = client.get(f"/{language}/admin/{admin}/{obj.pk}/change/?language=en")
    assert response.status_code == 200
    note = {"en": "English needs an update: Simplified Chinese changed after it.",
            "zh-hans": "英文版本需要更新：简体中文版本在它之后有修改。"}[language]
    assert note in response.content.decode()
