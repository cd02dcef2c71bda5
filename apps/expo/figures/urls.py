"""The figures beacon, outside the language prefixes (portal/urls.py): /figures/beacon?v=<signed item>."""

from django.urls import path

from . import views

app_name = "expo_figures"

urlpatterns = [
    path("beacon", views.beacon, name="beacon"),
]
