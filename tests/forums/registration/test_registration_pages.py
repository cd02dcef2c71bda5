"""Registration pages: the form (both languages, errors, who may register where), the registrant's page reached by
its secret link, the attendee CSV for organisers, and query counts."""

import pytest
from django.core.cache import cache

from apps.forums.models import Registration, RegistrationState
from apps.forums.registration import services
from tests.factories import CompanyFactory, ForumFactory, MembershipFactory, UserFactory
from tests.factories.forums import SHANGHAI, release

REGISTER = "/{lang}/forums/{slug}/register/"


@pytest.fixture
def forum(forums_page):
    made = ForumFactory(slug="smart-factory", title="Smart Manufacturing Forum", title_zh="智能制造论坛",
                        venue="Room 203", venue_zh="203会议室", requires_registration=True, capacity=2)
    release()
    return made


def sign_up(forum, n, **kw):
    return services.registration_create(forum=forum, name=f"Person {n}", email=f"person{n}@example.com",
                                        language="en", **kw)


def post(client, forum, lang="en", **data):
    values = {"name": "Wang Fang", "email": "wang.fang@example.com", "organisation": "Haiyue Machinery", **data}
    return client.post(REGISTER.format(lang=lang, slug=forum.slug), values)


@pytest.mark.parametrize("lang, title, places", [("en", "Register for Smart Manufacturing Forum", "2 places left."),
                                                 ("zh-hans", "报名参加智能制造论坛", "剩余 2 个名额。")])
def test_form_in_both_languages(client, forum, lang, title, places):
    response = client.get(REGISTER.format(lang=lang, slug=forum.slug))
    html = response.content.decode()
    assert response.status_code == 200
    assert title in html and places in html
    assert 'name="email"' in html


def test_full_forum_offers_the_waiting_list(client, forum):
    sign_up(forum, 1), sign_up(forum, 2)
    html = client.get(REGISTER.format(lang="en", slug=forum.slug)).content.decode()
    assert "All places are taken." in html and "Join the waiting list" in html


def test_sign_up_in_chinese_registers_in_chinese_and_says_to_check_the_email(client, forum):
    response = post(client, forum, lang="zh-hans")
    registration = Registration.objects.get()
    assert (registration.name, registration.email, registration.language, registration.state, registration.user) == (
        "Wang Fang", "wang.fang@example.com", "zh-hans", RegistrationState.CONFIRMED, None)
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/forums/smart-factory/register/sent/"
    page = client.get(response["Location"]).content.decode()
    assert "请查收邮件" in page and "智能制造论坛" in page
    assert registration.token not in page  # the manage link goes by email only
    manage = client.get(f"/zh-hans/forums/registration/{registration.token}/").content.decode()
    assert "已确认" in manage and "智能制造论坛" in manage


def test_sent_page_in_english_and_404_for_an_unknown_forum(client, forum):
    response = client.get("/en/forums/smart-factory/register/sent/")
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert client.get("/en/forums/nothing-here/register/sent/").status_code == 404
    assert client.post("/en/forums/smart-factory/register/sent/").status_code == 405


def test_form_errors_are_in_chinese_on_the_chinese_page(client, forum):
    response = post(client, forum, lang="zh-hans", name="", email="not-an-address")
    html = response.content.decode()
    assert response.status_code == 400
    assert "这个字段是必填项。" in html
    assert "请输入有效的邮箱地址。" in html
    assert not Registration.objects.exists()


def test_logged_in_visitor_is_prefilled_and_linked(client, forum):
    user = UserFactory(username="li", first_name="Lei", last_name="Li", email="li.lei@example.com")
    company = CompanyFactory(slug="haiyue")
    MembershipFactory(company=company, user=user)
    client.force_login(user)
    html = client.get(REGISTER.format(lang="en", slug=forum.slug)).content.decode()
    assert 'value="Lei Li"' in html and 'value="li.lei@example.com"' in html
    assert f'value="{company}"' in html
    post(client, forum, email="li.lei@example.com")
    assert Registration.objects.get().user == user


@pytest.mark.parametrize("kind", ["no-registration", "unreleased", "unknown"])
def test_register_page_is_404_unless_the_released_forum_requires_registration(client, forums_page, kind):
    open_forum = ForumFactory(slug="open-forum", requires_registration=False)
    release()
    ForumFactory(slug="later-forum", requires_registration=True)  # in the draft, not released yet
    slug = {"no-registration": open_forum.slug, "unreleased": "later-forum", "unknown": "nothing-here"}[kind]
    assert client.get(REGISTER.format(lang="en", slug=slug)).status_code == 404
    assert client.post(REGISTER.format(lang="en", slug=slug), {"name": "A", "email": "a@example.com"}).status_code \
        == 404
    assert not Registration.objects.exists()


