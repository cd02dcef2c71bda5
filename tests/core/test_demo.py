"""The demo data commands. This is the demo's own test: the only one that loads the demo fixtures."""

import io

import pytest
from cms.api import create_page
from cms.models import CMSPlugin, Page, PageContent, PageUrl, Placeholder
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.management import call_command
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from apps.accounts import roles
from apps.companies.demo import logo_png
from apps.companies.models import ChainSegment, Company, Membership
from tests.factories.cms_pages import urls_reload
from tests.factories.demo import demo_parts_only, demo_parts_unload

PAGES = [  # reverse id, path, English title, Chinese title, template
    ("home", "", "Home", "首页", "cms/home.html"),
    ("about", "about", "About", "关于我们", "cms/page.html"),
    ("expo", "expo", "Expo", "博览会", "cms/section.html"),
    ("forums", "forums", "Forums", "论坛", "cms/section.html"),
    ("news", "news", "News Center", "新闻中心", "cms/section.html"),
    ("trading", "trading", "Trading Center", "交易中心", "cms/section.html"),
    ("docking", "docking", "Supply & Demand", "供需对接", "cms/section.html"),
]
FRESH_COUNTS = {
    "pages": 7, "page_contents": 14, "page_urls": 14, "versions": 14, "placeholders": 48, "plugins": 58,
    "companies": 12, "company_translations": 24, "users": 2, "memberships": 1, "sites": 1,
}  # the core demo alone (pages, users, companies); users: the editor and the exhibitor
CORE_BUILDERS = ("accounts", "companies")


