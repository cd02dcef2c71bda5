"""The queue on the admin index: one row per item waiting for the signed-in editor, from every source they may act
on, with what, which company, since when and the link to where it is decided; nothing of a source they may not."""

import re

import pytest
from django.urls import reverse

from apps.accounts import roles
from apps.editorial import selectors
from apps.editorial.registry import queue_slice
from apps.news import desk as news_desk
from apps.news.models import Article
from tests.factories import ArticleFactory, NoticeFactory, UserFactory

pytestmark = pytest.mark.django_db


def queue_html(client, user, language="en"):
    client.force_login(user)
    response = client.get(f"/{language}/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="module editorial-queue"')
    return html[start:html.index("</section>", start)]


def test_editor_sees_every_source_with_company_time_and_link(client, editor, waiting):
    html = queue_html(client, editor)
    for label in ("Articles in review", "Exhibitor profile changes to review", "Notices awaiting the second approval",
                  "Requirements awaiting moderation", "Companies waiting for verification",
                  "Requests to join a company"):
        assert label in html
    assert "Tyre prices rise" in html
    assert reverse("admin:news_article_change", args=[waiting["article"].pk]) in html
    assert reverse("admin:expo_profilechange_change", args=[waiting["change"].pk]) in html
    assert reverse("admin:trading_notice_change", args=[waiting["notice"].pk]) in html
    assert "Margin change" in html
    assert reverse("admin:docking_requirement_change", args=[waiting["requirement"].pk]) in html
    assert "Need carbon black" in html
    assert reverse("admin:onboarding_companyapplication_changelist") + "?state__exact=pending" in html
    assert "Haiwan Chemical" in html and "Wang Fang" in html
    assert html.count("Longyuan Tyre") == 3  # the profile change, the requirement and the join request
    assert len(re.findall(r'<time datetime="\d{4}-\d\d-\d\dT', html)) == 6


def test_chinese_admin_shows_the_queue_in_chinese(client, editor, waiting):
    html = queue_html(client, editor, "zh-hans")
    assert "轮胎价格上涨" in html and "隆远轮胎" in html and "求购炭黑" in html
    assert "/zh-hans/admin/news/article/" in html
    assert "Tyre prices rise" not in html


def test_contributor_sees_no_source(client, contributor, waiting):
    html = queue_html(client, contributor)
    assert "Nothing waits for you." in html
    assert "Tyre prices rise" not in html and "Margin change" not in html


def test_trading_staff_see_notices_of_others_only(client, trading_staff, waiting):
    html = queue_html(client, trading_staff)
    assert "Margin change" in html
    for hidden in ("Tyre prices rise", "Need carbon black", "Haiwan Chemical", "Wang Fang", "Profile change"):
        assert hidden not in html
    own = NoticeFactory(publish=False, author=trading_staff, title_en="My own notice", title_zh="我的公告")
    html = queue_html(client, trading_staff)
    assert "Margin change" in html and "My own notice" not in html  # the second approval is someone else's
    assert own.pk


@pytest.mark.parametrize(("permission", "source"), [
    ("news.publish_article", "news-review"), ("expo.review_profilechange", "expo-profile-changes"),
    ("trading.publish_notice", "trading-approval"), ("docking.review_requirement", "docking-review"),
    ("companies.change_company", "onboarding-verify"), ("companies.add_membership", "onboarding-join"),
])
def test_each_source_needs_its_permission(waiting, permission, source):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="staff-one", is_staff=True)
    assert source not in {s.key for s, _part in selectors.queue(user)}
    app_label, codename = permission.split(".")
    user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = type(user).objects.get(pk=user.pk)  # permissions are cached per user object
    assert source in {s.key for s, _part in selectors.queue(user)}


def _reviews(count):
    for n in range(count):
        ArticleFactory(state="review", number=100 + n)


@pytest.mark.parametrize("count", [1, 3])
def test_a_source_costs_one_query_while_few_wait(editor, django_assert_num_queries, count):
    _reviews(count)
    with django_assert_num_queries(1):
        part = news_desk.review_slice(user=editor, limit=10)
    assert part.count == count and not part.capped
    assert [item.what for item in part.items] == [f"Rubber article {100 + n}" for n in range(count)]


def test_more_than_the_limit_costs_a_second_bounded_count(editor, django_assert_num_queries):
    _reviews(4)
    with django_assert_num_queries(2):
        part = news_desk.review_slice(user=editor, limit=2)
    assert (len(part.items), part.count, part.capped) == (2, 4, False)
    with django_assert_num_queries(2) as captured:
        part = queue_slice(Article.objects.filter(state="review").order_by("pk"), item=lambda a: a.pk, limit=2,
                           cap=3)
    assert (len(part.items), part.count, part.capped) == (2, 3, True)
    assert "LIMIT 4" in captured.captured_queries[-1]["sql"]  # counted no further than cap + 1 rows


@pytest.mark.parametrize("count", [1, 3])
def test_admin_index_query_count_does_not_grow_with_the_queue(client, django_assert_num_queries, count):
    editor = UserFactory(role=roles.EDITORS, username="desk-editor")
    _reviews(count)
    client.force_login(editor)
    client.get("/en/admin/")  # the session and content types are warm from here on
    with django_assert_num_queries(13):  # 8 sources × 1 query, the session, user, permissions and recent actions
        response = client.get("/en/admin/")
    assert response.status_code == 200
    assert response.content.decode().count("Rubber article 10") == count


def test_capped_count_shows_a_plus(editor):
    from django.template.loader import render_to_string

    from apps.editorial.registry import QueueItem, QueueSlice, queue_sources

    _reviews(3)
    part = queue_slice(Article.objects.filter(state="review").order_by("pk"), item=lambda a: QueueItem(
        what=f"#{a.pk}", company="", since=a.updated_at, url=""), limit=1, cap=2)
    assert (len(part.items), part.count, part.capped) == (1, 2, True)
    html = render_to_string("admin/editorial/queue.html", {"parts": [(queue_sources["news-review"], part)]})
    assert '<span class="editorial-count">2+</span>' in html
    shown = QueueSlice(items=part.items, count=2)
    html = render_to_string("admin/editorial/queue.html", {"parts": [(queue_sources["news-review"], shown)]})
    assert '<span class="editorial-count">2</span>' in html
