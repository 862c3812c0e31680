"""Routes of the public service standards (issue 19 point 1); frontend/urls.py joins them into the frontend
namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("standar-layanan/<slug:agency>/", views.standard_page, name="standard"),
    path("standar-layanan/<slug:agency>/maklumat/", views.maklumat_page, name="standard_maklumat"),
    path(
        "standar-layanan/<slug:agency>/maklumat/cetak-besar/",
        views.maklumat_large_print,
        name="standard_maklumat_large",
    ),
    path(
        "standar-layanan/<slug:agency>/maklumat/audio/",
        views.maklumat_audio_page,
        name="standard_maklumat_audio",
    ),
    path(
        "standar-layanan/<slug:agency>/maklumat/audio/maklumat.wav",
        views.maklumat_audio_file,
        name="standard_maklumat_wav",
    ),
    path("standar-layanan/<slug:agency>/berkas/<int:file_id>/", views.standard_file, name="standard_file"),
]
