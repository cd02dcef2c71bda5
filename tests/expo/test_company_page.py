"""The company page: profile, contact, participations with booths, products, news, in both languages."""

import pytest

from apps.companies.regions import Region
from apps.expo.models import EditionStatus
from tests.factories import (
    ArticleFactory,
    BoothFactory,
    CompanyFactory,
    EditionFactory,
    HallFactory,
    ParticipationFactory,
    ProductCategoryFactory,
    ProductFactory,
)

pytestmark = pytest.mark.usefixtures("expo_page", "media_root")


@pytest.fixture
def longyuan(db):
    company = CompanyFactory(slug="longyuan", website="https://www.longyuan.example", email="sales@longyuan.example",
                             phone="+86 532 0000 0101", region=Region.SHANDONG, translations={
        "en": {"name": "Qingdao Longyuan Tire Co., Ltd.", "short_name": "Longyuan Tire", "address": "1 Tire Road",
               "summary": "Radial tires for trucks.",
               "profile": '<p>Makes <strong>tires</strong>.</p><script>alert("x")</script><img src=x onerror="bad()">'},
        "zh-hans": {"name": "青岛隆远轮胎有限公司", "summary": "生产载重子午线轮胎。"},
    })
    edition = EditionFactory(slug="rubber-expo-2026", name_en="Rubber Expo 2026", name_zh="2026橡胶博览会")
    hall = HallFactory(edition=edition, code="B", name_en="Hall B", name_zh="B馆")
    tires = ProductCategoryFactory(slug="truck-tires", en="Truck tires", zh="载重轮胎")
    ParticipationFactory(company=company, edition=edition, categories=[tires],
                         booths=[BoothFactory(hall=hall, code="B101")],
                         translations={"en": {"highlights": "New all-steel radial."},
                                       "zh-hans": {"highlights": "全钢子午线新品。"}})
    ProductFactory(company=company, en="All-steel radial truck tire", zh="全钢载重子午线轮胎",
                   description_en="Long haul.", categories=[tires], images=1)
    ProductFactory(company=company, en="Winter tire", zh=None)
    return company


def test_company_page_in_english(client, longyuan):
    response = client.get("/en/expo/companies/longyuan/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<h1 class="page-title">Qingdao Longyuan Tire Co., Ltd.</h1>' in html
    assert "<p>Makes <strong>tires</strong>.</p>" in html
    assert "<script>alert" not in html and "onerror" not in html  # sanitized with nh3
    for text in ("https://www.longyuan.example", "mailto:sales@longyuan.example", "+86 532 0000 0101",
                 "1 Tire Road", "Shandong", "Rubber Expo 2026", "Hall B · B101", "Truck tires", "New all-steel radial.",
                 "All-steel radial truck tire", "Long haul.", "Winter tire"):
        assert text in html, text
    assert html.count('<img src="/media/companies/products/') == 1


def test_company_page_in_chinese_falls_back_to_english_where_untranslated(client, longyuan):
    html = client.get("/zh-hans/expo/companies/longyuan/").content.decode()

    assert '<h1 class="page-title">青岛隆远轮胎有限公司</h1>' in html
    assert "生产载重子午线轮胎。" in html and "全钢子午线新品。" in html and "全钢载重子午线轮胎" in html
    assert '<p class="expo-muted" lang="en">Longyuan Tire</p>' in html  # short name only in English
    assert '<h3 lang="en">Winter tire</h3>' in html
    assert 'lang="en" aria-labelledby="profile-heading"' in html
    assert "B馆 · B101" in html and "载重轮胎" in html


def test_english_page_falls_back_to_chinese_name(client, db):
    CompanyFactory(slug="only-chinese", translations={"zh-hans": {"name": "只有中文名的公司"}})

    html = client.get("/en/expo/companies/only-chinese/").content.decode()

    assert '<h1 class="page-title" lang="zh-hans">只有中文名的公司</h1>' in html


def test_only_public_participations_are_listed(client, longyuan):
    draft = EditionFactory(slug="draft-2027", status=EditionStatus.DRAFT, name_en="Secret Expo")
    ParticipationFactory(company=longyuan, edition=draft)
    other = EditionFactory(slug="other-2026", name_en="Unconfirmed Expo")
    ParticipationFactory(company=longyuan, edition=other, is_confirmed=False)

    html = client.get("/en/expo/companies/longyuan/").content.decode()

    assert "Secret Expo" not in html and "Unconfirmed Expo" not in html and "Rubber Expo 2026" in html


def test_published_news_about_the_company_is_listed_and_links_back(client, longyuan, editor, apphooked):
    ArticleFactory(author=editor, number=71, companies=[longyuan])
    ArticleFactory(author=editor, number=72, companies=[longyuan], state="draft")
    apphooked("news")

    html = client.get("/en/expo/companies/longyuan/").content.decode()
    article = client.get("/en/news/rubber-article-71/").content.decode()

    assert "Rubber article 71" in html and "Rubber article 72" not in html
    assert '<a href="/en/expo/companies/longyuan/">Qingdao Longyuan Tire Co., Ltd.</a>' in article


def test_unknown_company_is_404(client, db):
    assert client.get("/en/expo/companies/nobody/").status_code == 404
    assert client.get("/zh-hans/expo/companies/nobody/").status_code == 404


def test_language_switcher_keeps_the_company(client, longyuan):
    html = client.get("/en/expo/companies/longyuan/").content.decode()

    assert 'href="/zh-hans/expo/companies/longyuan/"' in html


def test_forum_sessions_of_the_company_speakers_from_the_released_schedule(client, longyuan):
    from tests.factories import ForumFactory, SessionFactory, SpeakerFactory
    from tests.factories.forums import release

    forum = ForumFactory(title="Green Tire Forum", title_zh="绿色轮胎论坛")
    speaker = SpeakerFactory(company=longyuan, name="Wang Lei", name_zh="王磊")
    SessionFactory(forum=forum, speakers=[speaker], title="Low rolling resistance", title_zh="低滚阻轮胎")
    SessionFactory(forum=forum, speakers=[SpeakerFactory()], title="Someone else's talk")
    release()
    SessionFactory(forum=forum, speakers=[speaker], title="Not released yet")

    english = client.get("/en/expo/companies/longyuan/").content.decode()
    chinese = client.get("/zh-hans/expo/companies/longyuan/").content.decode()

    assert "<strong>Low rolling resistance</strong> · Green Tire Forum" in english and "Wang Lei" in english
    assert "Someone else" not in english and "Not released yet" not in english
    assert "<strong>低滚阻轮胎</strong> · 绿色轮胎论坛" in chinese and "王磊" in chinese


def test_cached_company_page_shows_an_article_published_after_it_was_stored(client, longyuan, editor, apphooked,
                                                                            django_capture_on_commit_callbacks):
    from apps.news.services import article_publish

    draft = ArticleFactory(author=editor, number=73, companies=[longyuan], state="draft")
    apphooked("news")

    assert client.get("/en/expo/companies/longyuan/").headers["X-Page-Cache"] == "miss"
    assert client.get("/en/expo/companies/longyuan/").headers["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=draft, user=editor)
    response = client.get("/en/expo/companies/longyuan/")

    assert response.headers["X-Page-Cache"] == "miss"
    assert "Rubber article 73" in response.content.decode()
