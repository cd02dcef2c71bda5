from django.urls import include, path

app_name = "forums"

urlpatterns = [
    path("", include("apps.forums.agenda.urls")),
    path("", include("apps.forums.registration.urls")),
]
