"""Demo data of the Trading Center (a demo builder, see apps.core.registries.DemoBuilder): the natural-rubber spot
trading center with about forty notices over two years in both languages, some with PDF attachments made locally.

The content is in fixtures/demo/trading/ (center.json: the center and the trading staff member who drafts;
notices.json: the notices). Each notice goes through the real workflow: drafted and submitted by the demo trader,
approved by the demo author (an editor) at its issue date, so the serial numbers come from the services.
A notice is found again by its center, type, issue date and English title; what exists is kept.
"""

import datetime
import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from apps.accounts.demo import users_build, users_delete
from apps.core.demo.fixtures import DEMO_DIR, html
from apps.core.languages import CHINESE

from . import services
from .demo_pdf import DemoPdfWriter, plain_text
from .models import Notice, NoticeAttachment, NoticeCounter, TradingCenter

TRADING_DIR = DEMO_DIR / "trading"
LANGUAGES = ("en", CHINESE)
PUBLISHED_AT = datetime.time(9, 0)  # demo notices are approved at 09:00 on their issue date


def _read(name):
    with open(TRADING_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def _moment(value):
    """A local date-time from the fixtures ("2026-01-12T09:00"), aware in the site's time zone."""
    return timezone.make_aware(parse_datetime(value)) if value else None


def _translations(spec, fields):
    return {language: {name: html(spec[language][name]) for name in fields} for language in LANGUAGES}


def _center(spec):
    center = TradingCenter.objects.filter(slug=spec["slug"]).first()
    if center is not None:
        return center, 0
    return services.center_create(slug=spec["slug"], position=spec.get("position", 0),
                                  translations=_translations(spec["translations"], ("name", "introduction"))), 1


def _existing(center):
    found = {}
    for notice in Notice.objects.filter(center=center).prefetch_related("translations"):
        title = notice.safe_translation_getter("title", language_code="en")
        found[(notice.kind, notice.issue_date, title)] = notice
    return found


def _pdf_texts(center_spec, notices):
    names = [center_spec["translations"][language]["name"] for language in LANGUAGES]
    return names + [plain_text(html(spec[language][field])) for spec in notices for language in LANGUAGES
                    for field in ("title", "body")]


def _attachment(writer, center_spec, spec):
    heading = [center_spec["translations"][language]["name"] for language in LANGUAGES] + [spec["issue_date"]]
    sections = [(spec[language]["title"], [plain_text(line) for line in spec[language]["body"]])
                for language in LANGUAGES]
    return SimpleUploadedFile(spec["attachment"], writer.pdf(heading=heading, sections=sections),
                              content_type="application/pdf")


def _publish(*, spec, center, drafter, author, writer, center_spec, by_key):
    issue_date = parse_date(spec["issue_date"])
    supersedes = by_key.get(spec["supersedes"]) if spec.get("supersedes") else None
    notice = services.notice_create(
        center=center, kind=spec["kind"], author=drafter, translations=_translations(spec, ("title", "body")),
        issue_date=issue_date, effective_from=_moment(spec.get("effective_from")),
        effective_until=_moment(spec.get("effective_until")), pinned=spec.get("pinned", False),
        prevailing_language=spec.get("prevailing", CHINESE), supersedes=supersedes,
    )
    if spec.get("attachment"):
        services.attachment_add(notice=notice, upload=_attachment(writer, center_spec, spec), user=drafter)
    services.notice_submit(notice=notice, user=drafter)
    at = timezone.make_aware(datetime.datetime.combine(issue_date, PUBLISHED_AT))
    return services.notice_approve(notice=notice, user=author, at=at)


@transaction.atomic
def build(*, author):
    """Create the missing demo center, trader and notices; return how many records were created."""
    center_data, notices = _read("center.json"), _read("notices.json")["notices"]
    created = users_build(users=[center_data["drafter"]])
    drafter = get_user_model().objects.get(username=center_data["drafter"]["username"])
    center, center_created = _center(center_data["center"])
    created += center_created
    existing = _existing(center)
    by_key = {}
    ordered = sorted(notices, key=lambda spec: spec["issue_date"])  # serial numbers follow the issue dates
    with DemoPdfWriter(_pdf_texts(center_data["center"], notices)) as writer:
        for spec in ordered:
            found = existing.get((spec["kind"], parse_date(spec["issue_date"]), spec["en"]["title"]))
            if found is None:
                found = _publish(spec=spec, center=center, drafter=drafter, author=author, writer=writer,
                                 center_spec=center_data["center"], by_key=by_key)
                created += 1
            by_key[spec["key"]] = found
    return created


@transaction.atomic
def delete():
    """Delete the demo center with its notices, attachments and counters, and the demo trader."""
    center_data = _read("center.json")
    deleted = 0
    center = TradingCenter.objects.filter(slug=center_data["center"]["slug"]).first()
    if center is not None:
        notices = Notice.objects.filter(center=center)
        files = list(NoticeAttachment.objects.filter(notice__in=notices).values_list("file", flat=True))
        notices.update(supersedes=None)  # corrections protect what they supersede
        deleted += notices.count()
        notices.delete()
        NoticeCounter.objects.filter(center=center).delete()
        center.delete()
        deleted += 1
        transaction.on_commit(lambda: services.attachment_files_delete(names=files))
    removed, _kept = users_delete(users=[center_data["drafter"]])
    return deleted + removed
