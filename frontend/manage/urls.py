"""Routes for the staff pages; joined into the frontend namespace by frontend/urls.py."""

from django.urls import path

from . import staff

urlpatterns = [
    path("kelola/<slug:agency>/staf/", staff.staff_list, name="staff"),
    path("kelola/<slug:agency>/staf/<int:pk>/cabut/", staff.staff_revoke, name="staff_revoke"),
    path("kelola/<slug:agency>/unit/<int:pk>/ubah/", staff.unit_edit, name="unit_edit"),
]
