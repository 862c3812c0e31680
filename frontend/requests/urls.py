"""Routes of the information request pages; frontend/urls.py joins them into the frontend namespace."""

from django.urls import path

from . import bulk, register, views

urlpatterns = [
    path("permohonan/", views.request_list, name="request_list"),
    path("permohonan/baru/", views.request_file, name="request_file"),
    path("permohonan/<int:pk>/", views.request_detail, name="request_detail"),
    path("permohonan/<int:pk>/aksi/<slug:action>/", views.request_action, name="request_action"),
    path("permohonan/<int:pk>/cabut/", views.request_withdraw, name="request_withdraw"),
    path("permohonan/<int:pk>/catatan/", views.request_note, name="request_note"),
    path("permohonan/<int:pk>/tugas/", views.request_assign, name="request_assign"),
    path("permohonan/<int:pk>/bahan/", views.request_contribution_ask, name="request_contribution_ask"),
    path(
        "permohonan/<int:pk>/rancangan/pratinjau/", views.request_draft_preview, name="request_draft_preview"
    ),
    path(
        "permohonan/<int:pk>/rancangan/<slug:decision>/",
        views.request_draft_decide,
        name="request_draft_decide",
    ),
    path("permohonan/<int:pk>/nik/", views.request_reveal_nik, name="request_reveal_nik"),
    path("permohonan/<int:pk>/surat/<slug:kind>/", views.request_letter, name="request_letter"),
    path(
        "permohonan/<int:pk>/surat/<int:letter_pk>/srikandi/",
        views.request_letter_package,
        name="request_letter_package",
    ),
    path("permohonan/dokumen/<int:doc_pk>/", views.request_document, name="request_document"),
    path("permohonan/saran-dip/", register.dip_suggestions, name="request_dip_suggestions"),
    path("permohonan/<int:pk>/tambah-ke-dip/", register.request_add_to_dip, name="request_add_to_dip"),
    path("antrean/", views.queue, name="queue"),
    path("antrean/massal/", bulk.queue_bulk, name="queue_bulk"),
    path("antrean/catat/", views.offline_intake, name="offline_intake"),
]
