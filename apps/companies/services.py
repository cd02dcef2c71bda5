from django.db import transaction

from .models import Company, Membership


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
