"""The exhibitor portal's contact requests: only the members of the company of the URL see and change them (guessed
ids, other companies' URLs, exports, anonymous visitors, editors), the status filter, search and pages, status and
notes, the dashboard link, and the CSV files (BOM, Chinese, localized headers, "since the last export")."""

import csv
import io
import re

import pytest

from apps.leads import portal_urls, selectors
from apps.leads.models import Lead, Status
from tests.factories import MembershipFactory
from tests.ratelimit_support import LATIN, main_text

from .conftest import lead_make

LIST = "/{language}/portal/leads/{slug}/"


def list_url(company, language="en"):
    return LIST.format(language=language, slug=company.slug)


def lead_url(lead, language="en", slug=None):
    return f"/{language}/portal/leads/{slug or lead.company.slug}/{lead.pk}/"


def export_url(company, language="en"):
    return f"/{language}/portal/leads/{company.slug}/export/"


@pytest.fixture
def both(company_a, company_b):
    """A request to each company, and one to A still waiting for its sender's confirmation."""
    return {"a": lead_make(company_a, name="Alice Buyer", message="Tyres for our fleet, please."),
            "b": lead_make(company_b, name="Bob Buyer", message="Carbon black samples, please."),
            "waiting": lead_make(company_a, name="Wendy Waiting", confirmed=False)}


def test_members_see_only_their_companys_confirmed_requests(client, both, member_a):
    client.force_login(member_a)

    response = client.get(list_url(both["a"].company, "zh-hans"))

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    text = main_text(response)
    assert "Alice Buyer" in text and "Bob Buyer" not in text and "Wendy Waiting" not in text
    assert "联系请求" in text and "新请求" in text


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_companys_pages_answer_404(client, both, member_a, company_b, method):
    client.force_login(member_a)
    send = getattr(client, method)
    data = {"status": Status.CLOSED, "notes": "mine now", "scope": "all"}

    assert send(list_url(company_b), data).status_code == (404 if method == "get" else 405)
    assert send(lead_url(both["b"]), data).status_code == 404
    assert send(lead_url(both["b"], slug=both["a"].company.slug), data).status_code == 404  # guessed id, own URL
    assert send(lead_url(both["waiting"]), data).status_code == 404  # not confirmed yet
    assert send(f"/en/portal/leads/{company_b.slug}/99999/", data).status_code == 404
    assert client.post(export_url(company_b), {"scope": "all"}).status_code == 404
    assert client.get("/en/portal/leads/no-such-company/").status_code == 404
    lead = Lead.objects.get(pk=both["b"].pk)
    assert (lead.status, lead.notes, lead.exported_at) == (Status.NEW, "", None)


