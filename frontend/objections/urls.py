"""Routes of the objection (keberatan) and dispute (sengketa) pages; frontend/urls.py joins them into the
frontend namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("permohonan/<int:pk>/keberatan/baru/", views.objection_file, name="objection_file"),
    path("permohonan/<int:pk>/keberatan/catat/", views.objection_offline, name="objection_offline"),
    path("keberatan/", views.objection_queue, name="objection_queue"),
    path("keberatan/informasi-berkala/", views.objection_file_periodic, name="objection_file_periodic"),
    path("keberatan/<int:pk>/", views.objection_detail, name="objection_detail"),
    path("keberatan/<int:pk>/aksi/<slug:action>/", views.objection_action, name="objection_action"),
    path("keberatan/<int:pk>/cabut/", views.objection_withdraw, name="objection_withdraw"),
    path("keberatan/<int:pk>/catatan/", views.objection_note, name="objection_note"),
    path("keberatan/<int:pk>/tugas/", views.objection_assign, name="objection_assign"),
    path("keberatan/<int:pk>/pelaksanaan/", views.objection_comply, name="objection_comply"),
    path("keberatan/pelaksanaan/berkas/<int:file_pk>/", views.order_file, name="order_file"),
    path("keberatan/<int:pk>/surat/", views.objection_letter, name="objection_letter"),
    path("keberatan/<int:pk>/tanda-terima/", views.objection_receipt, name="objection_receipt"),
    path(
        "keberatan/<int:pk>/surat/<int:letter_pk>/srikandi/",
        views.objection_letter_package,
        name="objection_letter_package",
    ),
    path("keberatan/<int:pk>/sengketa/", views.dispute_register, name="dispute_register"),
    path("keberatan/<int:pk>/sengketa/ubah/", views.dispute_update, name="dispute_update"),
    path("keberatan/<int:pk>/sengketa/sidang/", views.dispute_hearing, name="dispute_hearing"),
]
