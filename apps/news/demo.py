"""Demo data of the News Center: categories, tags and ~30 bilingual articles with generated cover images.

The content lives in fixtures/demo/news/ (taxonomy.json, articles.json); registered with the demo loader
(apps.core.registries.demo_builder_register) in NewsConfig.ready().
Articles are found again by their English slug; loading twice creates nothing new.
"""

import io
import json
import math

from django.db import transaction
from django.utils.dateparse import parse_datetime
from PIL import Image, ImageDraw

from apps.companies.models import Company
from apps.core.demo.fixtures import DEMO_DIR, html

from . import services
from .models import Article, Category, Tag

NEWS_DIR = DEMO_DIR / "news"
COVER_SIZE = (1200, 675)


def _read(name):
    with open(NEWS_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def cover_png(*, color, seed):
    """A calm cover: a two-tone ground with tire-like rings. The same input always gives the same bytes."""
    width, height = COVER_SIZE
    base = tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
    image = Image.new("RGB", COVER_SIZE, base)
    draw = ImageDraw.Draw(image)
    for row in range(height):  # a vertical gradient towards a lighter tone
        mix = row / height * 0.45
        draw.line([(0, row), (width, row)], fill=tuple(int(c + (255 - c) * mix) for c in base))
    centre_x = width * (0.25 + (seed * 37 % 50) / 100)
    centre_y = height * (0.35 + (seed * 17 % 30) / 100)
    for ring in range(7):
        radius = 105 + ring * 52 + (seed % 5) * 10
        shade = tuple(min(255, c + 25 + ring * 12) for c in base)
        draw.ellipse([centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius],
                     outline=shade, width=14 - ring * 2)
    for spoke in range(12):
        angle = math.tau * spoke / 12 + seed
        draw.line([(centre_x, centre_y), (centre_x + 90 * math.cos(angle), centre_y + 90 * math.sin(angle))],
                  fill=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _translated(model, values):
    for language, fields in values.items():
        model.set_current_language(language)
        for name, value in fields.items():
            setattr(model, name, value)
    return model


def _taxonomy_build(taxonomy):
    created = 0
    for spec in taxonomy["categories"]:  # parents come before their children in the file
        if not Category.objects.filter(slug=spec["slug"]).exists():
            parent = Category.objects.get(slug=spec["parent"]) if spec["parent"] else None
            _translated(Category(slug=spec["slug"], parent=parent, position=spec["position"]),
                        spec["translations"]).save()
            created += 1
    for spec in taxonomy["tags"]:
        if not Tag.objects.filter(slug=spec["slug"]).exists():
            _translated(Tag(slug=spec["slug"]), spec["translations"]).save()
            created += 1
    return created


def _existing_slugs():
    translation_model = Article._parler_meta.root_model
    return set(translation_model.objects.filter(language_code="en").values_list("slug", flat=True))


@transaction.atomic
def build(*, author):
    """Create the missing demo categories, tags and articles (published by `author`); return how many."""
    taxonomy = _read("taxonomy.json")
    colors = {spec["slug"]: spec["color"] for spec in taxonomy["categories"]}
    created = _taxonomy_build(taxonomy)
    existing = _existing_slugs()
    for seed, spec in enumerate(_read("articles.json")):
        if spec["slug"] in existing:
            continue
        translations = {language: {**values, "body": html(values["body"])}
                        for language, values in spec["translations"].items()}
        article = services.article_create(
            author=author, translations=translations, category=Category.objects.get(slug=spec["category"]),
            tags=Tag.objects.filter(slug__in=spec["tags"]),
            companies=Company.objects.filter(slug__in=spec["companies"]),
            cover_data=cover_png(color=colors[spec["category"]], seed=seed),
        )
        services.article_publish(article=article, user=author, publish_at=parse_datetime(spec["publish_at"]))
        created += 1
    return created


def _files_remove(names):
    storage = Article._meta.get_field("cover").storage
    for name in names:
        if name and not any(Article.objects.filter(**{field: name}).exists()
                            for field in ("cover", "cover_list", "cover_detail", "cover_social")):
            storage.delete(name)


@transaction.atomic
def delete():
    """Delete the demo articles, tags and categories; cover files go once the deletion commits."""
    slugs = [spec["slug"] for spec in _read("articles.json")]
    taxonomy = _read("taxonomy.json")
    articles = Article.objects.filter(translations__language_code="en", translations__slug__in=slugs)
    files = [name for row in articles.values_list("cover", "cover_list", "cover_detail", "cover_social")
             for name in row]
    count = Article.objects.filter(pk__in=list(articles.values_list("pk", flat=True))).delete()[1].get(
        "news.Article", 0)
    tags = Tag.objects.filter(slug__in=[spec["slug"] for spec in taxonomy["tags"]], articles__isnull=True)
    count += tags.delete()[1].get("news.Tag", 0)
    for spec in reversed(taxonomy["categories"]):  # children first
        category = Category.objects.filter(slug=spec["slug"], articles__isnull=True, children__isnull=True).first()
        if category is not None:
            category.delete()
            count += 1
    if files:
        transaction.on_commit(lambda: _files_remove(files))
    services_changed()
    return count


def services_changed():
    from .cache import content_version_bump

    transaction.on_commit(content_version_bump)
