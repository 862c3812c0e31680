"""Routes of the notification center; frontend/urls.py joins them into the frontend namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("notifikasi/", views.notification_list, name="notifications"),
    path("notifikasi/tandai-dibaca/", views.notification_mark_all_read, name="notifications_mark_read"),
    path("notifikasi/<int:pk>/buka/", views.notification_open, name="notification_open"),
]
