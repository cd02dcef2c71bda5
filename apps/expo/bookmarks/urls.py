"""The bookmarks' sync endpoint, inside the language prefixes (portal/urls.py): /<lang>/bookmarks/sync/."""

from django.urls import path

from . import views

app_name = "expo_bookmarks"

urlpatterns = [
    path("sync/", views.sync, name="sync"),
]
