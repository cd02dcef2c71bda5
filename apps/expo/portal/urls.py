from django.urls import path

from apps.core.ratelimits import limit

from . import views, views_invitations

app_name = "expo_portal"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("companies/<slug:slug>/", views.profile_edit, name="profile"),
    path("companies/<slug:slug>/products/", views.products, name="products"),
    path("companies/<slug:slug>/products/add/", views.product_edit, name="product_add"),
    path("companies/<slug:slug>/products/<slug:key>/", views.product_edit, name="product_edit"),
    path("companies/<slug:slug>/products/<slug:key>/delete/", views.product_delete, name="product_delete"),
    path("companies/<slug:slug>/products/<slug:key>/images/<slug:ref>/delete/", views.image_delete,
         name="image_delete"),
    path("companies/<slug:slug>/pending/<str:name>", views.pending_file, name="pending_file"),
    path("companies/<slug:slug>/change/", views.change_detail, name="change"),
    path("companies/<slug:slug>/change/withdraw/", views.change_withdraw, name="change_withdraw"),
    path("invitations/<str:token>/", limit("invitation_accept")(views_invitations.invitation_accept),
         name="invitation_accept"),
]
