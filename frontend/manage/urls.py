"""Routes of the administration pages (/kelola/); frontend/urls.py joins them into the frontend namespace."""

from django.urls import path

from . import letter_templates, letterheads, staff, standards, views

urlpatterns = [
    path("kelola/", views.manage_home, name="manage"),
    path("kelola/<slug:agency>/pengaturan/", views.agency_settings, name="agency_settings"),
    path("kelola/<slug:agency>/unit/", views.unit_list, name="units"),
    path("kelola/<slug:agency>/unit/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("kelola/<slug:agency>/unit/<int:pk>/ubah/", letterheads.unit_edit, name="unit_edit"),
    path("kelola/<slug:agency>/audit/", views.audit_trail, name="audit"),
    path("kelola/<slug:agency>/staf/", staff.staff_list, name="staff"),
    path("kelola/<slug:agency>/staf/<int:pk>/cabut/", staff.staff_revoke, name="staff_revoke"),
    path("kelola/<slug:agency>/surat/", letter_templates.letter_template_list, name="letter_templates"),
    path(
        "kelola/<slug:agency>/surat/<slug:kind>/",
        letter_templates.letter_template_edit,
        name="letter_template_edit",
    ),
    path(
        "kelola/<slug:agency>/staf/orang/<int:user>/profil/", letterheads.staff_profile, name="staff_profile"
    ),
    path("kelola/<slug:agency>/penanda-tangan/", letterheads.signatories, name="signatories"),
    path("kelola/<slug:agency>/standar-layanan/", standards.standard_edit, name="standard_edit"),
    path(
        "kelola/<slug:agency>/penanda-tangan/<int:unit>/<slug:kind>/",
        letterheads.signatory_edit,
        name="signatory_edit",
    ),
    path("kelola/kalender/", views.holiday_list, name="holidays"),
    path("kelola/kalender/tambah/", views.holiday_edit, name="holiday_add"),
    path("kelola/kalender/<int:pk>/", views.holiday_edit, name="holiday_edit"),
    path("kelola/kalender/<int:pk>/hapus/", views.holiday_delete, name="holiday_delete"),
]
