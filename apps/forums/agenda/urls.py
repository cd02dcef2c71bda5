"""Exports and agenda pages (included first by apps/forums/urls.py, namespace "forums")."""

from django.urls import path

from .views import optin, pages

urlpatterns = [
    path("schedule.ics", pages.ical_all, name="ical_all"),
    path("schedule.json", pages.schedule_json, name="schedule_json"),
    path("sessions/<int:pk>.ics", pages.ical_session, name="ical_session"),
    path("speakers/<slug:slug>.ics", pages.ical_speaker, name="ical_speaker"),
    path("agenda/", pages.agenda, name="agenda"),
    path("agenda/link/", pages.agenda_link, name="agenda_link"),
    path("agenda/sync/", pages.agenda_sync, name="agenda_sync"),
    path("agenda/manage/<str:token>/", pages.agenda_manage, name="agenda_manage"),
    path("agenda/manage/<str:token>/resend/", optin.agenda_confirm_resend, name="agenda_confirm_resend"),
    path("agenda/confirm/<str:token>/", optin.agenda_confirm, name="agenda_confirm"),
    path("agenda/<str:token>.ics", pages.ical_agenda, name="ical_agenda"),
    path("<slug:slug>/schedule.ics", pages.ical_forum, name="ical_forum"),
]
