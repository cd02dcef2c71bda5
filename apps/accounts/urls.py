from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from apps.core.ratelimits import limit

from .forms import QueuedPasswordResetForm
from .views import LoginView

app_name = "accounts"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", limit("password_reset")(auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset_form.html", form_class=QueuedPasswordResetForm,  # mailed by a task
        success_url=reverse_lazy("accounts:password_reset_done"),
    )), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    ), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
]
