from .models import Company


def company_list():
    return Company.objects.prefetch_related("translations").order_by("slug")


def companies_of_member(*, user):
    if not user.is_authenticated:
        return Company.objects.none()
    return company_list().filter(memberships__user=user)
