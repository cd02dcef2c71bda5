import pytest

from tests.factories import CompanyFactory


@pytest.mark.parametrize("count", [1, 3])
def test_company_changelist_query_count_is_fixed(client, editor, django_assert_num_queries, count):
    for _ in range(count):
        CompanyFactory()
    client.force_login(editor)
    client.get("/en/admin/companies/company/")  # the first admin visit creates the editor's CMS settings
    with django_assert_num_queries(QUERIES_CHANGELIST):
        response = client.get("/en/admin/companies/company/")
    assert response.status_code == 200
    assert response.content.decode().count('class="action-select"') == count


@pytest.mark.parametrize("language, label", [("en", "Companies"), ("zh-hans", "企业")])
def test_company_admin_in_both_languages(client, editor, language, label):
    company = CompanyFactory()
    client.force_login(editor)
    html = client.get(f"/{language}/admin/companies/company/{company.pk}/change/").content.decode()
    assert label in html
    assert 'name="name"' in html


def test_editor_adds_company_in_chinese_then_english(client, editor):
    client.force_login(editor)
    form = {"name": "青岛示例轮胎有限公司", "short_name": "示例轮胎", "slug": "example-tire", "segment": "downstream",
            "country": "CN", "summary": "", "profile": "<p>专注全钢子午线轮胎。</p><script>alert(1)</script>",
            "city": "青岛", "address": "", "website": "", "email": "", "phone": "",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}
    response = client.post("/en/admin/companies/company/add/?language=zh-hans", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    from apps.companies.models import Company

    company = Company.objects.get(slug="example-tire")
    company.set_current_language("zh-hans")
    assert company.name == "青岛示例轮胎有限公司"
    assert "<script>" not in company.profile
    assert company.has_translation("en") is False


def test_company_add_with_missing_name_shows_error_in_chinese(client, editor):
    client.force_login(editor)
    response = client.post("/zh-hans/admin/companies/company/add/", {"slug": "x", "segment": "services",
                                                                      "memberships-TOTAL_FORMS": "0",
                                                                      "memberships-INITIAL_FORMS": "0"})
    assert response.status_code == 200
    assert "这个字段是必填项" in response.content.decode()


QUERIES_CHANGELIST = 9


def _company_form(**extra):
    return {"name": "Example Tire", "short_name": "", "slug": "example-tire", "segment": "downstream",
            "country": "CN", "summary": "", "profile": "", "city": "", "address": "", "website": "", "email": "",
            "phone": "", "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0", **extra}


def test_admin_logo_upload_is_re_encoded_without_metadata(client, editor, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from apps.companies.models import Company

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # camera maker
    Image.new("RGB", (40, 20), "red").save(buffer, format="JPEG", exif=exif)
    client.force_login(editor)
    logo = SimpleUploadedFile("logo.jpg", buffer.getvalue(), content_type="image/jpeg")

    response = client.post("/en/admin/companies/company/add/", _company_form(logo=logo))

    assert response.status_code == 302
    stored = Company.objects.get(slug="example-tire").logo
    assert stored.name.endswith(".jpg") and b"SecretCam" not in stored.read()


@pytest.mark.parametrize("name, content", [
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("logo.png", b"not an image at all"),
])
def test_admin_logo_upload_refuses_svg_and_non_images_in_chinese(client, editor, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.companies.models import Company

    client.force_login(editor)
    response = client.post("/zh-hans/admin/companies/company/add/",
                           _company_form(logo=SimpleUploadedFile(name, content)))

    assert response.status_code == 200
    assert not Company.objects.filter(slug="example-tire").exists()
    html = response.content.decode()
    assert "请上传一张有效的图片" in html  # Django's ImageField turns away what Pillow cannot open
