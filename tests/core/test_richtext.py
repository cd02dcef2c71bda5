"""One rich-text allow-list (apps.core.richtext) for every place that saves rich text: the news and trading admin
and services, the companies admin, the exhibitor portal, and django CMS text plugins (through djangocms-text)."""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from cms.utils.urlutils import admin_reverse
from djangocms_versioning.models import Version

from apps.accounts import roles
from apps.core.richtext import richtext_clean
from apps.expo.models import ProfileChange
from apps.news.models import Article
from apps.trading import services as trading_services
from apps.trading.models import Notice, NoticeKind, TradingCenter
from tests.factories import TradingCenterFactory, UserFactory

# Everything that carries CSS, runs code or reaches another host, around markup that must stay.
DIRTY = (
    '<p style="color:red" onclick="steal()" class="x">Hello <strong>world</strong></p>'
    '<p><a href="javascript:alert(1)">bad</a> <a href="data:text/html,hi">data</a> '
    '<a href="https://ok.example/" target="_blank" onmouseover="x()">ok</a> <a href="mailto:a@b.example">mail</a> '
    '<a href="/en/news/">internal</a> <a href="http://plain.example/">plain</a></p>'
    '<ul><li>one</li></ul><ol><li>two</li></ol><h2>Heading</h2>'
    '<table><tbody><tr><td style="width:10px" background="/x.png">cell</td></tr></tbody></table>'
    '<img src="/media/a.png" alt="same" srcset="https://evil.example/a.png 2x">'
    '<img src="http://127.0.0.1:8000/media/b.png" alt="site">'
    '<img src="https://evil.example/b.png" alt="ext"><img src="data:image/png;base64,iVBOR" alt="data">'
    '<img src="//evil.example/c.png" alt="proto"><img src="/\\evil.example/d.png" alt="slash">'
    '<style>p{color:red}</style><link rel="stylesheet" href="https://evil.example/x.css">'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<iframe src="https://evil.example/"></iframe><object data="https://evil.example/x.swf"></object>'
    '<embed src="https://evil.example/e">'
    '<form action="https://evil.example/"><button formaction="https://evil.example/">go</button><input name="q"></form>'
    '<script>alert(1)</script><div data-x="1" aria-label="l" class="highlight risk-banner">end</div>'
)
REL = 'rel="noopener nofollow"'
CLEAN = (
    '<p>Hello <strong>world</strong></p>'
    f'<p><a {REL}>bad</a> <a {REL}>data</a> <a href="https://ok.example/" {REL}>ok</a> '
    f'<a href="mailto:a@b.example" {REL}>mail</a> <a href="/en/news/" {REL}>internal</a> '
    f'<a href="http://plain.example/" {REL}>plain</a></p>'
    '<ul><li>one</li></ul><ol><li>two</li></ol><h2>Heading</h2>'
    '<table><tbody><tr><td>cell</td></tr></tbody></table>'
    '<img src="/media/a.png" alt="same"><img src="http://127.0.0.1:8000/media/b.png" alt="site">'
    '<img alt="ext"><img alt="data"><img alt="proto"><img alt="slash">'
    'go<div aria-label="l" class="highlight">end</div>'
)


def assert_clean(html):
    assert html == CLEAN
    for banned in ("style", "onclick", "onmouseover", "javascript:", "data:", "srcset", "formaction", "background",
                   "evil.example", "<link", "<meta", "<iframe", "<object", "<embed", "<form", "<input", "risk-banner",
                   "target=", "data-x"):
        assert banned not in html, banned


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"


def test_richtext_clean_keeps_the_allowed_markup_only():
    assert_clean(richtext_clean(DIRTY))
    assert richtext_clean('<p class="highlight">x</p>') == "<p>x</p>"  # a class only where the site styles it
    assert richtext_clean('<a data-cms-href="cms.page:1" href="/en/">x</a>') == \
        f'<a data-cms-href="cms.page:1" href="/en/" {REL}>x</a>'  # djangocms-text's link to a page
    assert richtext_clean(CLEAN) == CLEAN  # cleaning again changes nothing
    assert richtext_clean(None) == ""


def test_news_admin_saves_a_clean_body(client, editor):
    client.force_login(editor)
    response = client.post("/en/admin/news/article/add/?language=en", {
        "title": "Tire plant opens", "slug": "tire-plant-opens", "lead": "A new plant.", "body": DIRTY,
        "source_name": "Valley Daily", "source_url": "", "seo_title": "", "seo_description": "", "category": "",
        "publish_at_0": "", "publish_at_1": "", "unpublish_at_0": "", "unpublish_at_1": ""})

    assert response.status_code == 302, response.content.decode()[:2000]
    assert_clean(Article.objects.language("en").get().body)


