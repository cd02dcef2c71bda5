"""The exhibitor portal's contact requests, included under portal/ right after the expo portal's own URLs."""

from django.urls import path

from .views import portal

app_name = "leads_portal"

urlpatterns = [
    path("leads/", portal.index, name="index"),
    path("leads/<slug:slug>/", portal.lead_list, name="list"),
    path("leads/<slug:slug>/export/", portal.lead_export, name="export"),
    path("leads/<slug:slug>/<int:pk>/", portal.lead_detail, name="lead"),
]
