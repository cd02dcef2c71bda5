"""Companies, their members, product categories and products (bilingual; products indexed as the services do)."""

import factory
from django.core.files.base import ContentFile

from apps.accounts import roles
from apps.companies.models import ChainSegment, Company, Membership, Product, ProductCategory, ProductImage
from apps.companies.services import company_index
from tests.support.files import image_bytes

from .accounts import UserFactory
from .translations import TranslatedFactory


class CompanyFactory(TranslatedFactory):
    """A company named `name_en` and `name_zh` (pass `translations` for other fields, or to leave a language out)."""

    class Meta:
        model = Company

    class Params:
        name_en = factory.LazyAttribute(lambda o: f"Example Rubber Co. {o.slug}")
        name_zh = factory.LazyAttribute(lambda o: f"示例橡胶有限公司 {o.slug}")

    slug = factory.Sequence(lambda n: f"company-{n}")
    segment = ChainSegment.MIDSTREAM
    country = "CN"
    translations = factory.LazyAttribute(lambda o: {"en": {"name": o.name_en}, "zh-hans": {"name": o.name_zh}})


class MembershipFactory(factory.django.DjangoModelFactory):
    """A member of a company: by default a new user in the exhibitors role (`user__username=...` to name them)."""

    class Meta:
        model = Membership

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory, role=roles.EXHIBITORS)


class ProductCategoryFactory(TranslatedFactory):
    """A product category (of apps.companies.catalogue): ProductCategoryFactory(slug=..., en=..., zh=...)."""

    class Meta:
        model = ProductCategory

    class Params:
        en = factory.Sequence(lambda n: f"Category {n}")
        zh = factory.Sequence(lambda n: f"类别{n}")

    slug = factory.Sequence(lambda n: f"category-{n}")
    parent = None
    position = 0
    translations = factory.LazyAttribute(lambda o: {"en": {"name": o.en}, "zh-hans": {"name": o.zh}})


def _product_texts(params, n):
    """English unless only `zh` is given; Chinese when `zh` is given."""
    values = {}
    if params.en is not None or params.zh is None:
        values["en"] = {"name": params.en or f"Product {n}", "description": params.description_en}
    if params.zh is not None:
        values["zh-hans"] = {"name": params.zh, "description": params.description_zh}
    return values


class ProductFactory(TranslatedFactory):
    """A product with names in the languages given (`en`, `zh`; English only by default), its `categories` and
    `images` PNG images; the company is re-indexed for the directory afterwards."""

    class Meta:
        model = Product

    class Params:
        en = None
        zh = None
        description_en = ""
        description_zh = ""

    company = factory.SubFactory(CompanyFactory)
    position = 0
    translations = factory.LazyAttributeSequence(_product_texts)

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.categories.set(extracted)

    @factory.post_generation
    def images(obj, create, extracted, **kwargs):
        if not create:
            return
        for index in range(extracted or 0):
            picture = ProductImage(product=obj, position=index)
            picture.image.save(f"product-{obj.pk}-{index}.png", ContentFile(image_bytes((400, 300), color="#1f6f8b")),
                               save=True)

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            company_index(company=obj.company)
