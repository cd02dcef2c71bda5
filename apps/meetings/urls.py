"""The visitor's meeting pages, included under /<lang>/meetings/ by portal/urls.py (namespace "meetings")."""

from django.urls import path

from .views import visitor

app_name = "meetings"

urlpatterns = [
    path("", visitor.mine, name="mine"),
    path("book/<slug:slug>/", visitor.book, name="book"),
    path("<int:pk>/cancel/", visitor.cancel, name="cancel"),
    path("<int:pk>/accept/", visitor.proposal_accept, name="proposal_accept"),
]
