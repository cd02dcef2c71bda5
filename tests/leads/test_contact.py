"""The public "Contact this exhibitor" form: who may be contacted, validation in both languages, the robots' trap,
the double opt-in of anonymous senders (real emails through the outbox), signed-in senders, and the same answer
for every address."""

import datetime

import pytest
from django.core import mail, signing

from apps.leads import tokens
from apps.leads.models import Lead, Status
from apps.leads.services import lead_confirm
from apps.notifications.models import Channel, Message
from tests.factories import ParticipationFactory, UserFactory
from tests.ratelimit_support import CJK, LATIN, main_text

from .conftest import confirm_path, contact_data, inbox_of, lead_make, mails_to

CONTACT = "/{language}/contact/{slug}/"


def contact_url(company, language="en"):
    return CONTACT.format(language=language, slug=company.slug)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_form_names_the_company_and_offers_its_products(client, company_a, language):
    product = company_a.products.get()

    response = client.get(contact_url(company_a, language), {"product": product.pk})

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    html = response.content.decode()
    assert ("隆远轮胎" if language == "zh-hans" else "Longyuan Tyre") in main_text(response)
    assert f'<option value="{product.pk}" selected>' in html
    assert 'name="website"' in html and "leads-trap" in html
    if language == "zh-hans":  # no UI string of the other language
        assert "隆远轮胎轮胎" in html and not LATIN.search(main_text(response)), main_text(response)
    else:
        assert "Longyuan Tyre tyre" in html and not CJK.search(main_text(response)), main_text(response)


def test_only_exhibiting_companies_can_be_contacted(client, company_a, outsider, coming_edition):
    hidden = ParticipationFactory(edition=coming_edition, is_confirmed=False).company

    assert client.get(contact_url(outsider)).status_code == 404
    assert client.get(contact_url(hidden)).status_code == 404
    assert client.get("/en/contact/nobody-at-all/").status_code == 404
    assert client.post(contact_url(outsider), contact_data()).status_code == 404
    assert not Lead.objects.exists()


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["This field is required.", "Enter a valid email address.", "Please write at least 10 characters",
            "Enter a phone number with digits"]),
    ("zh-hans", ["这个字段是必填项。", "请输入有效的邮箱地址。", "请至少写 10 个字", "请输入电话号码"]),
])
def test_bad_input_gets_clear_errors_in_the_users_language(client, company_a, language, expected):
    response = client.post(contact_url(company_a, language),
                           contact_data(name="", email="not-an-address", message="Hi", phone="call me"))

    assert response.status_code == 400
    text = main_text(response)
    for message in expected:
        assert message in text, text
    assert not Lead.objects.exists() and not Message.objects.exists()


def test_a_product_of_another_company_is_refused(client, company_a, company_b):
    foreign = company_b.products.get()

    response = client.post(contact_url(company_a), contact_data(product=str(foreign.pk)))

    assert response.status_code == 400
    assert "Select a valid choice." in main_text(response)
    assert not Lead.objects.exists()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_anonymous_request_waits_for_the_link_then_reaches_the_members(client, company_a, member_a, language):
    product = company_a.products.get()
    response = client.post(contact_url(company_a, language), contact_data(product=str(product.pk)))

    assert response.status_code == 302 and response["Location"] == f"/{language}/contact/longyuan-tyre/sent/"
    lead = Lead.objects.get()
    assert (lead.confirmed_at, lead.language, lead.product, lead.sender) == (None, language, product, None)
    assert mails_to(member_a.email) == [] and inbox_of(member_a) == []  # invisible until confirmed
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert ("确认链接" if language == "zh-hans" else "confirmation link") in main_text(page)

    [confirmation] = mails_to("ada@example.net")
    if language == "zh-hans":
        assert confirmation.subject.endswith("请确认您发给隆远轮胎的留言")
    else:
        assert confirmation.subject.endswith("Please confirm your message to Longyuan Tyre")
    assert "Please send your price list" in confirmation.body
    path = confirm_path(confirmation)
    assert path.startswith(f"/{language}/contact/confirm/")

    shown = client.get(path)  # a mail scanner opening the link confirms nothing
    assert shown.status_code == 200 and shown["Referrer-Policy"] == "same-origin"
    assert Lead.objects.get().confirmed_at is None
    done = client.post(path)

    assert done.status_code == 200
    assert ("您的留言已发送给隆远轮胎" if language == "zh-hans" else "your message went to Longyuan Tyre") \
        in main_text(done)
    assert Lead.objects.get().confirmed_at is not None
    [told] = mails_to(member_a.email)  # member_a reads Chinese, whatever the sender's language
    assert told.subject.endswith("来自 Ada Visitor 的新联系请求")
    assert "Please send your price list" in told.body and "/zh-hans/portal/leads/longyuan-tyre/" in told.body
    assert [subject.endswith("来自 Ada Visitor 的新联系请求") for subject in inbox_of(member_a)] == [True]
    inbox_body = Message.objects.get(user=member_a, channel=Channel.INBOX).body
    assert "Please send your price list" not in inbox_body  # the stored inbox entry leaves the message out
    copies = [m for m in mails_to("ada@example.net") if m is not confirmation]
    assert len(copies) == 1 and "Please send your price list" in copies[0].body

    assert client.post(path).status_code == 200  # following the link again sends nothing more
    assert len(mails_to(member_a.email)) == 1 and len(mails_to("ada@example.net")) == 2