def test_manage_page_cancels_and_moves_the_waiting_list_up(client, forum):
    first, _second, waiting = sign_up(forum, 1), sign_up(forum, 2), sign_up(forum, 3)
    url = f"/en/forums/registration/{waiting.token}/"
    assert "number 1 on the waiting list" in client.get(url).content.decode()

    response = client.post(f"/en/forums/registration/{first.token}/")

    assert response["Location"] == f"/en/forums/registration/{first.token}/?cancelled=1"
    page = client.get(response["Location"]).content.decode()
    assert "Your registration is cancelled." in page and "Register again" in page
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.CONFIRMED
    assert "Cancel my registration" in client.get(url).content.decode()


def test_manage_page_in_chinese_and_private(client, forum):
    registration = sign_up(forum, 1)
    response = client.get(f"/zh-hans/forums/registration/{registration.token}/")
    assert "我的报名" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize("tamper", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: t[:-1],
                                    lambda t: t + "x", lambda t: "x"])
def test_tampered_manage_link_is_404(client, forum, tamper):
    registration = sign_up(forum, 1)
    url = f"/en/forums/registration/{tamper(registration.token)}/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED


# --- Attendee CSV -----------------------------------------------------------------------------------------------

CSV = "/{lang}/forums/smart-factory/attendees.csv"


def test_attendee_csv_for_editors(client, forum, editor):
    sign_up(forum, 1, organisation="=HYPERLINK(\"http://evil.example\")")
    services.registration_create(forum=forum, name="王芳", email="wang@example.com", language="zh-hans",
                                 organisation="青岛海岳橡胶机械")
    sign_up(forum, 3)
    cancelled = sign_up(forum, 4)
    services.registration_cancel(registration=cancelled)
    client.force_login(editor)

    response = client.get(CSV.format(lang="en"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="attendees-smart-factory.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = response.content.decode("utf-8-sig").splitlines()
    registered = [r.created_at for r in Registration.objects.order_by("pk")]
    stamp = [moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") for moment in registered]
    assert lines == [
        "State,Full name,Email,Organisation,Language,Registered",
        f"Confirmed,Person 1,person1@example.com,\"'=HYPERLINK(\"\"http://evil.example\"\")\",en,{stamp[0]}",
        f"Confirmed,王芳,wang@example.com,青岛海岳橡胶机械,zh-hans,{stamp[1]}",
        f"On the waiting list,Person 3,person3@example.com,,en,{stamp[2]}",
        f"Cancelled,Person 4,person4@example.com,,en,{stamp[3]}",
    ]


def test_attendee_csv_headings_in_chinese(client, forum, editor):
    sign_up(forum, 1)
    client.force_login(editor)
    lines = client.get(CSV.format(lang="zh-hans")).content.decode("utf-8-sig").splitlines()
    assert lines[0] == "状态,姓名,邮箱,单位,语言,报名时间"
    assert lines[1].startswith("已确认,Person 1,")


def test_attendee_csv_is_refused_to_anonymous_and_exhibitors(client, forum, exhibitor):
    sign_up(forum, 1)
    anonymous = client.get(CSV.format(lang="en"))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    client.force_login(exhibitor)
    assert client.get(CSV.format(lang="en")).status_code == 403
    staff = UserFactory(username="staff-only", is_staff=True)
    client.force_login(staff)
    assert client.get(CSV.format(lang="en")).status_code == 403


def test_attendee_csv_of_an_unknown_forum_is_404(client, forum, editor):
    client.force_login(editor)
    assert client.get("/en/forums/nothing-here/attendees.csv").status_code == 404


# --- Query counts -----------------------------------------------------------------------------------------------

REGISTER_PAGE_QUERIES = 10  # release, forum with its count of places, its translations; the rest: CMS page, menu


@pytest.mark.parametrize("count", [1, 3])
def test_register_page_query_count_does_not_grow(client, forum, django_assert_num_queries, count):
    for n in range(count):
        sign_up(forum, n)
    client.get(REGISTER.format(lang="en", slug=forum.slug))  # the snapshot is now read in this process
    cache.clear()
    with django_assert_num_queries(REGISTER_PAGE_QUERIES):
        response = client.get(REGISTER.format(lang="zh-hans", slug=forum.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "报名参加智能制造论坛" in html and 'name="email"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_manage_page_query_count_does_not_grow(client, forum, django_assert_num_queries, count):
    made = [sign_up(forum, n) for n in range(count + 2)]  # the last ones wait
    client.get(f"/en/forums/registration/{made[-1].token}/")
    cache.clear()
    with django_assert_num_queries(8):
        response = client.get(f"/en/forums/registration/{made[-1].token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Smart Manufacturing Forum" in html and f"number {count} on the waiting list" in html