@pytest.fixture
def load_demo(db, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch):
    """Run a demo command as `manage.py` would, with its on-commit work (cache clearing, file removal) done.

    Only the core demo (site, pages, and the users and companies of the accounts and companies builders): each
    feature app tests its own demo, and test_every_extension_builds_once_and_serves_every_section runs them all."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_parts_only(monkeypatch, CORE_BUILDERS)

    def run(command="load_demo", *args):
        with django_capture_on_commit_callbacks(execute=True):
            call_command(command, *args, stdout=io.StringIO(), stderr=io.StringIO())
        urls_reload()  # a running server is started after the demo; this process's resolvers may be older

    yield run
    demo_parts_unload()  # the next test's resolvers know no apphook of this one


def counts():
    return {
        "pages": Page.objects.count(),
        "page_contents": PageContent.admin_manager.count(),
        "page_urls": PageUrl.objects.count(),
        "versions": Version.objects.count(),
        "placeholders": Placeholder.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "companies": Company.objects.count(),
        "company_translations": Company._parler_meta.root_model.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "sites": Site.objects.count(),
    }


def test_load_demo_builds_expected_records_on_empty_database(load_demo):
    load_demo()

    assert counts() == FRESH_COUNTS
    site = Site.objects.get()
    assert (site.pk, site.name, site.domain) == (1, "Rubber Valley Industry Portal", "127.0.0.1:8000")


def test_load_demo_publishes_pages_in_menu_order_in_both_languages(load_demo):
    load_demo()

    pages = list(Page.objects.order_by("path"))
    assert [page.reverse_id for page in pages] == [reverse_id for reverse_id, *_ in PAGES]
    assert [page.is_home for page in pages] == [True] + [False] * (len(PAGES) - 1)
    assert set(Version.objects.values_list("state", flat=True)) == {PUBLISHED}
    for page, (_reverse_id, path, title_en, title_zh, template) in zip(pages, PAGES):
        contents = {content.language: content for content in PageContent.objects.filter(page=page)}
        assert {language: content.title for language, content in contents.items()} == {
            "en": title_en, "zh-hans": title_zh}
        assert {content.template for content in contents.values()} == {template}
        assert all(content.in_navigation and content.meta_description for content in contents.values())
        assert dict(page.urls.values_list("language", "path")) == {"en": path, "zh-hans": path}
        assert set(page.urls.values_list("slug", flat=True)) == {"home" if page.is_home else path}


def test_load_demo_serves_each_page_at_its_path_in_both_languages(load_demo, client):
    load_demo()

    for _reverse_id, path, title_en, title_zh, _template in PAGES:
        url_path = f"{path}/" if path else ""
        english = client.get(f"/en/{url_path}")
        chinese = client.get(f"/zh-hans/{url_path}")
        assert (english.status_code, chinese.status_code) == (200, 200), path
        assert title_en in english.content.decode()
        assert title_zh in chinese.content.decode()


def test_load_demo_fills_placeholders_with_text_in_each_language(load_demo, client):
    load_demo()

    home_en = client.get("/en/").content.decode()
    home_zh = client.get("/zh-hans/").content.decode()
    about_zh = client.get("/zh-hans/about/").content.decode()
    assert "<h1>One platform for the whole rubber industry chain</h1>" in home_en
    assert "<h1>连接橡胶全产业链的服务平台</h1>" in home_zh
    assert home_zh.count('<div class="highlight">') == 5
    assert "“政产学研用”五位一体" in about_zh
    assert "中国橡胶工业协会" in about_zh
    live = ["LatestArticlesPlugin", "ExpoHomePlugin", "ForumsHomePlugin", "TradingHomePlugin", "DockingHomePlugin"]
    assert set(CMSPlugin.objects.values_list("plugin_type", flat=True)) == {"TextPlugin", *live}
    for plugin_type in live:  # the home page's live blocks, once in each language
        assert sorted(CMSPlugin.objects.filter(plugin_type=plugin_type).values_list("language", flat=True)) == [
            "en", "zh-hans"], plugin_type


def test_load_demo_creates_twelve_companies_with_both_translations(load_demo):
    load_demo()

    companies = list(Company.objects.all())
    assert len(companies) == 12
    assert {company.segment for company in companies} == set(ChainSegment.values)
    for company in companies:
        assert sorted(company.get_available_languages()) == ["en", "zh-hans"]
        names = {language: company.safe_translation_getter("name", language_code=language)
                 for language in ("en", "zh-hans")}
        assert names["en"].isascii() and not names["zh-hans"].isascii()
        for language in ("en", "zh-hans"):
            company.set_current_language(language)
            assert company.short_name and company.city and company.summary
            assert company.profile.startswith("<p>")
        assert company.logo.name == f"companies/logos/{company.slug}.png"
        assert company.logo.storage.exists(company.logo.name)


def test_load_demo_creates_editor_and_exhibitor_with_roles(load_demo):
    load_demo()

    User = get_user_model()
    editor = User.objects.get(username="editor")
    exhibitor = User.objects.get(username="exhibitor")
    assert editor.check_password("editor-demo-2026")
    assert exhibitor.check_password("exhibitor-demo-2026")
    assert (editor.preferred_language, exhibitor.preferred_language) == ("zh-hans", "en")
    assert list(editor.groups.values_list("name", flat=True)) == [roles.EDITORS]
    assert list(exhibitor.groups.values_list("name", flat=True)) == [roles.EXHIBITORS]
    assert (editor.is_staff, editor.is_superuser, exhibitor.is_staff) == (True, False, False)
    assert list(exhibitor.companies.values_list("slug", flat=True)) == ["longyuan-tire"]
    assert not User.objects.filter(is_superuser=True).exists()


def test_load_demo_twice_keeps_counts_unchanged(load_demo):
    load_demo()
    logos = sorted(Company.objects.values_list("logo", flat=True))

    load_demo()

    assert counts() == FRESH_COUNTS
    assert sorted(Company.objects.values_list("logo", flat=True)) == logos


def test_load_demo_keeps_editor_changes_when_run_again(load_demo):
    load_demo()
    company = Company.objects.get(slug="longyuan-tire")
    company.set_current_language("en")
    company.summary = "Changed by an editor."
    company.save()

    load_demo()

    company = Company.objects.language("en").get(slug="longyuan-tire")
    assert company.summary == "Changed by an editor."


def test_load_demo_takes_over_pages_already_at_demo_addresses(shell_pages, load_demo, client):
    load_demo()

    taken_over = sorted((shell_pages[reverse_id].pk, reverse_id) for reverse_id, *_ in PAGES
                        if reverse_id in shell_pages)
    assert sorted(Page.objects.filter(pk__in=[pk for pk, _id in taken_over]).values_list("pk", "reverse_id")) == \
        taken_over
    assert sorted(Page.objects.exclude(pk__in=[pk for pk, _id in taken_over]).values_list("reverse_id", flat=True)) \
        == sorted({reverse_id for reverse_id, *_ in PAGES} - set(shell_pages))  # made anew
    assert CMSPlugin.objects.count() == 0  # their content is kept as it was

    load_demo("reset_demo")

    assert counts() == {**FRESH_COUNTS, "users": 3}  # the author of the old pages stays
    assert "<h1>连接橡胶全产业链的服务平台</h1>" in client.get("/zh-hans/").content.decode()


def test_reset_demo_rebuilds_demo_and_keeps_other_records(load_demo, client):
    load_demo()
    company = Company.objects.get(slug="longyuan-tire")
    company.set_current_language("en")
    company.summary = "Changed by an editor."
    company.save()
    about = PageContent.admin_manager.get(page__reverse_id="about", language="en")
    Version.objects.get_for_content(about).copy(get_user_model().objects.get(username="editor"))  # a new draft
    other_author = get_user_model().objects.create_user("someone", "someone@valley.example", "pw-someone-2026")
    create_page("Other", "cms/page.html", "en", slug="other", created_by=other_author, reverse_id="other")
    old_page_ids = set(Page.objects.filter(reverse_id="expo").values_list("pk", flat=True))

    load_demo("reset_demo", "--noinput")

    assert Company.objects.language("en").get(slug="longyuan-tire").summary.startswith("Makes passenger-car")
    assert Page.objects.filter(reverse_id="other").exists()
    assert not Page.objects.filter(pk__in=old_page_ids).exists()
    expected = {**FRESH_COUNTS, "pages": 8, "page_contents": 15, "versions": 15, "placeholders": 49, "users": 3}
    assert counts() == expected
    assert client.get("/zh-hans/expo/").status_code == 200


def test_reset_demo_keeps_demo_user_who_authored_other_content(load_demo):
    load_demo()
    editor = get_user_model().objects.get(username="editor")
    create_page("Other", "cms/page.html", "en", slug="other", created_by=editor, reverse_id="other")

    load_demo("reset_demo")

    assert get_user_model().objects.filter(username="editor", pk=editor.pk).exists()
    assert Page.objects.filter(reverse_id="other").exists()
    assert Page.objects.filter(reverse_id="home", is_home=True).count() == 1


def test_logo_png_same_input_gives_same_bytes():
    first = logo_png(text="LY", color="#c62828")

    assert first == logo_png(text="LY", color="#c62828")
    assert first != logo_png(text="LY", color="#283593")
    assert first.startswith(b"\x89PNG")


SECTION_URLS = [
    "/{lang}/", "/{lang}/news/", "/{lang}/trading/", "/{lang}/expo/", "/{lang}/expo/rubber-expo-2026/exhibitors/",
    "/{lang}/expo/rubber-expo-2026/exhibitors/?q=%E8%BD%AE%E8%83%8E", "/{lang}/expo/companies/longyuan-tire/",
    "/{lang}/forums/", "/{lang}/forums/grid/", "/{lang}/forums/speakers/", "/{lang}/forums/schedule.json",
]


@pytest.fixture
def full_demo(db, settings, tmp_path, django_capture_on_commit_callbacks):
    """The whole demo (core and every feature app), with the apphooks of its pages in the URL resolvers."""
    from apps.core.demo import demo_load
    from tests.factories.cms_pages import urls_reload

    settings.MEDIA_ROOT = tmp_path / "media"
    with django_capture_on_commit_callbacks(execute=True):
        report = demo_load()
    urls_reload()
    yield report
    Page.objects.update(application_urls=None, application_namespace=None)
    urls_reload()


def test_every_extension_builds_once_and_serves_every_section(full_demo, client, django_capture_on_commit_callbacks):
    from apps.core.demo import demo_load

    known = ["accounts", "companies", "pages", "notifications", "expo", "forums", "news", "trading", "docking"]
    assert [label for label in full_demo.counts if label in known] == known  # in build order
    assert all(count > 0 for count in full_demo.counts.values()), full_demo.counts
    for language in ("en", "zh-hans"):
        for url in SECTION_URLS:
            assert client.get(url.format(lang=language)).status_code == 200, url.format(lang=language)
    assert "轮胎" in client.get("/zh-hans/expo/rubber-expo-2026/exhibitors/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        again = demo_load()

    assert set(again.counts.values()) == {0}, again.counts
