from django.urls import include, path

from .views import changelog, pages, programme

app_name = "forums"

# The agenda/export and registration patterns come first; the forum page's "<slug>/" comes last.
urlpatterns = [
    path("", include("apps.forums.agenda.urls")),
    path("", include("apps.forums.registration.urls")),
    path("", programme.programme_page, name="programme"),
    path("grid/", programme.grid_page, name="grid"),
    path("changes/", changelog.changelog_page, name="changelog"),
    path("sessions/<int:pk>/", pages.session_page, name="session"),
    path("speakers/", pages.speakers_page, name="speakers"),
    path("speakers/<slug:slug>/", pages.speaker_page, name="speaker"),
    path("<slug:slug>/", pages.forum_page, name="forum"),
]
