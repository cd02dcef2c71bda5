from django.urls import path

from .views import public

app_name = "leads"

urlpatterns = [
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("<slug:slug>/", public.contact, name="contact"),
    path("<slug:slug>/sent/", public.sent, name="sent"),
    path("<slug:slug>/delivered/", public.delivered, name="delivered"),
]
