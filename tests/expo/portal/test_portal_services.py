"""Proposed changes wait for review: the live profile changes only on approval, which applies both languages,
the logo, participation and products, and tells every member in their own language."""

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.db import IntegrityError

from apps.companies.models import Company, Product
from apps.expo.models import ProfileChange, ProfileChangeState
from apps.expo.portal import selectors, services
from apps.expo.portal.uploads import image_check, pending_storage
from apps.notifications.models import Channel, Message
from tests.factories import MembershipFactory
from tests.support import deliver_all
from tests.support.files import image_upload

pytestmark = pytest.mark.usefixtures("media_root")


def _profile(company, **changes):
    """A full profile payload like the portal form gives: live values with `changes` ({lang: {field: value}})."""
    translations = {}
    for language in ("en", "zh-hans"):
        company.set_current_language(language)
        translations[language] = {name: getattr(company, name, "") or "" for name in
                                  ("name", "short_name", "city", "address", "summary", "profile")}
        translations[language].update(changes.get(language, {}))
    company.set_current_language("en")
    shared = {"website": "https://longyuan.example", "email": "info@longyuan.example", "phone": "0532-1",
              "region": "shandong"}
    participation = company.participations.get()
    return {"shared": shared, "translations": translations, "participations": {
        str(participation.pk): {"highlights": {"en": "Smart tyres", "zh-hans": "智能轮胎"}, "categories": []}}}


def _name(company, language):
    return Company.objects.get(pk=company.pk).safe_translation_getter("name", language_code=language)


def test_submission_leaves_the_live_profile_unchanged(company_a, member_a):
    change = services.profile_change_submit(company=company_a, user=member_a, profile=_profile(
        company_a, en={"name": "Longyuan Tyre Group"}, **{"zh-hans": {"summary": "新的简介"}}))
    assert change.state == ProfileChangeState.PENDING
    assert change.baseline["translations"]["en"]["name"] == "Longyuan Tyre"
    assert _name(company_a, "en") == "Longyuan Tyre"
    live = Company.objects.get(pk=company_a.pk)
    assert live.website == ""
    assert live.safe_translation_getter("summary", language_code="zh-hans") == "隆远轮胎简介"


def test_a_second_submission_extends_the_one_pending_change(company_a, member_a):
    first = services.profile_change_submit(company=company_a, user=member_a, profile=_profile(company_a))
    _change, key = services.product_submit(company=company_a, user=member_a, translations={
        "en": {"name": "Mining tyre", "description": "OTR"}, "zh-hans": {"name": "矿山轮胎", "description": "工程胎"}},
        categories=[])
    assert ProfileChange.objects.filter(company=company_a, state=ProfileChangeState.PENDING).count() == 1
    first.refresh_from_db()
    assert "translations" in first.payload and first.payload["products"][key]["op"] == "add"
    with pytest.raises(IntegrityError):
        ProfileChange.objects.create(company=company_a, state=ProfileChangeState.PENDING)


def test_approval_applies_both_languages_logo_participation_and_products(company_a, member_a, portal_editor,
                                                                         rubber_category):
    english_member = MembershipFactory(company=company_a, user__username="member-a-en",
                                       user__preferred_language="en").user
    product = company_a.products.get()
    services.profile_change_submit(
        company=company_a, user=member_a, logo=image_check(image_upload()),
        profile=_profile(company_a, en={"name": "Longyuan Tyre Group"}, **{"zh-hans": {"summary": "青岛子午线轮胎"}}))
    services.product_submit(company=company_a, user=member_a, key=str(product.pk), categories=[rubber_category.pk],
                            translations={"en": {"name": "TBR tyre", "description": "Truck"},
                                          "zh-hans": {"name": "全钢胎", "description": "卡车"}})
    _change, new_key = services.product_submit(
        company=company_a, user=member_a, image=image_check(image_upload("p.jpg", fmt="JPEG")), categories=[],
        translations={"en": {"name": "", "description": ""}, "zh-hans": {"name": "工程胎", "description": "矿山"}})
    change = ProfileChange.objects.get(company=company_a)
    pending_logo = change.logo.name
    assert pending_logo.startswith("pending/") and pending_storage.exists(pending_logo)
    mail.outbox.clear()

    services.profile_change_approve(change=change, editor=portal_editor)

    company = Company.objects.get(pk=company_a.pk)
    assert company.safe_translation_getter("name", language_code="en") == "Longyuan Tyre Group"
    assert company.safe_translation_getter("summary", language_code="zh-hans") == "青岛子午线轮胎"
    assert (company.website, company.region) == ("https://longyuan.example", "shandong")
    assert company.logo.name.startswith("companies/logos/") and default_storage.exists(company.logo.name)
    assert company.initial_en == "L" and "group" in company.search_document.lower()
    participation = company.participations.get()
    participation.set_current_language("zh-hans")
    assert participation.highlights == "智能轮胎"
    edited = Product.objects.get(pk=product.pk)
    assert edited.safe_translation_getter("name", language_code="zh-hans") == "全钢胎"
    assert list(edited.categories.all()) == [rubber_category]
    added = company.products.exclude(pk=product.pk).get()
    assert list(added.get_available_languages()) == ["zh-hans"] and added.images.count() == 1
    assert ProfileChange.objects.get(pk=change.pk).state == ProfileChangeState.APPROVED

    deliver_all()
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {"member-a@example.com": "隆远轮胎的资料修改已上线",
                        "member-a-en@example.com": "Your profile changes for Longyuan Tyre Group are online"}
    inbox = Message.objects.filter(channel=Channel.INBOX, event__kind="expo.profile_change_approved")
    assert sorted(inbox.values_list("user__username", flat=True)) == ["member-a", "member-a-en"]
    assert english_member.pk in inbox.values_list("user_id", flat=True)


