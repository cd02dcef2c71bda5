"""The demo companies of the rubber and tire industry chain, with generated logos."""

import io

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from apps.companies.models import Company
from apps.companies.services import company_create

from .fixtures import html

COMPANY_FIELDS = ("website", "email", "phone", "country")
LOGO_SIZE = 256


def logo_png(*, text, color):
    """A square PNG logo: white initials on a coloured ground. The same input always gives the same bytes."""
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), color)
    font = ImageFont.load_default(size=LOGO_SIZE * 2 // (len(text) + 2))  # Pillow's bundled font: same everywhere
    ImageDraw.Draw(image).text((LOGO_SIZE / 2, LOGO_SIZE / 2), text, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _storage():
    return Company._meta.get_field("logo").storage


def _logo_attach(company, spec):
    data = logo_png(**spec["logo"])
    filename = f"{company.slug}.png"
    name = company.logo.field.generate_filename(company, filename)
    storage = _storage()
    if storage.exists(name):
        with storage.open(name, "rb") as existing:
            if existing.read() == data:  # left by an earlier run (e.g. reset_demo): reuse it
                company.logo.name = name
                company.save(update_fields=["logo"])
                return
    company.logo.save(filename, ContentFile(data), save=True)


def _translations(spec):
    return {
        language: {name: html(value) for name, value in values.items()}
        for language, values in spec["translations"].items()
    }


def companies_build(*, companies):
    """Create the missing demo companies and give a logo to those without one; return how many were created."""
    created = 0
    for spec in companies:
        company = Company.objects.filter(slug=spec["slug"]).first()
        if company is None:
            company = company_create(
                slug=spec["slug"], segment=spec["segment"], translations=_translations(spec),
                **{name: spec[name] for name in COMPANY_FIELDS if name in spec},
            )
            created += 1
        if not company.logo and spec.get("logo"):
            _logo_attach(company, spec)
    return created


def _logos_remove_unused(names):
    storage = _storage()
    for name in names:
        if not Company.objects.filter(logo=name).exists():
            storage.delete(name)


def companies_delete(*, companies):
    """Delete the demo companies (memberships go with them); their logo files go once the deletion commits."""
    queryset = Company.objects.filter(slug__in=[spec["slug"] for spec in companies])
    logos = [name for name in queryset.values_list("logo", flat=True) if name]
    count = queryset.count()
    queryset.delete()
    if logos:
        transaction.on_commit(lambda: _logos_remove_unused(logos))
    return count
