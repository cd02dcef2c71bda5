"""The exhibitor portal's meeting pages, included under /<lang>/portal/ right after the expo portal's own
(namespace "meetings_portal")."""

from django.urls import path

from .views import portal

app_name = "meetings_portal"

urlpatterns = [
    path("meetings/", portal.index, name="index"),
    path("meetings/<slug:slug>/", portal.requests, name="requests"),
    path("meetings/<slug:slug>/availability/", portal.availability, name="availability"),
    path("meetings/<slug:slug>/<int:pk>/accept/", portal.accept, name="accept"),
    path("meetings/<slug:slug>/<int:pk>/decline/", portal.decline, name="decline"),
    path("meetings/<slug:slug>/<int:pk>/propose/", portal.propose, name="propose"),
    path("meetings/<slug:slug>/<int:pk>/cancel/", portal.cancel, name="cancel"),
]
