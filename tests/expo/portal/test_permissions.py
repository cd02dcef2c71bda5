"""A member of company A can neither read nor change anything of company B through the portal; anonymous
visitors are sent to the login page; only editors review changes."""

import pytest

from apps.accounts import roles
from apps.expo.models import Invitation, ProfileChange, ProfileChangeState
from apps.expo.portal import services
from apps.expo.portal.invitations import invitation_token
from tests.factories import InvitationFactory, UserFactory
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")


@pytest.fixture
def b_pending(company_b, member_b):
    """Company B has a pending change with a new product (key "n...") holding a pending image."""
    _change, key = services.product_submit(company=company_b, user=member_b, categories=[], translations={
        "en": {"name": "Secret compound", "description": "Unreleased"}, "zh-hans": {"name": "", "description": ""}})
    return ProfileChange.objects.get(company=company_b), key


def _b_urls(company_b, b_pending):
    product = company_b.products.get()
    image = product.images.get()
    _change, new_key = b_pending
    base = f"/en/portal/companies/{company_b.slug}"
    return [
        ("get", f"{base}/"), ("post", f"{base}/"), ("get", f"{base}/products/"), ("get", f"{base}/products/add/"),
        ("post", f"{base}/products/add/"), ("get", f"{base}/products/{product.pk}/"),
        ("post", f"{base}/products/{product.pk}/"), ("get", f"{base}/products/{new_key}/"),
        ("get", f"{base}/products/{product.pk}/delete/"), ("post", f"{base}/products/{product.pk}/delete/"),
        ("post", f"{base}/products/{new_key}/delete/"),
        ("post", f"{base}/products/{product.pk}/images/l{image.pk}/delete/"),
        ("get", f"{base}/change/"), ("post", f"{base}/change/withdraw/"),
    ]


def _post_data():
    return {"name_en": "Hijacked", "description_en": "x", "image": image_upload()}


def test_member_of_a_gets_404_on_every_page_and_action_of_b(client, company_a, member_a, company_b, b_pending):
    client.force_login(member_a)
    change, _key = b_pending
    payload = change.payload
    for method, url in _b_urls(company_b, b_pending):
        response = client.post(url, _post_data()) if method == "post" else client.get(url)
        assert response.status_code == 404, (method, url)
    change.refresh_from_db()
    assert (change.state, change.payload) == (ProfileChangeState.PENDING, payload)
    assert not ProfileChange.objects.filter(company=company_a).exists()
    assert company_b.products.get().images.count() == 1


def test_guessed_keys_of_b_under_a_own_company_give_404(client, company_a, member_a, company_b, b_pending):
    client.force_login(member_a)
    product_b = company_b.products.get()
    image_b = product_b.images.get()
    _change, new_key = b_pending
    product_a = company_a.products.get()
    base = f"/en/portal/companies/{company_a.slug}"
    for method, url in [
        ("get", f"{base}/products/{product_b.pk}/"), ("post", f"{base}/products/{product_b.pk}/"),
        ("get", f"{base}/products/{new_key}/"), ("post", f"{base}/products/{new_key}/"),
        ("post", f"{base}/products/{product_b.pk}/delete/"), ("post", f"{base}/products/{new_key}/delete/"),
        ("post", f"{base}/products/{product_a.pk}/images/l{image_b.pk}/delete/"),
        ("post", f"{base}/products/{product_b.pk}/images/l{image_b.pk}/delete/"),
        ("get", f"{base}/products/999999/"), ("post", f"{base}/change/withdraw/"),
        ("get", f"{base}/products/{'9' * 30}/"), ("post", f"{base}/products/{product_a.pk}/images/l{'9' * 30}/delete/"),
    ]:
        response = client.post(url, _post_data()) if method == "post" else client.get(url)
        assert response.status_code == 404, (method, url)
    assert not ProfileChange.objects.filter(company=company_a).exists()
    assert company_b.products.get().images.count() == 1


def test_the_dashboard_lists_only_the_members_companies(client, company_a, member_a, company_b):
    client.force_login(member_a)
    html = client.get("/en/portal/").content.decode()
    assert "Longyuan Tyre" in html and "Haiwan Chemical" not in html


def test_a_member_of_two_companies_manages_both(client, company_a, member_a, company_b):
    from apps.companies.services import company_member_add

    company_member_add(company=company_b, user=member_a)
    client.force_login(member_a)
    html = client.get("/en/portal/").content.decode()
    assert "Longyuan Tyre" in html and "Haiwan Chemical" in html
    assert client.get(f"/en/portal/companies/{company_b.slug}/").status_code == 200


def test_anonymous_visitors_are_sent_to_login(client, company_b, b_pending):
    urls = [("get", "/en/portal/"), *_b_urls(company_b, b_pending)]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/en/accounts/login/?next=/en/portal/"), url
    assert ProfileChange.objects.get().payload == b_pending[0].payload


def test_only_editors_use_the_review_views(client, company_b, b_pending, portal_editor):
    change, _key = b_pending
    trader = UserFactory(role=roles.TRADING_STAFF, username="trader-x")
    member = UserFactory(role=roles.EXHIBITORS, username="exhibitor-x")
    for user, expected in ((member, 302), (trader, 403)):
        client.force_login(user)
        assert client.get(f"/en/admin/expo/profilechange/{change.pk}/change/").status_code == expected
        assert client.post(f"/en/admin/expo/profilechange/{change.pk}/approve/").status_code == expected
        assert client.post(f"/en/admin/expo/profilechange/{change.pk}/reject/",
                           {"reason": "no"}).status_code == expected
    change.refresh_from_db()
    assert change.state == ProfileChangeState.PENDING
    client.force_login(portal_editor)
    assert client.get(f"/en/admin/expo/profilechange/{change.pk}/approve/").status_code == 405  # POST only
    assert client.get(f"/en/admin/expo/profilechange/{'9' * 30}/change/").status_code == 404
    assert client.post(f"/en/admin/expo/profilechange/{'9' * 30}/approve/").status_code == 404


def test_an_invitation_for_b_does_not_let_a_member_of_a_join(client, company_b, member_a):
    invitation = InvitationFactory(company=company_b, email="contact@haiwan.example")
    client.force_login(member_a)
    response = client.post(f"/en/portal/invitations/{invitation_token(invitation)}/")
    assert response.status_code == 200 and "You are logged in as" in response.content.decode()
    assert not company_b.memberships.filter(user=member_a).exists()
    assert Invitation.objects.get().accepted_at is None
