from django.urls import include, path

from . import views

app_name = "forums"

# The agenda/export and registration patterns come first; the forum page's "<slug>/" comes last.
urlpatterns = [
    path("", include("apps.forums.agenda.urls")),
    path("", include("apps.forums.registration.urls")),
    path("", views.programme_page, name="programme"),
    path("grid/", views.grid_page, name="grid"),
    path("changes/", views.changelog_page, name="changelog"),
    path("sessions/<int:pk>/", views.session_page, name="session"),
    path("speakers/", views.speakers_page, name="speakers"),
    path("speakers/<slug:slug>/", views.speaker_page, name="speaker"),
    path("<slug:slug>/", views.forum_page, name="forum"),
]
