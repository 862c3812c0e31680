"""Routes of the public letter verification page (issue 17 point 5)."""

from django.urls import path

from . import views

urlpatterns = [
    path("verifikasi/<str:code>/", views.verify, name="letter_verify"),
]
