from django.urls import path

from . import views

app_name = "expo"

urlpatterns = [
    path("", views.expo_home, name="home"),
    path("companies/<slug:slug>/", views.company_detail, name="company"),
    path("<slug:edition>/", views.edition_detail, name="edition"),
    path("<slug:edition>/exhibitors/", views.directory, name="directory"),
    path("<slug:edition>/halls/<str:code>/", views.hall_detail, name="hall"),
]