def test_signed_in_sender_reaches_the_exhibitor_at_once_with_the_account_details(client, company_b, member_b):
    visitor = UserFactory(username="buyer", first_name="Li", last_name="Ming", email="li.ming@example.org",
                          preferred_language="zh-hans")
    client.force_login(visitor)

    form = client.get(contact_url(company_b, "zh-hans"))
    assert 'name="email"' not in form.content.decode() and "li.ming@example.org" in main_text(form)
    response = client.post(contact_url(company_b, "zh-hans"), contact_data(name="Someone Else",
                                                                         email="forged@example.com"))

    assert response["Location"] == "/zh-hans/contact/haiwan-chemical/delivered/"
    lead = Lead.objects.get()
    assert (lead.name, lead.email, lead.sender, lead.language) == ("Li Ming", "li.ming@example.org", visitor,
                                                                    "zh-hans")
    assert lead.confirmed_at is not None and lead.status == Status.NEW
    [told] = mails_to(member_b.email)
    assert told.subject.endswith("New contact request from Li Ming") and "/en/portal/leads/haiwan-chemical/" in told.body
    [copy] = mails_to("li.ming@example.org")
    assert "您的留言已转交海湾化工" in copy.subject
    assert mails_to("forged@example.com") == []
    assert client.get(response["Location"]).status_code == 200


def test_the_answer_is_the_same_for_an_address_with_an_account(client, company_a):
    UserFactory(username="known", email="known@example.com")

    known = client.post(contact_url(company_a), contact_data(email="known@example.com"))
    unknown = client.post(contact_url(company_a), contact_data(email="stranger@example.com"))

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [len(mails_to(a)) for a in ("known@example.com", "stranger@example.com")] == [1, 1]
    assert set(Lead.objects.values_list("confirmed_at", flat=True)) == {None}


def test_a_robot_filling_the_trap_is_answered_alike_and_nothing_is_stored(client, company_a):
    response = client.post(contact_url(company_a), contact_data(website="http://spam.example"))

    assert response.status_code == 302 and response["Location"].endswith("/contact/longyuan-tyre/sent/")
    assert not Lead.objects.exists()
    assert mails_to("ada@example.net") == []


@pytest.mark.parametrize(("language", "words"), [("en", "expired"), ("zh-hans", "已过期")])
def test_an_expired_link_explains_itself_and_confirms_nothing(client, company_a, monkeypatch, language, words):
    lead = lead_make(company_a, confirmed=False)
    past = signing.time.time() - tokens.CONFIRM_MAX_AGE.total_seconds() - 60
    with monkeypatch.context() as patched:
        patched.setattr(signing.time, "time", lambda: past)
        token = tokens.confirm_token(lead)

    for method in (client.get, client.post):
        response = method(f"/{language}/contact/confirm/{token}/")
        assert response.status_code == 400
        assert words in main_text(response)
    assert Lead.objects.get().confirmed_at is None


@pytest.mark.parametrize("token", ["nonsense", "12:abc:def", "%3Cscript%3E"])
def test_an_invalid_link_is_a_clear_page_not_an_error(client, company_a, token):
    response = client.get(f"/zh-hans/contact/confirm/{token}/")

    assert response.status_code == 400
    assert "此链接无效" in main_text(response)


def test_a_link_of_a_deleted_request_is_invalid(client, company_a):
    lead = lead_make(company_a, confirmed=False)
    token = tokens.confirm_token(lead)
    lead.delete()

    response = client.post(f"/en/contact/confirm/{token}/")

    assert response.status_code == 400 and "This link is not valid" in main_text(response)


def test_a_token_of_one_request_never_confirms_another(company_a):
    first, second = lead_make(company_a, confirmed=False), lead_make(company_a, confirmed=False)

    assert tokens.confirm_token_read(tokens.confirm_token(second)) == second.pk != first.pk
    forged = tokens.confirm_token(first).replace(str(first.pk), str(second.pk), 1)
    with pytest.raises(signing.BadSignature):
        tokens.confirm_token_read(forged)


def test_confirmation_is_recorded_once_in_the_outbox(company_a, member_a):
    lead = lead_make(company_a, confirmed=False)
    mail.outbox.clear()

    first, confirmed = lead_confirm(lead_id=lead.pk)
    again, confirmed_again = lead_confirm(lead_id=lead.pk)

    assert confirmed and not confirmed_again and first.confirmed_at == again.confirmed_at
    assert first.confirmed_at - lead.created_at < datetime.timedelta(minutes=1)
    assert len(mails_to(member_a.email)) == 1
