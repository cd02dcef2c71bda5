"""The index follows deletions and stays consistent when two transactions index the same object at once."""

import threading

import pytest
from django.db import connection

from apps.expo.models import ProfileChange
from apps.expo.portal import services as portal_services
from apps.search import selectors, services
from apps.search.models import Document, Title

pytestmark = pytest.mark.usefixtures("media_root")


def test_a_deleted_product_leaves_the_search_with_the_approved_change(reindex, company_a, member_a, editor):
    reindex()
    product = company_a.products.get()
    name = product.safe_translation_getter("name", language_code="en")
    assert Document.objects.filter(type="product", object_id=product.pk).count() == 2

    portal_services.product_delete_submit(company=company_a, user=member_a, key=str(product.pk))
    portal_services.profile_change_approve(change=ProfileChange.objects.get(), editor=editor)

    assert not Document.objects.filter(type="product", object_id=product.pk).exists()
    hits = selectors.search(query=selectors.Query(q=name, type="product"), language="en").hits
    assert [hit for hit in hits if hit["object_id"] == product.pk] == []


def _document_rows():
    return set(Document.objects.values_list("id", "type", "language", "published_at", "public_from",
                                            "public_until", "category", "edition", "hall"))


def _title_rows():
    return set(Title.objects.values_list("id", "type", "language", "published_at", "public_from", "public_until",
                                         "category", "edition", "hall"))


def test_the_narrow_title_rows_follow_their_documents(reindex, company_a, member_a, editor):
    """PostgreSQL reads title matches from search_title: one row per document, removed with it; SQLite has none
    (its FTS5 title table does that job)."""
    reindex()
    before, titles_before = _document_rows(), _title_rows()
    product = company_a.products.get()
    portal_services.product_delete_submit(company=company_a, user=member_a, key=str(product.pk))
    portal_services.profile_change_approve(change=ProfileChange.objects.get(), editor=editor)

    after = _document_rows()
    assert {row[1] for row in before} == {"company", "product"} and {row[1] for row in after} == {"company"}
    if connection.vendor == "postgresql":
        assert titles_before == before and _title_rows() == after
    else:
        assert titles_before == _title_rows() == set()


@pytest.mark.django_db(transaction=True)
def test_two_workers_indexing_the_same_company_at_once_leave_one_document_per_language(search_site, company_a):
    errors, start = [], threading.Barrier(2)

    def index():
        try:
            start.wait()
            for _round in range(5):
                services.object_index(type="company", object_id=company_a.pk)
        except Exception as exc:  # the assertion below reports it
            errors.append(exc)
        finally:
            connection.close()

    workers = [threading.Thread(target=index) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert errors == []
    assert sorted(Document.objects.filter(type="company", object_id=company_a.pk).values_list(
        "language", flat=True)) == ["en", "zh-hans"]
