from django.urls import path

from . import views

# Included by apps.forums.urls in the "forums" namespace, before the forum pages' catch-all "<slug>/".
urlpatterns = [
    path("registration/<str:token>/", views.registration_manage, name="registration_manage"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/register/sent/", views.register_sent, name="register_sent"),
    path("<slug:slug>/attendees.csv", views.attendees_csv, name="attendees_csv"),
]
