"""A whole small site for the Content-Security-Policy tests: the section pages with every app hooked in, and a
little content in each (an article, a trading notice, a forum programme over two rooms, an exhibitor)."""

import datetime

import pytest
from cms.api import add_plugin
from cms.models import Page, PageContent

from apps.forums.selectors import process_caches_clear
from apps.trading.models import NoticeKind
from tests.factories import (
    CompanyFactory, make_article, make_center, make_edition, make_forum, make_notice, make_participation, make_room,
    make_session,
)
from tests.factories.cms_pages import urls_reload
from tests.factories.forums import at, release

__all__ = ["portal_site", "public_paths"]

APPHOOKS = {"expo": ("ExpoApphook", "expo"), "forums": ("ForumsApphook", "forums"),
            "news": ("NewsApphook", "news"), "trading": ("TradingApphook", "trading")}


def _about_text(about):
    """A text plugin on the About page in each language: CMS text content as visitors see it."""
    for content in PageContent.admin_manager.filter(page=about):
        body = ("<h2>About us</h2>" if content.language == "en" else "<h2>关于我们</h2>") + \
            '<ul><li><a href="https://www.valley.example/">Valley</a></li></ul>'
        add_plugin(content.get_placeholders().get(slot="content"), "TextPlugin", content.language, body=body)


@pytest.fixture
def portal_site(shell_pages, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    for slug, (apphook, namespace) in APPHOOKS.items():
        Page.objects.filter(pk=shell_pages[slug].pk).update(application_urls=apphook, application_namespace=namespace)
    urls_reload()
    process_caches_clear()
    _about_text(shell_pages["about"])
    article = make_article(number=7)
    center = make_center(slug="nr-spot", name_en="Natural Rubber Spot Center", name_zh="天然橡胶现货中心")
    notice = make_notice(center=center, title_en="Trading hours", title_zh="交易时间")
    make_notice(center=center, kind=NoticeKind.RISK, title_en="Price swings", title_zh="价格波动")  # the banner
    forum = make_forum(slug="tyre-forum", title="Tyre Forum", title_zh="轮胎论坛")
    session = make_session(forum=forum, room=make_room(slug="hall-a", name="Hall A", name_zh="A厅", position=1),
                           starts_at=at(9), title="Opening", title_zh="开幕")
    make_session(forum=forum, room=make_room(slug="hall-b", name="Hall B", name_zh="B厅", position=2),
                 starts_at=at(10), title="Recycling panel", title_zh="再生圆桌")
    release()
    edition = make_edition(slug="rubber-expo", name_en="Rubber Expo", name_zh="橡胶博览会",
                           starts_on=datetime.date.today() + datetime.timedelta(days=30))
    company = CompanyFactory(slug="longyuan", translations={
        "en": {"name": "Longyuan Tyre", "profile": "<p>Makes <strong>tyres</strong>.</p>"},
        "zh-hans": {"name": "隆远轮胎", "profile": "<p>生产轮胎。</p>"}})
    make_participation(company=company, edition=edition, booths=["A101"])
    yield {"pages": shell_pages, "article": article, "center": center, "notice": notice, "forum": forum,
           "session": session, "edition": edition, "company": company}
    Page.objects.filter(pk__in=[shell_pages[slug].pk for slug in APPHOOKS]).update(
        application_urls=None, application_namespace=None)
    urls_reload()
    process_caches_clear()


def public_paths(site, language):
    """Public pages of every section in `language`."""
    article, notice = site["article"], site["notice"]
    edition, company = site["edition"], site["company"]
    return [
        f"/{language}/", f"/{language}/about/",
        f"/{language}/news/", article.get_absolute_url(language),
        f"/{language}/expo/", f"/{language}/expo/{edition.slug}/", f"/{language}/expo/{edition.slug}/exhibitors/",
        f"/{language}/expo/companies/{company.slug}/", f"/{language}/expo/{edition.slug}/halls/A/",
        f"/{language}/forums/", f"/{language}/forums/grid/?day=2026-09-18", f"/{language}/forums/tyre-forum/",
        f"/{language}/forums/sessions/{site['session'].pk}/", f"/{language}/forums/speakers/",
        f"/{language}/trading/", f"/{language}/trading/{site['center'].slug}/", notice.get_absolute_url(language),
    ]
