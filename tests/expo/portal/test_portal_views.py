"""The portal pages in both languages: dashboard, bilingual profile form, products, pending change."""

import re

import pytest

from apps.expo.models import ProfileChange, ProfileChangeState
from apps.expo.portal import services
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")


def _form_data(company, **overrides):
    participation = company.participations.get().pk
    data = {"name_en": "Longyuan Tyre", "name_zh_hans": "隆远轮胎", "summary_en": "Radial tyres",
            "summary_zh_hans": "子午线轮胎", "website": "https://longyuan.example", "region": "shandong",
            f"p{participation}_highlights_en": "Smart tyres", f"p{participation}_highlights_zh_hans": "智能轮胎"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("language, title, heading", [("en", "Exhibitor portal", "English"),
                                                      ("zh-hans", "展商服务平台", "中文")])
def test_dashboard_lists_the_members_companies_with_completeness(client, company_a, member_a, language, title,
                                                                 heading):
    client.force_login(member_a)
    html = client.get(f"/{language}/portal/").content.decode()
    assert f"<h1 class=\"page-title\">{title}</h1>" in html
    assert "隆远轮胎" in html or "Longyuan Tyre" in html
    assert re.search(rf"{heading}: <span class=\"percent\">21%</span>", html)
    assert 'data-item="logo"' in html


def test_edit_page_shows_both_languages_side_by_side(client, company_a, member_a):
    client.force_login(member_a)
    html = client.get(f"/en/portal/companies/{company_a.slug}/").content.decode()
    assert 'name="name_en"' in html and 'name="name_zh_hans"' in html
    assert 'value="隆远轮胎"' in html and 'value="Longyuan Tyre"' in html
    assert "China Rubber Expo" in html  # the participation's section


def test_submitting_the_chinese_summary_creates_a_pending_change_shown_on_return(client, company_a, member_a):
    client.force_login(member_a)
    url = f"/zh-hans/portal/companies/{company_a.slug}/"
    response = client.post(url, _form_data(company_a, summary_zh_hans="青岛全钢子午线轮胎"))
    assert response.status_code == 302 and response["Location"] == url
    change = ProfileChange.objects.get(company=company_a, state=ProfileChangeState.PENDING)
    assert change.payload["translations"]["zh-hans"]["summary"] == "青岛全钢子午线轮胎"
    html = client.get(url).content.decode()
    assert "青岛全钢子午线轮胎" in html  # the pending value, not the live one
    assert "您的修改正在等待编辑审核" in html


def test_refused_logo_keeps_everything_typed_and_explains_in_chinese(client, company_a, member_a):
    client.force_login(member_a)
    svg = image_upload("logo.png")
    svg.file = __import__("io").BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    svg.size = 42
    response = client.post(f"/zh-hans/portal/companies/{company_a.slug}/",
                           {**_form_data(company_a, summary_zh_hans="我刚写的简介"), "logo": svg})
    assert response.status_code == 400
    html = response.content.decode()
    assert "不接受 SVG 图片" in html and "我刚写的简介" in html
    assert not ProfileChange.objects.exists()


def test_a_name_is_required_where_other_texts_are_given(client, company_a, member_a):
    client.force_login(member_a)
    response = client.post(f"/en/portal/companies/{company_a.slug}/", _form_data(company_a, name_zh_hans=""))
    assert response.status_code == 400
    assert "Give the name in this language too." in response.content.decode()


def test_profile_html_is_sanitized(client, company_a, member_a):
    client.force_login(member_a)
    client.post(f"/en/portal/companies/{company_a.slug}/",
                _form_data(company_a, profile_en='<p onclick="x()">Hi<script>alert(1)</script></p>'))
    assert ProfileChange.objects.get().payload["translations"]["en"]["profile"] == "<p>Hi</p>"


def test_product_add_with_image_then_the_list_shows_it_as_new(client, company_a, member_a):
    client.force_login(member_a)
    response = client.post(f"/en/portal/companies/{company_a.slug}/products/add/", {
        "name_en": "Mining tyre", "description_en": "For open-pit mines", "name_zh_hans": "矿山轮胎",
        "image": image_upload("tyre.jpg", fmt="JPEG")})
    assert response.status_code == 302
    html = client.get(f"/en/portal/companies/{company_a.slug}/products/").content.decode()
    assert "Mining tyre" in html and "new, waiting for review" in html
    assert f"/en/portal/companies/{company_a.slug}/pending/" in html and "/media/pending/" not in html


def test_product_edit_keeps_typed_text_when_the_image_is_refused(client, company_a, member_a):
    client.force_login(member_a)
    product = company_a.products.get()
    response = client.post(f"/en/portal/companies/{company_a.slug}/products/{product.pk}/", {
        "name_en": "Renamed tyre", "image": image_upload("a.gif", fmt="GIF")})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This image format (GIF) is not accepted. Accepted formats: JPEG, PNG, WebP." in html
    assert 'value="Renamed tyre"' in html


def test_product_delete_and_image_delete_are_proposed_not_done(client, company_a, member_a):
    client.force_login(member_a)
    product = company_a.products.get()
    image = product.images.get()
    url = f"/en/portal/companies/{company_a.slug}/products/{product.pk}/"
    assert client.post(f"{url}images/l{image.pk}/delete/").status_code == 302
    assert client.post(f"{url}delete/").status_code == 302
    change = ProfileChange.objects.get()
    assert change.payload["products"][str(product.pk)] == {"op": "delete"}
    assert product.images.count() == 1 and company_a.products.count() == 1
    assert client.get(url).status_code == 404  # a product to be deleted is not edited


def test_pending_change_page_and_withdraw(client, company_a, member_a):
    client.force_login(member_a)
    services.profile_change_submit(company=company_a, user=member_a, profile={
        "shared": {"website": "", "email": "", "phone": "", "region": ""},
        "translations": {"en": {"name": "Longyuan Tyre Group"}, "zh-hans": {"name": "隆远轮胎"}},
        "participations": {}})
    html = client.get(f"/en/portal/companies/{company_a.slug}/change/").content.decode()
    assert re.search(r'<tr class="changed" data-field="name"><th scope="row">Name</th><td>Longyuan Tyre</td>'
                     r'<td>Longyuan Tyre Group</td>', html)
    response = client.post(f"/en/portal/companies/{company_a.slug}/change/withdraw/")
    assert response.status_code == 302
    assert ProfileChange.objects.get().state == ProfileChangeState.WITHDRAWN


def test_rejection_reason_is_shown_on_the_dashboard(client, company_a, member_a, portal_editor):
    change = services.profile_change_submit(company=company_a, user=member_a, profile={
        "shared": {}, "translations": {"en": {"name": "X"}, "zh-hans": {"name": "X"}}, "participations": {}})
    services.profile_change_reject(change=change, editor=portal_editor, reason="Name does not match the licence.")
    client.force_login(member_a)
    html = client.get("/zh-hans/portal/").content.decode()
    assert "您上次的修改未通过" in html and "Name does not match the licence." in html
