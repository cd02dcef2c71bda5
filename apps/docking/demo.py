"""Demo data of Supply & Demand (a demo builder, see apps.core.registries.DemoBuilder): a docking session at the
rubber expo where tire and rubber-goods makers publish what their new plants need, with responses, shortlists,
a decline and one award whose outcome both sides published; one requirement waits for review.

The content is in fixtures/demo/docking/docking.json. Everything goes through the services: the demo companies
taking part are verified by the demo editor, requirements are drafted by their members, submitted and approved,
responses sent and decided. A requirement is found again by its company and English (else Chinese) title, so
loading twice creates nothing new. Deadlines count from the day the demo is loaded, so the board is never empty.
"""

import datetime
import json
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from fpdf import FPDF

from apps.accounts.demo import users_build, users_delete
from apps.companies.models import Company, ProductCategory
from apps.companies.services import company_member_add, company_verify
from apps.core.demo.fixtures import DEMO_DIR
from apps.core.languages import CHINESE

from . import services
from .models import Attachment, DockingEvent, Requirement, Response, ResponseStatus, Status

DEMO_FILE = DEMO_DIR / "docking" / "docking.json"
TRANSLATED = ("title", "description", "specifications")


def _read():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def _languages(spec):
    return [language for language, _name in settings.LANGUAGES if language in spec]


def _categories(specs):
    created = 0
    for spec in specs:
        if ProductCategory.objects.filter(slug=spec["slug"]).exists():
            continue
        parent = ProductCategory.objects.filter(slug=spec["parent"]).first() if spec["parent"] else None
        category = ProductCategory(slug=spec["slug"], parent=parent, position=spec["position"])
        for language in _languages(spec):
            category.set_current_language(language)
            category.name = spec[language]
        category.save()
        created += 1
    return created


def _event(spec, author):
    event = DockingEvent.objects.filter(slug=spec["slug"]).first()
    if event is not None:
        return event, 0
    event = DockingEvent(slug=spec["slug"], starts_on=datetime.date.fromisoformat(spec["starts_on"]),
                         edition_slug=spec.get("edition_slug", ""))
    for language in _languages(spec):
        event.set_current_language(language)
        for name in ("name", "venue", "description"):
            setattr(event, name, spec[language][name])
    return services.event_save(event=event, user=author), 1


def _people(data, author):
    """Verify the companies taking part and make the demo users members; {company slug: user}."""
    users_build(users=data["users"])
    user_model = get_user_model()
    for spec in data["users"]:
        company_member_add(company=Company.objects.get(slug=spec["company"]),
                           user=user_model.objects.get(username=spec["username"]))
    people = {**data["posters"], **data["suppliers"]}
    for slug in people:
        company_verify(company=Company.objects.get(slug=slug), by=author)
    return {slug: user_model.objects.get(username=username) for slug, username in people.items()}


def _pdf(spec, title):
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    pdf.add_page()
    pdf.set_font("helvetica", size=16)
    pdf.multi_cell(0, 10, text=spec["en"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 7, text=f"Attachment to the requirement: {title}", new_x="LMARGIN", new_y="NEXT")
    return SimpleUploadedFile(spec["name"], bytes(pdf.output()), content_type="application/pdf")


def _existing(company, spec):
    language = _languages(spec)[0]
    return Requirement.objects.filter(company=company, translations__language_code=language,
                                      translations__title=spec[language]["title"]).first()


def _requirement(spec, *, company, poster, author, event, categories, moment):
    translations = {language: {name: spec[language].get(name, "") for name in TRANSLATED}
                    for language in _languages(spec)}
    fields = {name: Decimal(spec[name]) if spec.get(name) else None for name in ("quantity", "budget_min",
                                                                                "budget_max")}
    requirement = services.requirement_create(
        company=company, user=poster, translations=translations, categories=[categories[s] for s in spec["categories"]],
        segment=spec["segment"], unit=spec.get("unit", ""), region=spec["region"],
        deadline=timezone.localdate() + datetime.timedelta(days=spec["deadline_days"]),
        currency=spec.get("currency", "CNY"), visibility=spec.get("visibility", "public"),
        event=event if spec.get("event") else None, **fields)
    if spec.get("attachment"):
        title = spec.get("en", spec.get(CHINESE))["title"]
        services.attachment_add(user=poster, requirement=requirement, upload=_pdf(spec["attachment"], title),
                                verified_only=spec["attachment"].get("verified_only", False))
    status = spec.get("status", "open")
    if status in ("review", "open"):
        requirement = services.requirement_submit(requirement=requirement, user=poster, now=moment)
    if status == "open":
        requirement = services.requirement_approve(requirement=requirement, user=author, now=moment)
    return requirement


def _responses(requirement, specs, *, poster, people):
    for spec in specs:
        company = Company.objects.get(slug=spec["company"])
        supplier = people[spec["company"]]
        response = services.response_create(
            requirement=requirement, company=company, user=supplier, message=spec["message"],
            capabilities=spec.get("capabilities", ""), price=Decimal(spec["price"]) if spec.get("price") else None,
            currency=spec.get("currency", "CNY"))
        for side, body in spec.get("thread", []):
            services.thread_post(response=response, user=poster if side == "poster" else supplier, body=body)
        if spec.get("decision") == ResponseStatus.AWARDED:
            services.response_decide(response=response, user=poster, decision=ResponseStatus.SHORTLISTED)
        if spec.get("decision"):
            services.response_decide(response=response, user=poster, decision=spec["decision"])
        if spec.get("publish"):
            services.outcome_agree(response=response, user=poster)
            services.outcome_agree(response=response, user=supplier)


@transaction.atomic
def build(*, author):
    """Create the missing demo event, users, requirements and responses; return how many records were created."""
    data = _read()
    created = _categories(data["categories"])
    people = _people(data, author)
    event, made = _event(data["event"], author)
    created += made
    categories = {category.slug: category for category in ProductCategory.objects.all()}
    released = timezone.make_aware(datetime.datetime.combine(event.starts_on, datetime.time(10, 0)))
    moment = min(released, timezone.now())
    for spec in data["requirements"]:
        company = Company.objects.get(slug=spec["company"])
        if _existing(company, spec) is not None:
            continue
        poster = people[spec["company"]]
        requirement = _requirement(spec, company=company, poster=poster, author=author, event=event,
                                   categories=categories, moment=moment)
        if requirement.status == Status.OPEN:
            _responses(requirement, spec.get("responses", []), poster=poster, people=people)
        created += 1
    return created


@transaction.atomic
def delete():
    """Delete the demo event and every requirement and response of the demo's companies (with their files), the
    demo users and the categories the demo added (when nothing else uses them)."""
    data = _read()
    slugs = [*data["posters"], *data["suppliers"]]
    requirements = Requirement.objects.filter(company__slug__in=slugs)
    responses = Response.objects.filter(company__slug__in=slugs)
    files = list(Attachment.objects.filter(requirement__in=requirements).values_list("file", flat=True))
    files += list(Attachment.objects.filter(response__in=responses).values_list("file", flat=True))
    deleted = responses.delete()[0] + requirements.delete()[0]
    deleted += DockingEvent.objects.filter(slug=data["event"]["slug"]).delete()[0]
    removed, _kept = users_delete(users=data["users"])
    for spec in reversed(data["categories"]):
        category = ProductCategory.objects.filter(slug=spec["slug"], products__isnull=True,
                                                  children__isnull=True).first()
        if category is not None:
            category.delete()
            deleted += 1
    transaction.on_commit(lambda: services.attachment_files_delete(names=files))
    return deleted + removed
