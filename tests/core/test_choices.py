"""ChoiceLabels: a model's get_FOO_display() names the value in the active language without translating the
field's other choices."""

from django.utils import translation

from apps.companies.models import Company
from apps.companies.regions import Region


def test_the_display_is_the_label_of_the_value_in_each_language():
    company = Company(region=Region.SHANDONG, segment="downstream")

    with translation.override("en"):
        english = (company.get_region_display(), company.get_segment_display())
    with translation.override("zh-hans"):
        chinese = (company.get_region_display(), company.get_segment_display())

    assert english == ("Shandong", "Downstream: products and applications")
    assert chinese[0] == "山东" and chinese[1] != english[1]


def test_only_the_value_is_translated(monkeypatch):
    from django.db import models

    translation.gettext("warm")  # django.utils.translation resolves its backend on first use
    company, calls, real = Company(region=Region.SHANDONG), [], translation._trans.gettext
    monkeypatch.setattr(translation._trans, "gettext", lambda text: calls.append(text) or real(text))
    field = Company._meta.get_field("region")

    company.get_region_display()
    ours, calls[:] = len(calls), []
    models.Model._get_FIELD_display(company, field)

    assert ours <= 2 and len(calls) >= 30  # Django's own translates every region's name first


def test_an_unknown_value_shows_as_it_is():
    assert Company(region="atlantis").get_region_display() == "atlantis"
