"""Routes of the account pages; frontend/urls.py joins them into the frontend namespace."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts.forms import PasswordResetForm

from . import views
from .forms import LoginForm

urlpatterns = [
    path(
        "akun/masuk/",
        views.StaffAwareLoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/lupa-sandi/",
        views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=PasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("frontend:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "akun/lupa-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "akun/sandi-baru/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("frontend:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "akun/sandi-baru/selesai/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("akun/daftar/", views.signup, name="signup"),
    path("akun/daftar/terkirim/", views.signup_done, name="signup_done"),
    path("akun/konfirmasi/<str:token>/", views.confirm_email, name="confirm_email"),
    path("akun/konfirmasi-ulang/", views.resend_confirmation, name="resend_confirmation"),
    path("akun/profil/", views.profile, name="profile"),
]
