from django.db import transaction

from .models import Company, Membership, Product
from .search import initial_en, initial_pinyin, search_document


@transaction.atomic
def company_create(*, slug, segment, translations, **fields):
    """Create a company; `translations` maps a language code to its translated fields."""
    company = Company(slug=slug, segment=segment, **fields)
    for language, values in translations.items():
        company.set_current_language(language)
        for name, value in values.items():
            setattr(company, name, value)
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def company_member_add(*, company, user, role=Membership.Role.MEMBER):
    membership, _created = Membership.objects.get_or_create(company=company, user=user, defaults={"role": role})
    return membership


def _expo_pages_bump():
    from apps.expo.cache import expo_cache

    expo_cache.bump()


@transaction.atomic
def company_index(*, company):
    """Recompute the company's A-Z initials and keyword-search document from its names and its products' names
    in both languages, and make the public expo pages stale once the transaction commits."""
    names = {row.language_code: row for row in Company._parler_meta.root_model.objects.filter(master=company)}
    english, chinese = names.get("en"), names.get("zh-hans")
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
    transaction.on_commit(_expo_pages_bump)
    return company
