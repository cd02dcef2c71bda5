import factory

from apps.companies.models import ChainSegment, Company


class CompanyFactory(factory.django.DjangoModelFactory):
    """A company with an English and a Chinese translation."""

    class Meta:
        model = Company
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"company-{n}")
    segment = ChainSegment.MIDSTREAM
    country = "CN"

    @factory.post_generation
    def translations(obj, create, extracted, **kwargs):
        values = extracted or {
            "en": {"name": f"Example Rubber Co. {obj.slug}"},
            "zh-hans": {"name": f"示例橡胶有限公司 {obj.slug}"},
        }
        for language, fields in values.items():
            obj.set_current_language(language)
            for name, value in fields.items():
                setattr(obj, name, value)
        obj.set_current_language("en")
        if create:
            obj.save()
