from django.urls import path

from apps.core.ratelimits import limit

from .views import figures, invitations, profile

app_name = "expo_portal"

urlpatterns = [
    path("", profile.dashboard, name="dashboard"),
    path("companies/<slug:slug>/", profile.profile_edit, name="profile"),
    path("companies/<slug:slug>/products/", profile.products, name="products"),
    path("companies/<slug:slug>/products/add/", profile.product_edit, name="product_add"),
    path("companies/<slug:slug>/products/<slug:key>/", profile.product_edit, name="product_edit"),
    path("companies/<slug:slug>/products/<slug:key>/delete/", profile.product_delete, name="product_delete"),
    path("companies/<slug:slug>/products/<slug:key>/images/<slug:ref>/delete/", profile.image_delete,
         name="image_delete"),
    path("companies/<slug:slug>/pending/<str:name>", profile.pending_file, name="pending_file"),
    path("companies/<slug:slug>/change/", profile.change_detail, name="change"),
    path("companies/<slug:slug>/change/withdraw/", profile.change_withdraw, name="change_withdraw"),
    path("companies/<slug:slug>/figures/", figures.figures, name="figures"),
    path("invitations/<str:token>/", limit("invitation_accept")(invitations.invitation_accept),
         name="invitation_accept"),
]
