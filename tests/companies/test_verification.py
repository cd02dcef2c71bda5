"""company_verify: sets verified_at once (a second call keeps the first date), tells the apps showing the company
after commit, and is what the companies.act_for_verified rule reads; company_register makes unverified companies."""

from apps.companies.models import Membership
from apps.companies.services import company_register, company_verify
from apps.companies.signals import company_changed
from tests.factories import CompanyFactory, UserFactory


def test_verify_sets_the_date_once_and_signals_after_commit(db, django_capture_on_commit_callbacks):
    company = CompanyFactory(slug="haiyue")
    member, editor = UserFactory(username="m"), UserFactory(username="e")
    company.memberships.create(user=member)
    assert company.verified_at is None
    assert not member.has_perm("companies.act_for_verified", company)
    heard = []
    company_changed.connect(lambda sender, company, **kw: heard.append(company.pk), weak=False, dispatch_uid="t-v")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first = company_verify(company=company, by=editor).verified_at
        with django_capture_on_commit_callbacks(execute=True) as again:
            assert company_verify(company=company, by=editor).verified_at == first
    finally:
        company_changed.disconnect(dispatch_uid="t-v")
    assert first is not None
    assert heard == [company.pk]
    assert again == []
    company.refresh_from_db()
    assert company.verified_at == first
    assert member.has_perm("companies.act_for_verified", company)


def test_register_makes_an_unverified_company_owned_by_its_creator(db):
    owner = UserFactory(username="owner")
    made = company_register(translations={"zh-hans": {"name": "东海炭黑"}}, segment="upstream", owner=owner)
    again = company_register(translations={"zh-hans": {"name": "东海炭黑"}}, segment="upstream", owner=owner)
    assert (made.slug, again.slug, made.verified_at) == ("dong-hai-tan-hei", "dong-hai-tan-hei-2", None)
    assert list(made.memberships.values_list("user", "role")) == [(owner.pk, Membership.Role.ADMIN)]
    assert " 炭黑 " in made.search_document
