from django.urls import path

from . import views

app_name = "onboarding"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("sent/", views.signup_sent, name="signup_sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("status/", views.status, name="status"),
    path("company/", views.company_create, name="company_create"),
    path("companies/", views.company_find, name="company_find"),
    path("companies/<slug:slug>/", views.join_request_create, name="join_request_create"),
    path("requests/<int:pk>/", views.JoinRequestDetail.as_view(), name="join_request"),
]
