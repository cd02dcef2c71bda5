"""What Supply & Demand adds to the site search: requirements everyone may see (open, closed, awarded or
cancelled, shown to everyone), in each language they are written in; drafts, those in review and those for
verified companies only never appear."""

from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _

from apps.search.registry import Entry, Source, source_register

from .models import PUBLIC_STATUSES, Requirement, Visibility, docking_url

TYPE = "requirement"


def _public():
    return Requirement.objects.filter(status__in=PUBLIC_STATUSES, visibility=Visibility.PUBLIC)


def objects():
    return _public().values_list("pk", flat=True)


def _category(requirement, language):
    categories = sorted(requirement.categories.all(), key=lambda category: category.pk)
    if not categories:
        return ("", "")
    names = {row.language_code: row.name for row in categories[0].translations.all()}
    return (categories[0].slug, names.get(language) or next(iter(names.values()), categories[0].slug))


def documents(ids):
    found = {}
    for requirement in _public().filter(pk__in=ids).prefetch_related("translations", "categories__translations"):
        entries = []
        for row in requirement.translations.all():
            if not row.title:
                continue
            try:
                url = docking_url("requirement", row.language_code, pk=requirement.pk)
            except NoReverseMatch:  # the Supply & Demand page is not hooked in
                continue
            entries.append(Entry(language=row.language_code, title=row.title, url=url,
                                 body=f"{row.description}\n{row.specifications}", published_at=requirement.published_at,
                                 category=_category(requirement, row.language_code)))
        found[requirement.pk] = entries
    return found


def register():
    source_register(Source(type=TYPE, label=_("Requirements"), objects=objects, documents=documents,
                           facets=("category",), position=70))
