"""Expo records for tests: editions, halls, booths, participations, product categories and products.

Participations and products are indexed for the directory (initials, search document) as the services do.
`expo_page` is a pytest fixture (imported by tests/expo/conftest.py): home and the Expo page with the apphook.
"""

import datetime
import io
import itertools

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from apps.companies.models import Product, ProductCategory, ProductImage
from apps.companies.services import company_index
from apps.expo.models import Booth, Edition, EditionStatus, Hall, Participation

from .accounts import make_user
from .cms_pages import apphook_detach, make_page
from .companies import CompanyFactory

_counter = itertools.count(1)


def _translate(obj, values):
    """values: {"en": {field: value}, "zh-hans": {...}}; leaves English current."""
    for language, fields in values.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.set_current_language("en")


def make_edition(*, slug=None, status=EditionStatus.OPEN, name_en=None, name_zh=None, starts_on=None, days=3,
                 venue_en="Qingdao International Expo Center", venue_zh="青岛国际博览中心",
                 languages=("en", "zh-hans")):
    number = next(_counter)
    slug = slug or f"expo-{number}"
    starts_on = starts_on or datetime.date(2026, 9, 16)
    edition = Edition(slug=slug, status=status, starts_on=starts_on,
                      ends_on=starts_on + datetime.timedelta(days=days - 1))
    values = {"en": {"name": name_en or f"Rubber Expo {number}", "venue": venue_en, "city": "Qingdao"},
              "zh-hans": {"name": name_zh or f"橡胶博览会{number}", "venue": venue_zh, "city": "青岛"}}
    _translate(edition, {language: values[language] for language in languages})
    edition.save()
    return edition


def make_hall(*, edition, code="A", name_en=None, name_zh=None, width=60, depth=40, position=0):
    hall = Hall(edition=edition, code=code, width=width, depth=depth, position=position)
    _translate(hall, {"en": {"name": name_en or f"Hall {code}"}, "zh-hans": {"name": name_zh or f"{code}馆"}})
    hall.save()
    return hall


def make_booth(*, hall, code=None, participation=None, x=None, y=None, width=3, depth=3):
    """A booth; without a position it takes the next free slot of a 6 m grid."""
    taken = hall.booths.count()
    per_row = max(1, (hall.width - 2) // 6)
    x = x if x is not None else 2 + (taken % per_row) * 6
    y = y if y is not None else 2 + (taken // per_row) * 6
    code = code or f"{hall.code}{101 + taken}"
    return Booth.objects.create(hall=hall, code=code, participation=participation, x=x, y=y, width=width,
                                depth=depth)


def make_participation(*, company=None, edition=None, booths=(), categories=(), is_confirmed=True,
                       highlights=None, hall=None):
    """A company (a new one by default) exhibiting in `edition`; `booths` are Booth objects or codes (made in
    `hall`, by default the edition's first hall, made when missing). The company is indexed afterwards."""
    company = company or CompanyFactory()
    edition = edition or make_edition()
    participation = Participation(company=company, edition=edition, is_confirmed=is_confirmed)
    _translate(participation, highlights or {"en": {"highlights": ""}})
    participation.save()
    participation.categories.set(categories)
    for booth in booths:
        if isinstance(booth, str):
            hall = hall or edition.halls.first() or make_hall(edition=edition)
            make_booth(hall=hall, code=booth, participation=participation)
        else:
            booth.participation = participation
            booth.save(update_fields=["participation"])
    company_index(company=company)
    return participation


def make_category(*, slug, en, zh, parent=None, position=0):
    """A product category (of apps.companies.catalogue)."""
    category = ProductCategory(slug=slug, parent=parent, position=position)
    _translate(category, {"en": {"name": en}, "zh-hans": {"name": zh}})
    category.save()
    return category


def image_bytes(size=(400, 300), color="#1f6f8b"):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def make_product(*, company, en=None, zh=None, description_en="", description_zh="", categories=(), images=0,
                 position=0):
    """A product with names in the languages given (None leaves a language out) and `images` PNG images."""
    number = next(_counter)
    product = Product(company=company, position=position)
    values = {}
    if en is not None or zh is None:
        values["en"] = {"name": en or f"Product {number}", "description": description_en}
    if zh is not None:
        values["zh-hans"] = {"name": zh, "description": description_zh}
    _translate(product, values)
    if "en" not in values:
        product.set_current_language("zh-hans")
    product.save()
    product.categories.set(categories)
    for index in range(images):
        picture = ProductImage(product=product, position=index)
        picture.image.save(f"product-{product.pk}-{index}.png", ContentFile(image_bytes()), save=True)
    company_index(company=company)
    return product


def make_expo_page(*, user=None):
    """Home and the Expo page with the expo apphook (namespace "expo"), published in both languages."""
    admin = user or make_user(username=f"expo-pages-admin-{next(_counter)}", is_staff=True, is_superuser=True)
    home = make_page(title_en="Home", title_zh="首页", slug="home", template="cms/home.html", home=True, user=admin)
    expo = make_page(title_en="Expo", title_zh="博览会", slug="expo", template="cms/section.html", user=admin,
                     apphook="ExpoApphook", apphook_namespace="expo")
    return {"home": home, "expo": expo}


@pytest.fixture
def expo_page(db):
    """The Expo CMS page with the expo apphook at /<lang>/expo/ (and the home page); detached after the test."""
    pages = make_expo_page()
    yield pages["expo"]
    apphook_detach(pages["expo"])
