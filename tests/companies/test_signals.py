"""The hooks of apps.companies.signals: company_changed after commit, the company page's URL and sections as
the feature apps register them."""

import pytest
from django.db import transaction
from django.urls import NoReverseMatch

from apps.companies import signals
from apps.companies.services import company_index
from apps.core.cache import page_cache_get
from tests.factories import CompanyFactory


@pytest.fixture
def received():
    found = []

    def receiver(sender, company, **kwargs):
        found.append((sender, company.slug))

    signals.company_changed.connect(receiver, dispatch_uid="test.company_changed")
    yield found
    signals.company_changed.disconnect(dispatch_uid="test.company_changed")


def test_company_index_sends_company_changed_once_the_transaction_commits(db, received,
                                                                           django_capture_on_commit_callbacks):
    company = CompanyFactory(slug="longyuan")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        company_index(company=company)
        assert received == []  # not before the commit

    assert received == [(type(company), "longyuan")]
    assert len(callbacks) == 1


def _index_then_fail(company):
    with transaction.atomic():
        company_index(company=company)
        raise RuntimeError("rolled back")


def test_company_index_rolled_back_sends_nothing(db, received, django_capture_on_commit_callbacks):
    company = CompanyFactory(slug="longyuan")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError, match="rolled back"):
        _index_then_fail(company)

    assert received == []


def test_company_url_is_the_expo_company_page_in_each_language(expo_page):
    company = CompanyFactory(slug="longyuan")

    assert company.get_absolute_url("en") == "/en/expo/companies/longyuan/"
    assert company.get_absolute_url("zh-hans") == "/zh-hans/expo/companies/longyuan/"


def test_company_url_without_an_app_serving_company_pages_is_no_reverse_match(db, monkeypatch):
    monkeypatch.setattr(signals, "_page_url", [])
    company = CompanyFactory(slug="longyuan")

    with pytest.raises(NoReverseMatch, match="No app has registered a company page"):
        company.get_absolute_url("en")


def test_news_and_forums_add_their_sections_with_the_caches_they_depend_on():
    sections = {section.key: section for section in signals.company_page_sections()}
    keys = [key for key in sections if key in ("news", "forums")]

    assert keys == ["news", "forums"]  # news first
    assert (sections["news"].template, sections["forums"].template) == (
        "news/company_section.html", "forums/company_section.html")
    assert page_cache_get(sections["news"].cache).namespace == "news"
    assert page_cache_get(sections["forums"].cache).namespace == "forums"
