"""Requirements, responses and events of Supply & Demand for tests, made through the docking services (so a
requirement is opened by an editor's approval, as on the site)."""

import datetime
import itertools

from django.utils import timezone

from apps.docking import services
from apps.docking.models import DockingEvent
from tests.support.files import fpdf_document, upload

_sequence = itertools.count(1)


def texts(title_en=None, title_zh=None, description_en="", description_zh=""):
    values = {}
    if title_en is not None:
        values["en"] = {"title": title_en, "description": description_en or f"{title_en}: details.",
                        "specifications": ""}
    if title_zh is not None:
        values["zh-hans"] = {"title": title_zh, "description": description_zh or f"{title_zh}：详细要求。",
                             "specifications": ""}
    return values


def requirement_draft(*, company, user, categories, title_en=None, title_zh=None, translations=None, **fields):
    """A draft of `company` posted by `user` (a member of it), English and Chinese titles by default."""
    n = next(_sequence)
    if translations is None:
        translations = texts(title_en or f"Requirement {n}", title_zh if title_zh is not None else f"需求{n}")
    values = {"segment": "midstream", "region": "shandong",
              "deadline": timezone.localdate() + datetime.timedelta(days=30), **fields}
    return services.requirement_create(company=company, user=user, translations=translations,
                                       categories=categories, **values)


def requirement_open(*, editor, **kwargs):
    """A requirement drafted, submitted and approved by `editor`: open to responses."""
    requirement = requirement_draft(**kwargs)
    services.requirement_submit(requirement=requirement, user=kwargs["user"])
    return services.requirement_approve(requirement=requirement, user=editor)


def response_send(*, requirement, company, user, message="We can supply this.", **fields):
    return services.response_create(requirement=requirement, company=company, user=user, message=message, **fields)


def event_make(*, slug="tire-docking-2026", name_en="Tire chain docking", name_zh="轮胎产业链对接会", **fields):
    event = DockingEvent(slug=slug, starts_on=fields.pop("starts_on", timezone.localdate()), **fields)
    for language, name in (("en", name_en), ("zh-hans", name_zh)):
        event.set_current_language(language)
        event.name = name
    event.set_current_language("en")
    event.save()
    return event


def pdf_upload(name="specification.pdf"):
    """An uploaded real PDF (fpdf2), claiming no particular type."""
    return upload(name, fpdf_document())
