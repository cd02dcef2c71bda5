"""The account's starred exhibitors (bookmarks.js's sync endpoint): signed-in visitors only, each list theirs
alone, bad input answered 400 in the visitor's language, CSRF required."""

import json

import pytest
from django.test import Client

from apps.expo.bookmarks.selectors import MAX_STARS
from apps.expo.models import StarredExhibitor
from tests.factories import CompanyFactory, UserFactory

SYNC = "/{language}/bookmarks/sync/"


def sync(client, companies=None, *, language="en", body=None):
    url = SYNC.format(language=language)
    if companies is None and body is None:
        return client.get(url)
    return client.post(url, body if body is not None else json.dumps({"companies": companies}),
                       content_type="application/json")


def stars(user):
    return list(StarredExhibitor.objects.filter(user=user).order_by("created_at", "pk")
                .values_list("company_id", flat=True))


@pytest.fixture
def three(db):
    return [CompanyFactory(slug=f"starred-{n}") for n in range(3)]


@pytest.mark.parametrize("language, message", [("en", "Sign in to keep your starred exhibitors on your account."),
                                               ("zh-hans", "登录后即可把收藏的展商保存在您的账户中。")])
def test_anonymous_visitors_keep_their_stars_in_the_browser_only(client, three, language, message):
    for response in (sync(client, language=language), sync(client, [three[0].pk], language=language)):
        assert response.status_code == 403
        assert response.json() == {"error": message}
    assert not StarredExhibitor.objects.exists()


def test_a_post_replaces_the_accounts_stars_in_order(client, three):
    user = UserFactory()
    client.force_login(user)
    a, b, c = three
    assert sync(client, [b.pk, a.pk, b.pk]).json() == {"companies": [b.pk, a.pk]}
    response = sync(client, [a.pk, c.pk])
    assert response.json() == {"companies": [a.pk, c.pk]}
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert sync(client).json() == {"companies": [a.pk, c.pk]}
    assert sync(client, []).json() == {"companies": []}
    assert stars(user) == []


def test_unknown_companies_are_dropped(client, three):
    client.force_login(UserFactory())
    assert sync(client, [three[0].pk, 987654, str(three[1].pk)]).json() == {"companies": [three[0].pk, three[1].pk]}


def test_a_visitors_stars_are_theirs_only(client, three):
    anna, ben = UserFactory(username="anna"), UserFactory(username="ben")
    client.force_login(anna)
    sync(client, [three[0].pk, three[1].pk])

    other = Client()
    other.force_login(ben)
    assert sync(other).json() == {"companies": []}  # Ben sees none of Anna's
    assert sync(other, [three[1].pk, three[2].pk]).json() == {"companies": [three[1].pk, three[2].pk]}
    assert sync(other, [], body=json.dumps({"companies": [three[2].pk], "user": anna.pk})).status_code == 200

    assert stars(anna) == [three[0].pk, three[1].pk]  # untouched by Ben's posts, whatever they carry
    assert stars(ben) == [three[2].pk]


@pytest.mark.parametrize("body, message", [
    ("{not json", "请求无效。"),
    ("[1, 2]", "请求无效。"),
    (json.dumps({"companies": "1,2"}), "请发送展商列表。"),
    (json.dumps({"companies": {"a": 1}}), "请发送展商列表。"),
    (json.dumps({"companies": ["one"]}), "这个展商列表无效。"),
    (json.dumps({"companies": [-3]}), "这个展商列表无效。"),
    (json.dumps({"companies": [True]}), "这个展商列表无效。"),
    (json.dumps({"companies": [1.5]}), "这个展商列表无效。"),
    (json.dumps({"companies": [2**70]}), "这个展商列表无效。"),
    (json.dumps({"companies": list(range(1, MAX_STARS + 2))}), f"最多可收藏 {MAX_STARS} 家展商。"),
])
def test_bad_input_is_a_400_in_the_visitors_language(client, three, body, message):
    user = UserFactory()
    client.force_login(user)
    sync(client, [three[0].pk])
    response = sync(client, language="zh-hans", body=body)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert stars(user) == [three[0].pk]


def test_a_post_needs_the_csrf_token(three):
    client = Client(enforce_csrf_checks=True)
    user = UserFactory()
    client.force_login(user)
    response = sync(client, [three[0].pk])
    assert response.status_code == 403
    assert stars(user) == []
    token = client.get("/en/accounts/login/").cookies.get("csrftoken") or client.cookies.get("csrftoken")
    assert token is not None
    response = client.post(SYNC.format(language="en"), json.dumps({"companies": [three[0].pk]}),
                           content_type="application/json", HTTP_X_CSRFTOKEN=token.value)
    assert response.status_code == 200
    assert stars(user) == [three[0].pk]


def test_other_methods_are_refused(client, three):
    client.force_login(UserFactory())
    assert client.put(SYNC.format(language="en")).status_code == 405
