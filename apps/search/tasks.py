"""Celery tasks of the search index: ids in, one service call, safe to run twice."""

from celery import shared_task

from . import services


@shared_task(name="search.index_object", ignore_result=True)
def index_object(type, object_id):
    services.object_index(type=type, object_id=object_id)


@shared_task(name="search.index_type", ignore_result=True)
def index_type(type):
    return services.type_reindex(type=type)
