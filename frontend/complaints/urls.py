"""Routes of the service complaint (pengaduan) pages; frontend/urls.py joins them into the frontend namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("pengaduan/", views.complaint_list, name="complaint_list"),
    path("pengaduan/baru/", views.complaint_file, name="complaint_file"),
    path("pengaduan/terkirim/<str:token>/", views.complaint_filed, name="complaint_filed"),
    path("pengaduan/terkirim/<str:token>/kode.txt", views.complaint_filed_code, name="complaint_filed_code"),
    path("pengaduan/lacak/", views.complaint_track, name="complaint_track"),
    path("pengaduan/lacak/aksi/<slug:action>/", views.complaint_track_action, name="complaint_track_action"),
    path("pengaduan/antrean/", views.complaint_queue, name="complaint_queue"),
    path("pengaduan/<int:pk>/", views.complaint_detail, name="complaint_detail"),
    path("pengaduan/<int:pk>/catatan/", views.complaint_note, name="complaint_note"),
    path("pengaduan/<int:pk>/tugas/", views.complaint_assign, name="complaint_assign"),
    path("pengaduan/<int:pk>/aksi/<slug:action>/", views.complaint_action, name="complaint_action"),
    path(
        "pengaduan/<int:pk>/lampiran/<int:attachment_pk>/",
        views.complaint_attachment,
        name="complaint_attachment",
    ),
    # A request that is really a complaint.
    path("permohonan/<int:pk>/alihkan/", views.request_to_complaint, name="request_to_complaint"),
]
