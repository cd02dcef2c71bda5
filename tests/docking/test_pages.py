"""Other public and member pages: the requirement page with its fallback language and company link, the feeds per
category, a docking event, the company page's section, the menu entry; rate limits; uploads checked by content."""

import xml.etree.ElementTree as ET

import pytest
from cms.models import PageContent

from apps.docking import services
from apps.docking.models import Attachment, Response, ThreadMessage
from tests.ratelimit_support import assert_limited, ip, rates
from tests.support.files import image_upload, pdf_open_action_js, upload

from .factories import event_make, pdf_upload, requirement_draft, requirement_open, response_send, texts

pytestmark = pytest.mark.usefixtures("docking_pages")


@pytest.fixture
def opened(lead, lead_member, categories, docking_editor):
    return requirement_open(editor=docking_editor, company=lead, user=lead_member,
                            categories=[categories["mixing"]], title_en="Two mixing lines", title_zh="两条密炼线",
                            quantity=2, unit="line", budget_min=1000, budget_max=2000)


@pytest.mark.parametrize("language, title, facts", [
    ("en", "Two mixing lines", ["2 production lines", "1,000 – 2,000 CNY", "Shandong", "Mixing lines"]),
    ("zh-hans", "两条密炼线", ["2 生产线", "1000 – 2000 CNY", "山东", "密炼线"]),  # no grouping in Chinese
])
def test_requirement_page_in_both_languages_links_the_lead_company(client, opened, language, title, facts):
    response = client.get(opened.get_absolute_url(language))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="page-title">{title}</h1>' in html
    assert f'href="/{language}/expo/companies/linglong-test/"' in html
    for fact in facts:
        assert fact in html
    assert f'hreflang="{"zh-hans" if language == "en" else "en"}"' in html


def test_a_requirement_written_in_one_language_falls_back_and_says_so(client, lead, lead_member, categories,
                                                                      docking_editor):
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member,
                                   categories=[categories["mixing"]], translations=texts(title_zh="只有中文的需求"))

    html = client.get(requirement.get_absolute_url("en")).content.decode()

    assert '<h1 class="page-title" lang="zh-hans">只有中文的需求</h1>' in html
    assert "This requirement was written in another language" in html


def test_the_section_is_in_the_main_menu_in_both_languages(client, opened):
    assert '<a href="/en/docking/">Supply &amp; Demand</a>' in client.get("/en/docking/").content.decode()
    assert '<a href="/zh-hans/docking/">供需对接</a>' in client.get("/zh-hans/docking/").content.decode()
    assert PageContent.objects.filter(page__application_namespace="docking", in_navigation=True).count() == 2


def test_feed_per_category_lists_public_requirements_below_it(client, opened, lead, lead_member, categories,
                                                              docking_editor):
    requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["carbon"]],
                     title_en="N330 carbon black")

    equipment = ET.fromstring(client.get("/en/docking/rss/equipment/").content)
    everything = ET.fromstring(client.get("/zh-hans/docking/rss/").content)

    assert [item.findtext("title") for item in equipment.iter("item")] == ["Two mixing lines · Linglong Test Tire"]
    assert equipment.findtext("channel/link") == "http://127.0.0.1:8000/en/docking/?category=equipment"
    assert len(list(everything.iter("item"))) == 2
    assert client.get("/en/docking/rss/no-such-category/").status_code == 404


