from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from apps.core.languages import CHINESE, ENGLISH, translations_apply

from .models import Company, Membership, Product
from .search import index_listeners_run, initial_en, initial_pinyin, search_document
from .signals import company_changed


@transaction.atomic
def company_create(*, slug, segment, translations, **fields):
    """Create a company; `translations` maps a language code to its translated fields."""
    company = Company(slug=slug, segment=segment, **fields)
    translations_apply(company, translations)
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def company_member_add(*, company, user, role=Membership.Role.MEMBER):
    membership, _created = Membership.objects.get_or_create(company=company, user=user, defaults={"role": role})
    return membership


def _slug_from(names):
    """A free slug from the company's names: the English one, else the pinyin of another (-2, -3... if taken)."""
    base = ""
    for name in names:
        from pypinyin import lazy_pinyin  # loaded where names are written only

        base = slugify(" ".join(lazy_pinyin(name or "")))[:70].strip("-")
        if base:
            break
    base = base or "company"
    slug, n = base, 1
    while Company.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def company_register(*, translations, segment, owner, **fields):
    """A company created by a user of the platform: slug from its names, not verified, `owner` its administrator.
    `translations` as in company_create (languages without a name are left out by the caller)."""
    names = [values.get("name", "") for values in translations.values()]
    company = company_create(slug=_slug_from(names), segment=segment, translations=translations, verified_at=None,
                             **fields)
    company_member_add(company=company, user=owner, role=Membership.Role.ADMIN)
    return company_index(company=company)


@transaction.atomic
def company_verify(*, company, by):
    """An editor (`by`) confirms the company is real: it may then act as a verified company. Verifying a verified
    company keeps its first date. Returns the company with `verified_at` set."""
    changed = Company.objects.filter(pk=company.pk, verified_at__isnull=True).update(verified_at=timezone.now())
    company.verified_at = Company.objects.values_list("verified_at", flat=True).get(pk=company.pk)
    if changed:
        _changed_send(company)  # pages may show whether a company is verified
        index_listeners_run(company)  # a verified company is public in the site search
    return company


def _changed_send(company):
    """After commit: tell the apps that show the company (signals.company_changed)."""
    transaction.on_commit(lambda: company_changed.send(sender=Company, company=company))


@transaction.atomic
def company_index(*, company):
    """Recompute the company's A-Z initials and keyword-search document from its names and its products' names
    in both languages; once the transaction commits, `company_changed` makes the pages showing it stale."""
    names = {row.language_code: row for row in Company._parler_meta.root_model.objects.filter(master=company)}
    english, chinese = names.get(ENGLISH), names.get(CHINESE)
    product_names = Product._parler_meta.root_model.objects.filter(master__company=company).values_list(
        "name", flat=True)
    texts = [value for row in names.values() for value in (row.name, row.short_name)]
    fields = {
        "initial_en": initial_en(english.name if english else (chinese.name if chinese else "")),
        "initial_pinyin": initial_pinyin(chinese.name if chinese else (english.name if english else "")),
        "search_document": search_document([*texts, *product_names]),
    }
    Company.objects.filter(pk=company.pk).update(**fields)
    for name, value in fields.items():
        setattr(company, name, value)
    index_listeners_run(company)  # the site search's documents of the company (search.index_listener_register)
    _changed_send(company)
    return company