def test_anonymous_visitors_are_sent_to_the_login_page(client, both):
    for path in (list_url(both["a"].company), lead_url(both["a"]), "/en/portal/leads/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(lead_url(both["a"]), {"status": Status.CLOSED, "notes": ""})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(export_url(both["a"].company), {"scope": "all"}).status_code == 302
    assert Lead.objects.get(pk=both["a"].pk).status == Status.NEW


def test_editors_use_the_admin_not_the_portal(client, both, portal_editor):
    client.force_login(portal_editor)

    assert client.get(list_url(both["a"].company)).status_code == 404
    assert client.get(lead_url(both["a"])).status_code == 404


def test_a_member_sets_status_and_notes(client, both, member_a):
    client.force_login(member_a)
    lead = both["a"]

    page = client.get(lead_url(lead))
    assert page.status_code == 200 and "Tyres for our fleet, please." in main_text(page)
    response = client.post(lead_url(lead), {"status": Status.CONTACTED, "notes": "Called on Monday."})

    assert response.status_code == 302 and response["Location"] == lead_url(lead)
    lead.refresh_from_db()
    assert (lead.status, lead.notes) == (Status.CONTACTED, "Called on Monday.")
    assert "The contact request was saved." in main_text(client.get(lead_url(lead)))


@pytest.mark.parametrize(("language", "message"), [("en", "Select a valid choice."), ("zh-hans", "选择一个有效的选项")])
def test_an_unknown_status_is_refused_in_the_users_language(client, both, member_a, language, message):
    client.force_login(member_a)

    response = client.post(lead_url(both["a"], language), {"status": "won", "notes": ""})

    assert response.status_code == 400 and message in main_text(response)
    assert Lead.objects.get(pk=both["a"].pk).status == Status.NEW


def test_status_filter_search_and_pages(client, company_a, member_a, settings, monkeypatch):
    lead_make(company_a, name="Chen Wei", organisation="成都捷驰", email="chen@jiechi.example", message="需要轮胎报价")
    lead_make(company_a, name="Dora Kim", message="Winter tyres for Korea", status=Status.CONTACTED)
    lead_make(company_a, name="Emil Berg", message="Closed deal already", status=Status.CLOSED)
    client.force_login(member_a)

    def names(**query):
        response = client.get(list_url(company_a), query)
        assert response.status_code == 200
        return [lead.name for lead in response.context["leads"]]

    assert names() == ["Emil Berg", "Dora Kim", "Chen Wei"]
    assert names(status=Status.CONTACTED) == ["Dora Kim"]
    assert names(q="捷驰") == ["Chen Wei"]  # the sender's company
    assert names(q="jiechi.example") == ["Chen Wei"]  # the address
    assert names(q="winter korea") == ["Dora Kim"]  # every word, in the message
    assert names(status=Status.CLOSED, q="Dora") == []
    assert names(status="bogus") == ["Emil Berg", "Dora Kim", "Chen Wei"]  # an unknown filter shows all
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    assert names(page=2) == ["Chen Wei"]
    assert client.get(list_url(company_a), {"page": 9}).status_code == 404
    counts = client.get(list_url(company_a)).context["counts"]
    assert (counts["new"], counts["contacted"], counts["closed"], counts["unexported"]) == (1, 1, 1, 3)


def test_a_member_of_two_companies_chooses_and_a_member_of_one_goes_straight(client, company_a, company_b, member_a):
    client.force_login(member_a)
    assert client.get("/en/portal/leads/")["Location"] == "/en/portal/leads/longyuan-tyre/"

    MembershipFactory(company=company_b, user=member_a)
    response = client.get("/zh-hans/portal/leads/")
    assert response.status_code == 200
    assert "隆远轮胎" in main_text(response) and "海湾化工" in main_text(response)


def test_the_dashboard_links_to_the_requests(client, company_a, member_a):
    client.force_login(member_a)

    response = client.get("/zh-hans/portal/")

    assert '<li data-link="leads"><a href="/zh-hans/portal/leads/">观众的联系请求</a></li>' in response.content.decode()


def rows_of(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_since_last_export_then_all(client, company_a, member_a):
    product = company_a.products.get()
    first = lead_make(company_a, name="陈思远", organisation="成都捷驰汽车服务有限公司", message="=HYPERLINK(\"x\")",
                      language="zh-hans", product=product, phone="+86 28 5550 3321")
    client.force_login(member_a)

    response = client.post(export_url(company_a, "zh-hans"), {"scope": "new"})

    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0][:4] == ["编号", "已发送", "状态", "发送人姓名"]
    assert rows[1][0] == str(first.pk) and rows[1][2] == "新请求" and rows[1][3] == "陈思远"
    assert rows[1][4] == "成都捷驰汽车服务有限公司" and rows[1][7] == "隆远轮胎轮胎"
    assert rows[1][6] == "'+86 28 5550 3321" and rows[1][8] == "'=HYPERLINK(\"x\")"  # no formula runs
    assert Lead.objects.get(pk=first.pk).exported_at is not None

    second = lead_make(company_a, name="Marta Kowalski", message="Winter tyres")
    again = rows_of(client.post(export_url(company_a), {"scope": "new"}))
    assert again[0][:4] == ["Number", "Sent", "Status", "Sender's name"]
    assert [row[0] for row in again[1:]] == [str(second.pk)]
    assert rows_of(client.post(export_url(company_a), {"scope": "new"}))[1:] == []
    everything = rows_of(client.post(export_url(company_a), {"scope": "all"}))
    assert [row[0] for row in everything[1:]] == [str(first.pk), str(second.pk)]


def test_export_needs_a_post_and_a_known_scope(client, company_a, member_a):
    lead = lead_make(company_a)
    client.force_login(member_a)

    assert client.get(export_url(company_a)).status_code == 405
    assert client.post(export_url(company_a), {"scope": "everything"}).status_code == 404
    assert Lead.objects.get(pk=lead.pk).exported_at is None


def test_every_portal_page_declares_its_permission():
    declared = {pattern.name: getattr(pattern.callback, "permission_required", None)
                for pattern in portal_urls.urlpatterns}

    assert declared == {"index": None, **dict.fromkeys(("list", "export", "lead"), "leads.manage_leads")}


def test_another_companys_requests_look_like_a_missing_company(client, both, member_b):
    client.force_login(member_b)
    lead = both["a"]

    refused = client.get(lead_url(lead))
    missing = client.get(f"/en/portal/leads/no-such-company/{lead.pk}/")

    assert (refused.status_code, missing.status_code) == (404, 404)
    assert "Alice Buyer" not in refused.content.decode() and "Longyuan" not in refused.content.decode()


def test_chinese_portal_pages_show_no_english_ui_strings(client, company_a, member_a):
    lead = lead_make(company_a, name="陈思远", email="chen@example.net", message="请报价", language="zh-hans")
    client.force_login(member_a)

    for path in (list_url(company_a, "zh-hans"), lead_url(lead, "zh-hans"), "/zh-hans/portal/leads/"):
        response = client.get(path, follow=True)
        text = re.sub(r"\S+@\S+|CSV|Excel|\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "", main_text(response))
        assert response.status_code == 200 and not LATIN.search(text), text
