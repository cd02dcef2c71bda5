"""Who is told what, once, in their own language: editors of a submission, the companies a requirement fits (by
products and by exhibit categories) and the subscribers of its categories when it opens, the poster of responses,
the supplier of each decision, each side of a message."""

import pytest
from django.core import mail

from apps.docking import notifications, services
from apps.docking.models import ResponseStatus, Visibility
from apps.notifications.models import Channel, Message
from apps.notifications.services import user_email_set
from tests.factories import EditionFactory, ParticipationFactory, ProductFactory, SubscriptionFactory
from tests.support import deliver_all

from .conftest import company, member
from .factories import requirement_draft, response_send

pytestmark = pytest.mark.usefixtures("docking_pages")


def mails_to(address):
    return [email for email in mail.outbox if address in email.to]


def inbox_of(user):
    return list(Message.objects.filter(user=user, channel=Channel.INBOX).values_list("subject_line", flat=True))


@pytest.fixture
def fitting(categories):
    """A maker of mixing lines (by its product), a company exhibiting carbon black at the expo, a company with
    nothing in common, and an unverified mixer maker."""
    mixer = company("mixer-maker", "Mixer Maker", "密炼机制造")
    ProductFactory(company=mixer, en="Intermeshing mixer", categories=[categories["mixing"]])
    exhibitor = company("black-exhibitor", "Black Exhibitor", "炭黑展商")
    ParticipationFactory(company=exhibitor, edition=EditionFactory(), categories=[categories["carbon"]])
    unrelated = company("unrelated", "Unrelated", "无关公司")
    ProductFactory(company=unrelated, en="Latex", categories=[])
    newcomer = company("new-mixers", "New Mixers", "新密炼", verified=False)
    ProductFactory(company=newcomer, en="Small mixer", categories=[categories["mixing"]])
    return {"mixer": member(mixer, "mixer-zh", "zh-hans"), "exhibitor": member(exhibitor, "exhibitor-en"),
            "unrelated": member(unrelated, "unrelated-en"), "newcomer": member(newcomer, "newcomer-en")}


def submit_and_open(requirement, poster, editor, captured):
    with captured(execute=True):
        services.requirement_submit(requirement=requirement, user=poster)
    with captured(execute=True):
        services.requirement_approve(requirement=requirement, user=editor)
    deliver_all()


def test_editors_find_a_submitted_requirement_in_their_inbox(lead, lead_member, categories, docking_editor):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Two mixing lines")

    services.requirement_submit(requirement=requirement, user=lead_member)

    assert inbox_of(docking_editor) == ["To review: a requirement of Linglong Test Tire: Two mixing lines"]
    assert not Message.objects.filter(user=docking_editor, channel=Channel.EMAIL).exists()


def test_opening_tells_fitting_companies_once_in_their_language(lead, lead_member, categories, docking_editor,
                                                                fitting, django_capture_on_commit_callbacks):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"],
                                                                                 categories["carbon"]],
                                    title_en="Mixing line and carbon black", title_zh="密炼线和炭黑")

    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)

    chinese, english = mails_to("mixer-zh@example.com"), mails_to("exhibitor-en@example.com")
    assert [m.subject for m in chinese] == ["与贵公司产品相符的需求：密炼线和炭黑"]
    assert [m.subject for m in english] == ["A requirement that matches your products: Mixing line and carbon black"]
    assert "/en/docking/requirements/" in english[0].body and "/zh-hans/docking/requirements/" in chinese[0].body
    assert mails_to("unrelated-en@example.com") == []
    assert len(mails_to("newcomer-en@example.com")) == 1  # a public requirement reaches unverified companies too
    assert [m.subject for m in mails_to("lead-member@example.com")] == ["您的需求已发布：密炼线和炭黑"]

    notifications.requirement_opened_record(requirement, users=[fitting["mixer"]], topic_slugs=["equipment"])
    deliver_all()
    assert len(mails_to("mixer-zh@example.com")) == 1  # told once


def test_a_requirement_for_a_parent_category_reaches_makers_below_it(lead, lead_member, categories, docking_editor,
                                                                     fitting, django_capture_on_commit_callbacks):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["equipment"]],
                                    title_en="Tyre plant equipment", title_zh="轮胎厂设备")

    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)

    assert [m.subject for m in mails_to("mixer-zh@example.com")] == ["与贵公司产品相符的需求：轮胎厂设备"]
    assert mails_to("exhibitor-en@example.com") == []


