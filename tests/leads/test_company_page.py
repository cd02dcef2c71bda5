"""The company page links to the contact form: "Contact this exhibitor" and, per product, "Ask about this product"
with the product chosen; only for companies exhibiting publicly. The page stays the same for every visitor."""

import pytest

from tests.ratelimit_support import main_text


@pytest.mark.parametrize(("language", "contact", "ask"), [("en", "Contact this exhibitor", "Ask about this product"),
                                                          ("zh-hans", "联系该展商", "咨询此产品")])
def test_the_company_page_links_to_the_form(client, expo_page, company_a, language, contact, ask):
    product = company_a.products.get()

    response = client.get(f"/{language}/expo/companies/{company_a.slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/{language}/contact/longyuan-tyre/" data-contact="company">{contact}</a>' in html
    assert f'href="/{language}/contact/longyuan-tyre/?product={product.pk}" data-contact="product">{ask}</a>' in html
    form = client.get(f"/{language}/contact/longyuan-tyre/?product={product.pk}")
    assert f'<option value="{product.pk}" selected>' in form.content.decode()
    assert client.get(f"/{language}/expo/companies/{company_a.slug}/").content.decode() == html  # from the cache


def test_a_company_not_exhibiting_has_no_contact_link(client, expo_page, outsider):
    response = client.get(f"/en/expo/companies/{outsider.slug}/")

    assert response.status_code == 200
    assert "data-contact" not in response.content.decode()
    assert "Contact this exhibitor" not in main_text(response)
