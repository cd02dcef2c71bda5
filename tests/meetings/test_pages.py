"""The meetings pages in both languages: the company page's "Book a meeting" (cached, stale when availability
changes), the slot picker (login link for anonymous visitors, booking, a taken slot's clear error), "My
meetings" (cancel, accept a proposal), the portal's requests (accept, decline, propose) and availability."""

import datetime

import pytest

from apps.meetings import services
from apps.meetings.models import Availability, MeetingRequest, Status

from .support import at, book, someone


def page(response):
    return response.content.decode()


@pytest.mark.usefixtures("expo_page", "media_root")
def test_company_page_links_the_picker_while_days_are_open(client, company_a, coming_edition, day_one,
                                                           django_capture_on_commit_callbacks):
    url = f"/en/expo/companies/{company_a.slug}/"
    first = client.get(url)
    assert first.status_code == 200 and "data-book-meeting" not in page(first)
    assert client.get(url).headers["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.availability_save(company=company_a, edition=coming_edition, day=day_one,
                                   starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                                   location="booth")
    response = client.get(url)
    assert response.headers["X-Page-Cache"] == "miss"  # the meetings namespace was bumped
    assert f'href="/en/meetings/book/{company_a.slug}/" data-book-meeting>Book a meeting' in page(response)
    chinese = page(client.get(f"/zh-hans/expo/companies/{company_a.slug}/"))
    assert f'href="/zh-hans/meetings/book/{company_a.slug}/" data-book-meeting>预约洽谈' in chinese
    with django_capture_on_commit_callbacks(execute=True):
        services.availability_save(company=company_a, edition=coming_edition, day=day_one,
                                   starts_at=datetime.time(10), ends_at=datetime.time(11), slot_minutes=30,
                                   location="booth", is_open=False)
    assert "data-book-meeting" not in page(client.get(url))


@pytest.mark.parametrize("language, login, zone", [("en", "Sign in", "All times are Beijing time."),
                                                    ("zh-hans", "登录", "所有时间均为北京时间。")])
def test_anonymous_visitors_see_the_slots_and_a_login_link(client, company_a, days_a, language, login, zone):
    response = client.get(f"/{language}/meetings/book/{company_a.slug}/")
    text = page(response)
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert f'/{language}/accounts/login/?next=/{language}/meetings/book/{company_a.slug}/' in text
    assert login in text and zone in text
    assert "10:00" in text and 'name="start"' not in text and "<form" not in text.split("<main")[-1].split(
        "</main>")[0]


