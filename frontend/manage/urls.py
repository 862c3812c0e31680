"""Routes for the staff pages; joined into the frontend namespace by frontend/urls.py."""

from django.urls import path

from . import views_staff

urlpatterns = [
    path("kelola/<slug:agency>/staf/", views_staff.staff_list, name="staff"),
    path("kelola/<slug:agency>/staf/<int:pk>/cabut/", views_staff.staff_revoke, name="staff_revoke"),
    path("kelola/<slug:agency>/unit/<int:pk>/ubah/", views_staff.unit_edit, name="unit_edit"),
]