def test_category_subscribers_hear_of_public_requirements_in_and_below_their_category(
        lead, lead_member, categories, docking_editor, django_capture_on_commit_callbacks):
    parent = SubscriptionFactory(email="parent@example.com", topics=["docking.category.equipment"])
    SubscriptionFactory(email="other@example.com", topics=["docking.category.materials"])
    SubscriptionFactory(email="unconfirmed@example.com", confirmed=False, topics=["docking.category.mixing-lines"])
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Two mixing lines")

    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)

    assert [m.subject for m in mails_to(parent.email)] == ["New requirement: Two mixing lines"]
    assert "A new requirement in a category you follow." in mails_to(parent.email)[0].body
    assert mails_to("other@example.com") == mails_to("unconfirmed@example.com") == []


def test_a_requirement_for_verified_companies_reaches_neither_subscribers_nor_unverified_companies(
        lead, lead_member, categories, docking_editor, fitting, django_capture_on_commit_callbacks):
    SubscriptionFactory(email="parent@example.com", topics=["docking.category.equipment"])
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    visibility=Visibility.VERIFIED, title_en="Confidential line")

    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)

    assert len(mails_to("mixer-zh@example.com")) == 1
    assert mails_to("parent@example.com") == mails_to("newcomer-en@example.com") == []


def test_a_member_who_turned_emails_off_finds_the_match_in_the_inbox_only(lead, lead_member, categories,
                                                                         docking_editor, fitting,
                                                                         django_capture_on_commit_callbacks):
    user_email_set(user_id=fitting["exhibitor"].pk, enabled=False)
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["carbon"]],
                                    title_en="N330 carbon black")

    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)

    assert mails_to("exhibitor-en@example.com") == []
    assert inbox_of(fitting["exhibitor"]) == ["A requirement that matches your products: N330 carbon black"]


def test_poster_hears_of_responses_supplier_of_each_decision_in_their_language(
        lead, lead_member, supplier, supplier_member, categories, docking_editor,
        django_capture_on_commit_callbacks):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Two mixing lines", title_zh="两条密炼线")
    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    response = response_send(requirement=requirement, company=supplier, user=supplier_member)
    for decision in (ResponseStatus.SHORTLISTED, ResponseStatus.AWARDED):
        services.response_decide(response=response, user=lead_member, decision=decision)
    deliver_all()

    assert [m.subject for m in mails_to("lead-member@example.com")] == ["益阳密炼机已响应：两条密炼线"]
    assert [m.subject for m in mails_to("supplier-member@example.com")] == [
        "Your response: Shortlisted · Two mixing lines", "Your response: Awarded · Two mixing lines"]


def test_each_side_hears_of_the_others_messages(lead, lead_member, supplier, supplier_member, categories,
                                                docking_editor, django_capture_on_commit_callbacks):
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Two mixing lines", title_zh="两条密炼线")
    submit_and_open(requirement, lead_member, docking_editor, django_capture_on_commit_callbacks)
    response = response_send(requirement=requirement, company=supplier, user=supplier_member)
    deliver_all()
    mail.outbox.clear()

    services.thread_post(response=response, user=lead_member, body="Delivery by March?")
    services.thread_post(response=response, user=supplier_member, body="Yes.")
    deliver_all()

    to_supplier, to_poster = mails_to("supplier-member@example.com"), mails_to("lead-member@example.com")
    assert [m.subject for m in to_supplier] == ["New message from Linglong Test Tire: Two mixing lines"]
    assert "Delivery by March?" in to_supplier[0].body
    assert [m.subject for m in to_poster] == ["来自益阳密炼机的新消息：两条密炼线"]


def test_notifications_render_before_the_section_has_its_page(lead, lead_member, categories, docking_editor,
                                                              docking_pages):
    from tests.factories.cms_pages import apphook_detach

    apphook_detach(docking_pages["docking"])
    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]],
                                    title_en="Early need")

    services.requirement_submit(requirement=requirement, user=lead_member)

    assert inbox_of(docking_editor) == ["To review: a requirement of Linglong Test Tire: Early need"]


def test_every_product_category_is_a_topic_of_the_subscription_form(client, categories):
    from apps.notifications.registry import topic_choices

    groups = dict(topic_choices())

    assert ("docking.category.mixing-lines", "Equipment › Mixing lines") in groups["Supply & Demand"]
    page = client.get("/zh-hans/notifications/subscribe/").content.decode()
    assert 'value="docking.category.carbon-black"' in page and "原材料 › 炭黑" in page