def test_reject_requires_a_reason_and_tells_members_why(company_a, member_a, portal_editor):
    change = services.profile_change_submit(company=company_a, user=member_a,
                                            profile=_profile(company_a, en={"name": "Wrong Name Ltd"}))
    with pytest.raises(services.ProfileChangeError):
        services.profile_change_reject(change=change, editor=portal_editor, reason="  ")
    assert ProfileChange.objects.get(pk=change.pk).state == ProfileChangeState.PENDING

    services.profile_change_reject(change=change, editor=portal_editor, reason="The English name is not registered.")
    change.refresh_from_db()
    assert (change.state, change.reviewed_by) == (ProfileChangeState.REJECTED, portal_editor)
    assert _name(company_a, "en") == "Longyuan Tyre"
    deliver_all()
    assert len(mail.outbox) == 1
    assert "The English name is not registered." in mail.outbox[0].body
    inbox = Message.objects.get(channel=Channel.INBOX, user=member_a, event__kind="expo.profile_change_rejected")
    assert "The English name is not registered." in inbox.body


def test_editors_are_told_once_per_change_in_their_inbox(company_a, member_a, portal_editor):
    services.profile_change_submit(company=company_a, user=member_a, profile=_profile(company_a))
    services.profile_change_submit(company=company_a, user=member_a, profile=_profile(company_a))
    rows = Message.objects.filter(event__kind="expo.profile_change_submitted")
    assert [(row.user, row.channel) for row in rows] == [(portal_editor, Channel.INBOX)]
    assert "Longyuan Tyre" in rows[0].subject_line


def test_an_approval_refuses_a_change_extended_after_the_editor_opened_it(company_a, member_a, portal_editor):
    change = services.profile_change_submit(company=company_a, user=member_a, profile=_profile(company_a))
    seen = selectors.profile_change_digest(change)
    services.product_delete_submit(company=company_a, user=member_a, key=str(company_a.products.get().pk))
    with pytest.raises(services.ProfileChangeError):
        services.profile_change_approve(change=change, editor=portal_editor, digest=seen)
    assert company_a.products.count() == 1


def test_withdrawing_deletes_the_pending_files(company_a, member_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change = services.profile_change_submit(company=company_a, user=member_a, logo=image_check(image_upload()))
    path = change.logo.name
    assert pending_storage.exists(path)
    with django_capture_on_commit_callbacks(execute=True):
        services.profile_change_withdraw(change=change, user=member_a)
    change.refresh_from_db()
    assert change.state == ProfileChangeState.WITHDRAWN and not pending_storage.exists(path)
    with pytest.raises(services.ProfileChangeError):
        services.profile_change_withdraw(change=change, user=member_a)


def test_a_new_product_deleted_again_leaves_no_change_behind(company_a, member_a):
    _change, key = services.product_submit(company=company_a, user=member_a, categories=[], translations={
        "en": {"name": "Belt", "description": ""}, "zh-hans": {"name": "", "description": ""}})
    services.product_delete_submit(company=company_a, user=member_a, key=key)
    assert not ProfileChange.objects.filter(company=company_a, state=ProfileChangeState.PENDING).exists()
