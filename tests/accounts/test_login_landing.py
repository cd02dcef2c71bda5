"""After logging in a company's member lands in the exhibitor portal (unless ?next= says otherwise), others on the
home page; the header links the portal once signed in (never on the anonymous, shared-cached pages); the login
page names the site in the page's language."""

import pytest

from tests.factories import PASSWORD, MembershipFactory, UserFactory


def post_login(client, username, language="en", next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    return client.post(f"/{language}/accounts/login/", data)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_member_lands_in_the_portal_in_the_language_of_the_login(client, db, language):
    MembershipFactory(user__username="wang")
    response = post_login(client, "wang", language)
    assert response.status_code == 302 and response["Location"] == f"/{language}/portal/"


def test_next_wins_over_the_portal(client, db):
    MembershipFactory(user__username="wang")
    response = post_login(client, "wang", next_url="/en/forums/")
    assert response["Location"] == "/en/forums/"


def test_user_without_a_company_lands_on_the_home_page(client, db):
    UserFactory(username="zhao")
    response = post_login(client, "zhao")
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.parametrize("language, label", [("en", "Exhibitor portal"), ("zh-hans", "展商服务平台")])
def test_header_links_the_portal_once_signed_in(client, db, language, label):
    link = f'<a href="/{language}/portal/">{label}</a>'
    assert link not in client.get(f"/{language}/accounts/login/").content.decode()
    client.force_login(UserFactory(username="li"))
    assert link in client.get(f"/{language}/accounts/login/").content.decode()


@pytest.mark.parametrize("language, name, other", [("en", "Rubber Valley Industry Portal", "橡胶谷产业门户"),
                                                   ("zh-hans", "橡胶谷产业门户", "Rubber Valley Industry Portal")])
def test_login_page_names_the_site_in_its_language(client, db, settings, language, name, other):
    from django.contrib.sites.models import Site

    Site.objects.filter(pk=settings.SITE_ID).update(name="Rubber Valley Industry Portal")  # as the demo names it
    Site.objects.clear_cache()
    html = client.get(f"/{language}/accounts/login/").content.decode()
    assert f"<title>{'Log in' if language == 'en' else '登录'} · {name}</title>" in html
    assert f'<span class="brand-name">{name}</span>' in html and other not in html
