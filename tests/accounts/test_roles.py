import pytest
from django.contrib.auth.models import Group

from apps.accounts import roles
from apps.accounts.services import user_create, user_role_assign
from tests.factories import CompanyFactory, UserFactory


def test_migration_creates_the_three_role_groups(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Exhibitors", "Trading staff"}


def test_editor_manages_pages_and_companies(editor):
    assert editor.is_staff
    for perm in ("cms.add_page", "cms.change_page", "cms.publish_page", "companies.add_company",
                 "companies.change_company", "companies.delete_company", "filer.add_file"):
        assert editor.has_perm(perm), perm


def test_exhibitor_has_no_admin_permissions(exhibitor):
    assert not exhibitor.is_staff
    assert not exhibitor.has_perm("companies.change_company")
    assert not exhibitor.has_perm("cms.change_page")
    assert exhibitor.get_all_permissions() == set()


def test_trading_staff_reads_companies_but_cannot_change_them_or_pages(trading_staff):
    assert trading_staff.is_staff
    assert trading_staff.has_perm("companies.view_company")
    assert not trading_staff.has_perm("companies.change_company")
    assert not trading_staff.has_perm("cms.change_page")


def test_company_member_may_edit_only_own_company_profile(exhibitor):
    own, other = CompanyFactory(), CompanyFactory()
    own.memberships.create(user=exhibitor)
    assert exhibitor.has_perm("companies.edit_profile", own)
    assert not exhibitor.has_perm("companies.edit_profile", other)


def test_editor_may_edit_any_company_profile(editor):
    assert editor.has_perm("companies.edit_profile", CompanyFactory())


def test_anonymous_may_not_edit_company_profile(db):
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("companies.edit_profile", CompanyFactory())


def test_user_create_with_role_and_language(db):
    user = user_create(username="li", email="li@example.com", password="s3cret-pass-word", role=roles.EDITORS,
                       preferred_language="zh-hans")
    assert user.check_password("s3cret-pass-word")
    assert user.preferred_language == "zh-hans"
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]


def test_role_assign_rejects_unknown_role(db):
    with pytest.raises(ValueError):
        user_role_assign(user=UserFactory(), role="Gardeners")


def test_editor_opens_company_admin_and_exhibitor_does_not(client, editor, exhibitor):
    client.force_login(editor)
    assert client.get("/en/admin/companies/company/").status_code == 200
    client.force_login(exhibitor)
    response = client.get("/en/admin/companies/company/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_trading_staff_sees_company_list_read_only(client, trading_staff):
    company = CompanyFactory()
    client.force_login(trading_staff)
    assert client.get("/en/admin/companies/company/").status_code == 200
    assert client.get(f"/en/admin/companies/company/{company.pk}/change/").status_code == 200
    response = client.post(f"/en/admin/companies/company/{company.pk}/change/", {"slug": "hijack"})
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.slug != "hijack"
