"""Demo expo (a demo builder, see apps.core.registries.DemoBuilder): the 2026 China (Qingdao) Rubber
Industry Expo with three halls of booths laid out in rows, a two-level product-category tree of the rubber chain,
and about sixty exhibitors in both languages with products, logos and product pictures drawn locally.

The content is in fixtures/demo/expo/: edition.json (edition and hall layouts), categories.json, kinds.json
(per kind of exhibitor: summary, highlight and product tables) and exhibitors.json (the twelve demo companies of
fixtures/demo/companies/ plus compact rows of generated ones). Records are found again by slug (edition,
categories, companies), hall and booth code; a company's products are made only when it has none. Loading twice
creates nothing new.
"""

import datetime
import json

from django.core.files.base import ContentFile
from django.db import transaction

from apps.companies.demo import logo_attach
from apps.companies.models import Company, Product, ProductCategory, ProductImage
from apps.companies.services import company_create, company_index
from apps.core.demo.fixtures import DEMO_DIR
from apps.core.languages import CHINESE

from .demo_images import product_png
from .models import Booth, Edition, Hall, Participation
from .services import expo_changed

EXPO_DIR = DEMO_DIR / "expo"
LANGUAGES = ("en", CHINESE)
MARGIN, AISLE = 4, 4  # metres around the booths and between pairs of rows


