"""Users: a known password, and optionally a role (its group, and the admin for staff roles)."""

import factory
from django.contrib.auth import get_user_model

from apps.accounts import services

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """UserFactory(role=roles.EDITORS, username="li") -> a saved user whose password is PASSWORD."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if create and extracted:
            services.user_role_assign(user=obj, role=extracted)
