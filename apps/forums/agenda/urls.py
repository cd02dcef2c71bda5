"""Exports and agenda pages (included first by apps/forums/urls.py, namespace "forums")."""

from django.urls import path

from . import optin_views, views

urlpatterns = [
    path("schedule.ics", views.ical_all, name="ical_all"),
    path("schedule.json", views.schedule_json, name="schedule_json"),
    path("sessions/<int:pk>.ics", views.ical_session, name="ical_session"),
    path("speakers/<slug:slug>.ics", views.ical_speaker, name="ical_speaker"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/link/", views.agenda_link, name="agenda_link"),
    path("agenda/sync/", views.agenda_sync, name="agenda_sync"),
    path("agenda/manage/<str:token>/", views.agenda_manage, name="agenda_manage"),
    path("agenda/manage/<str:token>/resend/", optin_views.agenda_confirm_resend, name="agenda_confirm_resend"),
    path("agenda/confirm/<str:token>/", optin_views.agenda_confirm, name="agenda_confirm"),
    path("agenda/<str:token>.ics", views.ical_agenda, name="ical_agenda"),
    path("<slug:slug>/schedule.ics", views.ical_forum, name="ical_forum"),
]
