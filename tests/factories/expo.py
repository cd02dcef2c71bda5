"""Expo records for tests: editions, halls, booths, participations (company × edition) and invitations.

A participation re-indexes its company for the directory (initials, search document) as the services do.
"""

import datetime

import factory

from apps.companies.services import company_index
from apps.expo.models import Booth, Edition, EditionStatus, Hall, Invitation, Participation

from .companies import CompanyFactory
from .translations import TranslatedFactory


def _edition_texts(params):
    values = {"en": {"name": params.name_en, "venue": params.venue_en, "city": "Qingdao"},
              "zh-hans": {"name": params.name_zh, "venue": params.venue_zh, "city": "青岛"}}
    return {language: values[language] for language in params.languages}


class EditionFactory(TranslatedFactory):
    """An open edition of `days` days from 2026-09-16, named in `languages` (both by default)."""

    class Meta:
        model = Edition

    class Params:
        name_en = factory.Sequence(lambda n: f"Rubber Expo {n}")
        name_zh = factory.Sequence(lambda n: f"橡胶博览会{n}")
        venue_en = "Qingdao International Expo Center"
        venue_zh = "青岛国际博览中心"
        days = 3
        languages = ("en", "zh-hans")

    slug = factory.Sequence(lambda n: f"expo-{n}")
    status = EditionStatus.OPEN
    starts_on = datetime.date(2026, 9, 16)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=o.days - 1))
    translations = factory.LazyAttribute(_edition_texts)


class HallFactory(TranslatedFactory):
    class Meta:
        model = Hall

    class Params:
        name_en = factory.LazyAttribute(lambda o: f"Hall {o.code}")
        name_zh = factory.LazyAttribute(lambda o: f"{o.code}馆")

    edition = factory.SubFactory(EditionFactory)
    code = "A"
    width = 60
    depth = 40
    position = 0
    translations = factory.LazyAttribute(lambda o: {"en": {"name": o.name_en}, "zh-hans": {"name": o.name_zh}})


def _per_row(hall):
    return max(1, (hall.width - 2) // 6)


class BoothFactory(factory.django.DjangoModelFactory):
    """A booth; without a position it takes the next free slot of a 6 m grid, without a code the next number."""

    class Meta:
        model = Booth

    class Params:
        taken = factory.LazyAttribute(lambda o: o.hall.booths.count())

    hall = factory.SubFactory(HallFactory)
    code = factory.LazyAttribute(lambda o: f"{o.hall.code}{101 + o.taken}")
    participation = None
    x = factory.LazyAttribute(lambda o: 2 + (o.taken % _per_row(o.hall)) * 6)
    y = factory.LazyAttribute(lambda o: 2 + (o.taken // _per_row(o.hall)) * 6)
    width = 3
    depth = 3


class ParticipationFactory(TranslatedFactory):
    """A company (a new one by default) exhibiting in an edition; `booths` are Booth objects or codes (codes are
    made in the edition's first hall, made when missing). The company is indexed afterwards."""

    class Meta:
        model = Participation

    company = factory.SubFactory(CompanyFactory)
    edition = factory.SubFactory(EditionFactory)
    is_confirmed = True
    translations = {"en": {"highlights": ""}}

    @factory.post_generation
    def categories(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.categories.set(extracted)

    @factory.post_generation
    def booths(obj, create, extracted, **kwargs):
        if not create:
            return
        for booth in extracted or ():
            if isinstance(booth, str):
                hall = obj.edition.halls.first() or HallFactory(edition=obj.edition)
                BoothFactory(hall=hall, code=booth, participation=obj)
            else:
                booth.participation = obj
                booth.save(update_fields=["participation"])

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            company_index(company=obj.company)


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation to join a company (not sent: the tests that send one go through the editor's form)."""

    class Meta:
        model = Invitation

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"contact{n}@example.com")
    language = "en"