def _read(name):
    with open(EXPO_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def _translate(obj, values):
    for language in LANGUAGES:
        obj.set_current_language(language)
        for name, value in values[language].items():
            setattr(obj, name, value)
    return obj


def _categories(tree):
    created, by_slug = 0, {}
    for position, spec in enumerate(tree):
        for child_position, child in enumerate([None, *spec["children"]]):
            node = spec if child is None else child
            parent = None if child is None else by_slug[spec["slug"]]
            category = ProductCategory.objects.filter(slug=node["slug"]).first()
            if category is None:
                category = _translate(ProductCategory(slug=node["slug"], parent=parent,
                                                      position=position if child is None else child_position),
                                      {language: {"name": node[language]} for language in LANGUAGES})
                category.save()
                created += 1
            by_slug[node["slug"]] = category
    return created, by_slug


def _edition(spec):
    edition = Edition.objects.filter(slug=spec["slug"]).first()
    if edition is not None:
        return edition, 0
    edition = _translate(Edition(slug=spec["slug"], status=spec["status"],
                                 starts_on=datetime.date.fromisoformat(spec["starts_on"]),
                                 ends_on=datetime.date.fromisoformat(spec["ends_on"])), spec["translations"])
    edition.save()
    return edition, 1


def _layout(spec):
    """The hall's size and its booths (code, x, y, width, depth): pairs of rows back to back, aisles between."""
    width, depth = spec["booth"]
    booths = []
    for row in range(spec["rows"]):
        y = MARGIN + row * depth + (row // 2) * AISLE
        for col in range(spec["cols"]):
            booths.append((f"{spec['code']}{row + 1}{col + 1:02d}", MARGIN + col * width, y, width, depth))
    pairs = (spec["rows"] + 1) // 2
    return (2 * MARGIN + spec["cols"] * width, 2 * MARGIN + spec["rows"] * depth + (pairs - 1) * AISLE), booths


def _halls(edition, specs):
    created, halls = 0, {}
    for position, spec in enumerate(specs):
        (width, depth), layout = _layout(spec)
        hall = Hall.objects.filter(edition=edition, code=spec["code"]).first()
        if hall is None:
            hall = _translate(Hall(edition=edition, code=spec["code"], position=position, width=width, depth=depth),
                              {language: {"name": spec[language]} for language in LANGUAGES})
            hall.save()
            created += 1
        existing = set(hall.booths.values_list("code", flat=True))
        missing = [Booth(hall=hall, code=code, x=x, y=y, width=w, depth=d)
                   for code, x, y, w, d in layout if code not in existing]
        Booth.objects.bulk_create(missing)
        created += len(missing)
        halls[spec["code"]] = (hall, spec["kinds"])
    return created, halls


def _generated_company(row, kind, index, countries):
    slug, _kind, region, en, zh, short_en, short_zh, city_en, city_zh = row
    texts = {"en": {"short": short_en, "city": city_en}, CHINESE: {"short": short_zh, "city": city_zh}}
    translations = {language: {
        "name": {"en": en, CHINESE: zh}[language], "short_name": texts[language]["short"],
        "city": texts[language]["city"], "summary": kind["summary"][language].format(**texts[language]),
        "profile": "<p>{}</p>".format(kind["summary"][language].format(**texts[language])),
    } for language in LANGUAGES}
    country = countries.get(slug, "CN")
    phone = f"+86 400 {100 + index:03d} {(index * 367) % 10000:04d}" if country == "CN" else ""
    return company_create(slug=slug, segment=kind["segment"], region=region, translations=translations,
                          website=f"https://www.{slug}.example", email=f"info@{slug}.example", phone=phone,
                          country=country)


def _companies(spec, kinds):
    """[(company, kind name)] in fixture order; creates the generated companies that are missing."""
    created, found = 0, []
    for slug, (kind, region) in spec["existing"].items():
        company = Company.objects.filter(slug=slug).first()
        if company is None:
            continue
        if not company.region:
            Company.objects.filter(pk=company.pk).update(region=region)
        found.append((company, kind))
    for index, row in enumerate(spec["companies"]):
        company = Company.objects.filter(slug=row[0]).first()
        if company is None:
            company = _generated_company(row, kinds[row[1]], index, spec["countries"])
            created += 1
        if not company.logo:
            initials = "".join(word[0] for word in row[5].split()[:2]).upper()
            logo_attach(company, {"logo": {"text": initials, "color": kinds[row[1]]["colour"]}})
        found.append((company, row[1]))
    return created, found


def _products(company, index, kind, categories):
    """1-4 products of the company's kind (none made when it has some already); returns how many were made."""
    if company.products.exists():
        return 0
    table = kind["products"]
    count = min(len(table), 1 + index % 4)
    for position in range(count):
        category, en, zh, description_en, description_zh = table[(index + position) % len(table)]
        product = _translate(Product(company=company, position=position), {
            "en": {"name": en, "description": description_en},
            CHINESE: {"name": zh, "description": description_zh}})
        product.save()
        product.categories.set([categories[category]])
        family = categories[category].parent.slug if categories[category].parent_id else category
        picture = ProductImage(product=product, position=0)
        picture.image.save(f"{company.slug}-{position + 1}.png",
                           ContentFile(product_png(name=en, family=family, colour=kind["colour"])), save=True)
    return count


def _participation(company, index, kind_name, kind, edition, free_booths, unconfirmed):
    if Participation.objects.filter(company=company, edition=edition).exists():
        return 0
    products = list(company.products.prefetch_related("translations", "categories"))
    first = products[0] if products else None
    highlights = {language: {"highlights": kind["highlight"][language].format(
        product=first.safe_translation_getter("name", language_code=language) if first else "")}
        for language in LANGUAGES}
    participation = _translate(Participation(company=company, edition=edition,
                                             is_confirmed=company.slug not in unconfirmed), highlights)
    participation.save()
    participation.categories.set({category for product in products for category in product.categories.all()})
    wanted = 1 + (index % 3 == 0) + (kind_name in ("tires", "machinery") and index % 4 == 0)
    taken = free_booths[:wanted]
    del free_booths[:wanted + (index % 4 == 3)]  # now and then a free booth between two stands
    Booth.objects.filter(pk__in=[booth.pk for booth in taken]).update(participation=participation)
    return 1


@transaction.atomic
def build(*, author):
    edition_spec, exhibitors, kinds = _read("edition.json"), _read("exhibitors.json"), _read("kinds.json")
    created, categories = _categories(_read("categories.json"))
    edition, made = _edition(edition_spec["edition"])
    created += made
    made, halls = _halls(edition, edition_spec["halls"])
    created += made
    free = {code: list(hall.booths.filter(participation__isnull=True).order_by("code"))
            for code, (hall, _kinds) in halls.items()}
    hall_of_kind = {kind: code for code, (_hall, kind_names) in halls.items() for kind in kind_names}
    made, companies = _companies(exhibitors, kinds)
    created += made
    for index, (company, kind_name) in enumerate(companies):
        kind = kinds[kind_name]
        created += _products(company, index, kind, categories)
        created += _participation(company, index, kind_name, kind, edition, free[hall_of_kind[kind_name]],
                                  set(exhibitors["unconfirmed"]))
        company_index(company=company)
    expo_changed()
    return created


def _files_remove(storage, names):
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


@transaction.atomic
def delete():
    exhibitors, tree = _read("exhibitors.json"), _read("categories.json")
    slugs = [*exhibitors["existing"], *[row[0] for row in exhibitors["companies"]]]
    deleted = Edition.objects.filter(slug=_read("edition.json")["edition"]["slug"]).delete()[0]
    images = ProductImage.objects.filter(product__company__slug__in=slugs)
    names = list(images.values_list("image", flat=True))
    deleted += Product.objects.filter(company__slug__in=slugs).delete()[0]
    generated = Company.objects.filter(slug__in=[row[0] for row in exhibitors["companies"]])
    logos = [name for name in generated.values_list("logo", flat=True) if name]
    deleted += generated.delete()[0]
    children = [child["slug"] for spec in tree for child in spec["children"]]
    deleted += ProductCategory.objects.filter(slug__in=children).delete()[0]
    deleted += ProductCategory.objects.filter(slug__in=[spec["slug"] for spec in tree]).delete()[0]
    storage = ProductImage._meta.get_field("image").storage
    transaction.on_commit(lambda: _files_remove(storage, names + logos))
    expo_changed()
    return deleted