def test_news_service_saves_a_clean_body(editor):
    from apps.news import services

    article = services.article_create(author=editor, translations={
        "en": {"title": "Plant", "slug": "plant", "body": DIRTY},
        "zh-hans": {"title": "工厂", "slug": "gongchang", "body": DIRTY}})

    for language in ("en", "zh-hans"):  # read as pages read it: through django-parler's cache
        assert_clean(Article.objects.language(language).get(pk=article.pk).body)


def test_trading_admin_saves_a_clean_notice_body(client, trading_staff):
    center = TradingCenterFactory(slug="nr-spot")
    client.force_login(trading_staff)
    response = client.post("/en/admin/trading/notice/add/?language=en", {
        "center": center.pk, "kind": "fees", "title": "Storage fees", "body": DIRTY, "issue_date": "",
        "effective_from_0": "2026-12-01", "effective_from_1": "09:00:00", "effective_until_0": "",
        "effective_until_1": "", "supersedes": "", "prevailing_language": "zh-hans",
        "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0", "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000"})

    assert response.status_code == 302, response.content.decode()[:2000]
    assert_clean(Notice.objects.language("en").get().body)


def test_trading_services_save_clean_notice_bodies_and_center_introductions(trading_staff):
    center = trading_services.center_create(slug="nr-spot", translations={
        "en": {"name": "Spot Center", "introduction": DIRTY},
        "zh-hans": {"name": "现货中心", "introduction": DIRTY}})
    notice = trading_services.notice_create(center=center, kind=NoticeKind.TRADING, author=trading_staff,
                                            translations={"en": {"title": "Hours", "body": "<p>Old</p>"}})
    trading_services.notice_update(notice=notice, user=trading_staff,
                                   translations={"en": {"title": "Hours", "body": DIRTY}})

    for language in ("en", "zh-hans"):
        assert_clean(TradingCenter.objects.language(language).get(pk=center.pk).introduction)
    assert_clean(Notice.objects.language("en").get(pk=notice.pk).body)


def test_companies_admin_saves_a_clean_profile(client, editor):
    client.force_login(editor)
    response = client.post("/en/admin/companies/company/add/?language=en", {
        "name": "Example Tire", "short_name": "", "slug": "example-tire", "segment": "downstream", "country": "CN",
        "summary": "", "profile": DIRTY, "city": "", "address": "", "website": "", "email": "", "phone": "",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"})

    assert response.status_code == 302, response.content.decode()[:2000]
    from apps.companies.models import Company

    assert_clean(Company.objects.language("en").get(slug="example-tire").profile)


def test_exhibitor_portal_saves_a_clean_profile(client, company_a, member_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    participation = company_a.participations.get().pk
    client.force_login(member_a)

    response = client.post(f"/en/portal/companies/{company_a.slug}/", {
        "name_en": "Longyuan Tyre", "name_zh_hans": "隆远轮胎", "profile_en": DIRTY, "profile_zh_hans": DIRTY,
        "website": "", "region": "shandong", f"p{participation}_highlights_en": ""})

    assert response.status_code == 302, response.content.decode()[:2000]
    translations = ProfileChange.objects.get().payload["translations"]
    assert_clean(translations["en"]["profile"])
    assert_clean(translations["zh-hans"]["profile"])


def test_cms_text_plugin_saves_clean_content(shell_pages):
    editor = UserFactory(role=roles.EDITORS, username="cms-text-editor")
    published = PageContent.admin_manager.get(page=shell_pages["about"], language="en")
    draft = Version.objects.get_for_content(published).copy(editor).content
    placeholder = draft.get_placeholders().get(slot="content")

    plugin = add_plugin(placeholder, "TextPlugin", "en", body=DIRTY)

    plugin.refresh_from_db()
    assert_clean(plugin.body)


def test_cms_plugin_dialog_saves_clean_content(client, shell_pages):
    editor = UserFactory(role=roles.EDITORS, username="cms-dialog-editor")
    published = PageContent.admin_manager.get(page=shell_pages["about"], language="en")
    draft = Version.objects.get_for_content(published).copy(editor).content
    plugin = add_plugin(draft.get_placeholders().get(slot="content"), "TextPlugin", "en", body="<p>Old</p>")
    client.force_login(editor)

    url = admin_reverse("cms_placeholder_edit_plugin", args=[plugin.pk])
    response = client.post(f"{url}?cms_path=/en/about/", {"body": DIRTY})

    assert response.status_code == 200, response.content.decode()[:2000]
    plugin.refresh_from_db()
    assert_clean(plugin.body)
