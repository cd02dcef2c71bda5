"""What the feature apps tell the editors' desk, each in its `AppConfig.ready()` (docs/architecture.md lists them):

- `queue_source_register(QueueSource(...))`: one kind of work waiting for editors (articles in review, profile
  changes, notices awaiting the second approval...). `allowed(user)` says whether the user may act on it at all;
  `rows(*, user, limit)` returns a `QueueSlice`, in at most two queries (`queue_slice` does so for a queryset).
- `completeness_register(CompletenessSource(...))`: a content type of the bilingual completeness report
  (`parler_completeness_register` for the usual case: a django-parler model completed on its admin edit page).
  `rows()` is a queryset annotated with `label` and one boolean `lacks_<language>` per language
  (`parler_lacking` builds it for a django-parler model); `url(row, language)` the page where it is completed.
- `translation_watch_register(model, fields)`: a django-parler model whose translations the translation status
  follows. Once another language of the same object changes those fields, a language is flagged "needs update".

Nothing here imports a feature app; an app that registers nothing is simply not on the desk.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language, get_language_info

QUEUE_LIMIT = 10  # rows of each source on the dashboard
QUEUE_CAP = 99  # counted at most; more shows as "99+"


@dataclass(frozen=True)
class QueueItem:
    what: str
    company: str  # the company (or trading center) concerned, "" if none
    since: datetime | None
    url: str


@dataclass(frozen=True)
class QueueSlice:
    items: list
    count: int  # min(waiting, QUEUE_CAP)
    capped: bool = False  # more than QUEUE_CAP wait


@dataclass(frozen=True)
class QueueSource:
    key: str
    label: str  # translatable, e.g. "Articles in review"
    allowed: Callable  # allowed(user) -> bool; no query beyond the user's cached permissions
    rows: Callable  # rows(*, user, limit) -> QueueSlice, at most two queries
    position: int = 100


@dataclass(frozen=True)
class CompletenessSource:
    key: str
    label: str
    permission: str  # the model permission whose holders see the source, e.g. "news.change_article"
    rows: Callable  # rows() -> queryset annotated with `label` and `lacks_<language>` (see lacks_name)
    url: Callable  # url(row, language) -> the page where the missing language is filled in
    position: int = 100


@dataclass(frozen=True)
class TranslationWatch:
    model: type
    fields: tuple = field(default_factory=tuple)


queue_sources: dict[str, QueueSource] = {}
completeness_sources: dict[str, CompletenessSource] = {}
translation_watches: dict[type, TranslationWatch] = {}  # translation model (parler's) -> watch


def queue_source_register(source):
    queue_sources[source.key] = source
    return source


def completeness_register(source):
    completeness_sources[source.key] = source
    return source


def translation_watch_register(model, fields):
    from . import tracking

    watch = TranslationWatch(model=model, fields=tuple(fields))
    translation_watches[model._parler_meta.root_model] = watch
    tracking.watch_connect(watch)
    return watch


# --- helpers for the providers ---


def queue_slice(queryset, *, item, limit=QUEUE_LIMIT, cap=QUEUE_CAP):
    """The first `limit` rows in one query; only when more wait, a second one counts them, no further than cap + 1
    rows (an indexed status filter, never the whole table)."""
    rows = list(queryset[: limit + 1])
    count = len(rows)
    if count > limit:
        count = queryset.order_by()[: cap + 1].count()
    return QueueSlice(items=[item(row) for row in rows[:limit]], count=min(count, cap), capped=count > cap)


def translated(model, name, language, outer="pk"):
    """An expression for a translated field of a django-parler model: in `language`, else in another one."""
    rows = model._parler_meta.root_model.objects.filter(master=OuterRef(outer))
    own = rows.filter(language_code=language).values(name)[:1]
    other = rows.exclude(language_code=language).order_by("language_code").values(name)[:1]
    return Coalesce(Subquery(own), Subquery(other))


def language_name(code):
    """A language's name in the active language ("Simplified Chinese", "简体中文")."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def lacks_name(language):
    return "lacks_" + language.replace("-", "_")


def parler_lacking(queryset, fields, *, label, language):
    """The rows of a django-parler model's queryset that lack a language or leave one of `fields` empty in it,
    annotated for the completeness report (label in `language` where it exists)."""
    model = queryset.model
    translations = model._parler_meta.root_model.objects
    lacks = {}
    for code, _name in settings.LANGUAGES:
        complete = translations.filter(master=OuterRef("pk"), language_code=code)
        for name in fields:
            complete = complete.exclude(**{name: ""})
        lacks[lacks_name(code)] = ~Exists(complete)
    missing = Q()
    for name in lacks:
        missing |= Q(**{name: True})
    return (queryset.annotate(label=translated(model, label, language), **lacks).filter(missing)
            .order_by("-pk"))


def admin_change_url(model, pk, language=None):
    """The admin edit page of a `model` object, open on the tab of `language` when one is given."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])
    return f"{url}?language={language}" if language else url


def parler_completeness_register(*, key, label, model, fields, position, objects=None, permission=None):
    """A django-parler model in the completeness report: an object lacks a language when any of `fields` is empty
    in it (the first field names the object); it is completed on its admin edit page. `objects()`: the queryset
    looked at (all by default); `permission`: who sees it (the model's change permission by default)."""
    meta = model._meta
    completeness_register(CompletenessSource(
        key=key, label=label, permission=permission or f"{meta.app_label}.change_{meta.model_name}",
        position=position, url=lambda row, language: admin_change_url(model, row.pk, language),
        rows=lambda: parler_lacking((objects or model.objects.all)(), fields, label=fields[0],
                                    language=get_language())))
