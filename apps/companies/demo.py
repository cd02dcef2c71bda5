"""The demo companies of the rubber and tire industry chain (fixtures/demo/companies/), with generated logos, and
the demo users' memberships; registered with apps.core's demo loader in CompaniesConfig.ready()."""

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from apps.core.demo.fixtures import demo_data_read, html

from .models import Company
from .services import company_create, company_member_add

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


def logo_attach(company, spec):
    """Give the company the logo `spec["logo"]` describes (reusing an identical file an earlier run left)."""
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
            logo_attach(company, spec)
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


def memberships_build(*, users):
    """Make each demo user with a `company` a member of that company (once)."""
    user_model = get_user_model()
    for spec in users:
        if spec.get("company"):
            company_member_add(company=Company.objects.get(slug=spec["company"]),
                               user=user_model.objects.get(username=spec["username"]))


def build(*, author):
    """The demo loader's builder (after accounts' users, before the pages: `author` is None)."""
    data = demo_data_read()
    created = companies_build(companies=data.companies)
    memberships_build(users=data.users)
    return created


def delete():
    return companies_delete(companies=demo_data_read().companies)