def test_event_page_shows_its_requirements_and_live_figures(client, lead, lead_member, categories, docking_editor,
                                                            supplier, supplier_member):
    event = event_make(name_en="Tire chain docking", name_zh="轮胎产业链对接会", edition_slug="rubber-expo-2026")
    requirement = requirement_open(editor=docking_editor, company=lead, user=lead_member, event=event,
                                   categories=[categories["mixing"]], translations=texts("Released at the event"))
    requirement_open(editor=docking_editor, company=lead, user=lead_member, categories=[categories["mixing"]],
                     translations=texts("Not at the event"))
    response_send(requirement=requirement, company=supplier, user=supplier_member)

    html = client.get(event.get_absolute_url("zh-hans")).content.decode()

    assert "轮胎产业链对接会" in html
    assert "Released at the event" in html and "Not at the event" not in html
    assert "<strong>2</strong>" in html and "<strong>1</strong>" in html
    assert 'href="/zh-hans/expo/rubber-expo-2026/"' in html
    requirement_page = client.get(requirement.get_absolute_url("en")).content.decode()
    assert f'href="/en/docking/events/{event.slug}/">Tire chain docking</a>' in requirement_page


def test_company_page_shows_what_the_company_is_looking_for(client, opened, lead):
    html = client.get("/en/expo/companies/linglong-test/").content.decode()

    assert "What this company is looking for" in html
    assert f'href="/en/docking/requirements/{opened.pk}/">Two mixing lines</a>' in html


def test_responses_are_rate_limited_per_user_in_both_languages(client, settings, opened, supplier,
                                                               supplier_member):
    rates(settings, "docking_response", user="1/d")
    client.force_login(supplier_member)
    url = f"/zh-hans/docking/requirements/{opened.pk}/respond/"

    first = client.post(url, {"company": supplier.pk, "message": "", "currency": "CNY"}, **ip("10.0.0.1"))
    second = client.post(url, {"company": supplier.pk, "message": "Hello", "currency": "CNY"}, **ip("10.0.0.2"))

    assert first.status_code == 400
    assert_limited(second, "zh-hans")
    assert Response.objects.count() == 0


def test_thread_messages_are_rate_limited(client, settings, opened, supplier, supplier_member):
    response = response_send(requirement=opened, company=supplier, user=supplier_member)
    rates(settings, "docking_message", user="2/d")
    client.force_login(supplier_member)

    for body in ("One", "Two"):
        client.post(f"/en/docking/responses/{response.pk}/messages/", {"body": body})
    limited = client.post(f"/en/docking/responses/{response.pk}/messages/", {"body": "Three"})

    assert_limited(limited, "en")
    assert ThreadMessage.objects.count() == 2


def test_posting_requirements_is_rate_limited(client, settings, lead_member):
    rates(settings, "docking_post", user="1/d")
    client.force_login(lead_member)

    client.post("/en/docking/mine/new/", {})
    assert_limited(client.post("/en/docking/mine/new/", {}), "en")
    assert client.get("/en/docking/mine/new/").status_code == 200  # reading is never limited


def test_image_attachments_are_re_encoded_and_bad_files_refused(lead, lead_member, categories):
    from django.core.exceptions import ValidationError

    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]])
    picture = services.attachment_add(user=lead_member, requirement=requirement,
                                      upload=image_upload("../../etc/plan.png", fmt="JPEG"))
    assert (picture.filename, picture.content_type) == ("plan.jpg", "image/jpeg")

    for bad, code in ((upload("fake.pdf", b"GIF89a not a pdf"), "fake_pdf"), (upload("run.pdf", pdf_open_action_js()),
                                                                               None),
                      (upload("empty.png", b""), "empty")):
        with pytest.raises(ValidationError) as refused:
            services.attachment_add(user=lead_member, requirement=requirement, upload=bad)
        if code:
            assert refused.value.code == code
    assert Attachment.objects.count() == 1


def test_at_most_five_files_per_requirement(lead, lead_member, categories):
    from django.core.exceptions import ValidationError

    requirement = requirement_draft(company=lead, user=lead_member, categories=[categories["mixing"]])
    for n in range(5):
        services.attachment_add(user=lead_member, requirement=requirement, upload=pdf_upload(f"{n}.pdf"))

    with pytest.raises(ValidationError):
        services.attachment_add(user=lead_member, requirement=requirement, upload=pdf_upload("6.pdf"))
