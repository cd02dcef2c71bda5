"""The daily summary: one email per language editor listing what needs updating in their languages, in their
language, through the notifications outbox; nothing when nothing waits; never twice the same day."""

import datetime

import pytest
from django.core import mail

from apps.accounts import roles
from apps.editorial import tasks
from apps.editorial.models import LanguageEditor
from apps.notifications.models import Message
from tests.editorial.test_translation_status import _article, _notice, edit
from tests.factories import UserFactory
from tests.support import deliver_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def chinese_editor(db):
    user = UserFactory(role=roles.EDITORS, username="zh-editor", preferred_language="zh-hans")
    LanguageEditor.objects.create(user=user, language="zh-hans")
    return user


@pytest.fixture
def english_editor(db):
    user = UserFactory(role=roles.EDITORS, username="en-editor", preferred_language="en")
    LanguageEditor.objects.create(user=user, language="en")
    return user


def test_one_email_per_editor_listing_the_items(chinese_editor, english_editor):
    first = edit(_article(), "en", title="Tyre exports grow")
    second = edit(_notice(), "en", title="Margin notice changed")
    chinese = edit(_article(), "zh-hans", title="天然橡胶价格")
    assert tasks.translation_summaries.apply().get() == 2
    deliver_all()
    to_chinese = [m for m in mail.outbox if m.to == ["zh-editor@example.com"]]
    to_english = [m for m in mail.outbox if m.to == ["en-editor@example.com"]]
    assert len(to_chinese) == 1 and len(to_english) == 1
    body = to_chinese[0].body
    assert to_chinese[0].subject == "2 项翻译需要更新"
    assert "Tyre exports grow" in body and "Margin notice changed" in body and "天然橡胶价格" not in body
    assert f"/zh-hans/admin/news/article/{first.pk}/change/?language=zh-hans" in body
    assert f"/zh-hans/admin/trading/notice/{second.pk}/change/?language=zh-hans" in body
    assert "文章" in body  # the type, in the editor's language
    english = to_english[0]
    assert english.subject == "1 translation to update"
    assert "天然橡胶价格" in english.body and f"/en/admin/news/article/{chinese.pk}/change/?language=en" in english.body
    html = english.alternatives[0][0]
    assert 'href="http://' in html and "天然橡胶价格</a>" in html


def test_nothing_waiting_sends_nothing(chinese_editor):
    _article()
    assert tasks.translation_summaries.apply().get() == 0
    assert not Message.objects.filter(event__kind="editorial.translation_summary").exists()


def test_running_twice_a_day_sends_once_then_again_the_next_day(chinese_editor):
    edit(_article(), "en", title="Tyre exports grow")
    assert tasks.translation_summaries.apply().get() == 1
    assert tasks.translation_summaries.apply().get() == 0  # beat ran it twice: nothing new
    assert Message.objects.filter(event__kind="editorial.translation_summary", channel="email").count() == 1
    from apps.editorial import services

    assert services.translation_summaries_send(today=datetime.date.today() + datetime.timedelta(days=1)) == 1


def test_editor_of_a_language_without_permission_gets_nothing(chinese_editor):
    trader = UserFactory(role=roles.TRADING_STAFF, username="trader-zh", preferred_language="zh-hans")
    LanguageEditor.objects.create(user=trader, language="zh-hans")
    edit(_article(), "en", title="Tyre exports grow")
    assert tasks.translation_summaries.apply().get() == 1  # the article is the editors' to fix, not the trader's
    deliver_all()
    assert [m.to for m in mail.outbox] == [["zh-editor@example.com"]]


def test_the_beat_schedule_runs_the_task_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["editorial-translation-summaries"]
    assert entry["task"] == "editorial.translation_summaries"
    assert entry["schedule"].hour == {8}