@pytest.mark.parametrize("language, sent", [("en", "Your request was sent."), ("zh-hans", "您的请求已发送")])
def test_a_signed_in_visitor_books_a_slot(client, company_a, days_a, visitor, language, sent):
    client.force_login(visitor)
    picker = client.get(f"/{language}/meetings/book/{company_a.slug}/")
    assert picker.status_code == 200 and 'value="' + f"{days_a.day:%Y%m%d}T1030" + '"' in page(picker)
    response = client.post(f"/{language}/meetings/book/{company_a.slug}/",
                           {"start": f"{days_a.day:%Y%m%d}T1030", "message": "Radial tyres"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/{language}/meetings/"
    assert sent in page(response)
    meeting = MeetingRequest.objects.get()
    assert (meeting.requester, meeting.status, meeting.local_start.hour, meeting.message) == (
        visitor, Status.REQUESTED, 10, "Radial tyres")


@pytest.mark.parametrize("language, error", [
    ("en", "This slot has just been taken. Please choose another one."),
    ("zh-hans", "该时段刚刚被预约，请选择其他时段。"),
])
def test_a_slot_taken_meanwhile_gets_a_clear_error(client, company_a, days_a, visitor, visitor_zh, language, error):
    client.force_login(visitor)
    picker_slots = f"{days_a.day:%Y%m%d}T1000"
    assert picker_slots in page(client.get(f"/{language}/meetings/book/{company_a.slug}/"))
    # another visitor books it through the service while this one still looks at the page: the form's choices
    # are built again on the post, so the slot is refused as not free
    book(visitor_zh, days_a, 10)
    response = client.post(f"/{language}/meetings/book/{company_a.slug}/", {"start": picker_slots})
    assert response.status_code == 400
    assert MeetingRequest.objects.filter(requester=visitor).count() == 0
    assert ("This slot is not free any more." if language == "en" else "该时段已不再空闲") in page(response)
    assert error  # the service's own message (the race itself) is checked in test_concurrency.py


@pytest.mark.parametrize("language, message", [("en", "Choose a time."), ("zh-hans", "请选择时间。")])
def test_bad_input_answers_400_in_the_language(client, company_a, days_a, visitor, language, message):
    client.force_login(visitor)
    response = client.post(f"/{language}/meetings/book/{company_a.slug}/", {"start": "", "message": "x"})
    assert response.status_code == 400 and message in page(response)
    response = client.post(f"/{language}/meetings/book/{company_a.slug}/", {"start": "2026-13-45T99"})
    assert response.status_code == 400
    assert not MeetingRequest.objects.exists()


def test_members_cannot_book_their_own_company(client, company_a, days_a, member_a):
    client.force_login(member_a)
    response = client.get(f"/en/meetings/book/{company_a.slug}/")
    assert "You cannot book a meeting with your own company." in page(response)
    response = client.post(f"/en/meetings/book/{company_a.slug}/", {"start": f"{days_a.day:%Y%m%d}T1000"})
    assert response.status_code == 400 and not MeetingRequest.objects.exists()


def test_a_member_of_another_company_books_on_its_behalf(client, company_a, company_b, days_a, member_b):
    client.force_login(member_b)
    text = page(client.get(f"/en/meetings/book/{company_a.slug}/"))
    assert "Haiwan Chemical" in text and "Myself" in text
    client.post(f"/en/meetings/book/{company_a.slug}/", {"start": f"{days_a.day:%Y%m%d}T1000",
                                                          "requester_company": company_b.pk})
    assert MeetingRequest.objects.get().requester_company == company_b


def test_my_meetings_cancel_and_accept_a_proposal(client, days_a, visitor):
    first = book(visitor, days_a, 10)
    client.force_login(visitor)
    text = page(client.get("/zh-hans/meetings/"))
    assert "已申请" in text and "隆远轮胎" in text
    response = client.post(f"/en/meetings/{first.pk}/cancel/", follow=True)
    assert "The meeting request is cancelled." in page(response)
    assert MeetingRequest.objects.get(pk=first.pk).status == Status.CANCELLED
    second = book(visitor, days_a, 10)
    services.meeting_propose(meeting=second, availability=days_a, start=at(days_a.day, 11, 30))
    text = page(client.get("/en/meetings/"))
    assert "Another time proposed" in text and "11:30" in text and "data-accept-proposal" in text
    client.post(f"/en/meetings/{second.pk}/accept/")
    assert MeetingRequest.objects.get(pk=second.pk).status == Status.ACCEPTED
    response = client.post(f"/en/meetings/{second.pk}/accept/")
    assert response.status_code == 400 and "There is no proposal waiting for your answer." in page(response)


@pytest.mark.parametrize("language, accepted", [
    ("en", "The meeting is confirmed. Both of you find it in your agenda."),
    ("zh-hans", "洽谈已确认"),
])
def test_the_exhibitor_accepts_declines_and_proposes(client, company_a, days_a, member_a, visitor, visitor_zh,
                                                     language, accepted):
    waiting, other = book(visitor, days_a, 10, message="About tyres"), book(visitor_zh, days_a, 11)
    client.force_login(member_a)
    base = f"/{language}/portal/meetings/{company_a.slug}/"
    text = page(client.get(base))
    assert "About tyres" in text and "Anna Smith" in text and "data-propose" in text
    response = client.post(f"{base}{waiting.pk}/accept/", follow=True)
    assert accepted in page(response)
    assert MeetingRequest.objects.get(pk=waiting.pk).status == Status.ACCEPTED
    response = client.post(f"{base}{other.pk}/propose/", {f"r{other.pk}-start": f"{days_a.day:%Y%m%d}T1000"})
    assert response.status_code == 400  # 10:00 is held by the accepted meeting: not among the choices
    client.post(f"{base}{other.pk}/propose/", {f"r{other.pk}-start": f"{days_a.day:%Y%m%d}T1130"})
    other.refresh_from_db()
    assert (other.status, other.local_start.strftime("%H:%M")) == (Status.PROPOSED, "11:30")
    third = book(someone(), days_a, 10, 30)
    client.post(f"{base}{third.pk}/decline/")
    assert MeetingRequest.objects.get(pk=third.pk).status == Status.DECLINED
    response = client.post(f"{base}{third.pk}/accept/")
    assert response.status_code == 400



@pytest.mark.parametrize("language, saved", [("en", "Your availability for"), ("zh-hans", "的洽谈时间已保存")])
def test_availability_per_expo_day(client, company_a, coming_edition, booth_a, member_a, language, saved):
    client.force_login(member_a)
    url = f"/{language}/portal/meetings/{company_a.slug}/availability/"
    text = page(client.get(url))
    days = [coming_edition.starts_on + datetime.timedelta(days=n) for n in range(3)]
    assert all(f'data-day="{day:%Y-%m-%d}"' in text for day in days)
    prefix = f"d{days[1]:%Y%m%d}"
    response = client.post(url, {"day": f"{days[1]:%Y%m%d}", f"{prefix}-day": f"{days[1]:%Y-%m-%d}",
                                 f"{prefix}-is_open": "on", f"{prefix}-starts_at": "13:00",
                                 f"{prefix}-ends_at": "15:00", f"{prefix}-slot_minutes": "15",
                                 f"{prefix}-location": "table", f"{prefix}-table_name": "B-3"}, follow=True)
    assert saved in page(response)
    saved_day = Availability.objects.get(company=company_a)
    assert (saved_day.day, saved_day.slot_minutes, saved_day.place, len(saved_day.slot_starts())) == (
        days[1], 15, "B-3", 8)
    response = client.post(url, {"day": f"{days[1]:%Y%m%d}", f"{prefix}-day": f"{days[1]:%Y-%m-%d}",
                                 f"{prefix}-starts_at": "15:00", f"{prefix}-ends_at": "13:00",
                                 f"{prefix}-slot_minutes": "15", f"{prefix}-location": "table"})
    assert response.status_code == 400
    assert ("The window must end after it starts." if language == "en" else "结束时间必须晚于开始时间") in page(response)
    assert client.post(url, {"day": "20990101"}).status_code == 400


def test_availability_needs_a_participation(client, company_a, member_a, coming_edition):
    company_a.participations.all().delete()
    client.force_login(member_a)
    text = page(client.get(f"/en/portal/meetings/{company_a.slug}/availability/"))
    assert "does not exhibit at the current expo" in text and "data-save-day" not in text
