"""Routes of the staff's landing page and its contributions (permintaan bahan); frontend/urls.py joins them
into the frontend namespace."""

from django.urls import path

from . import contributions, views

urlpatterns = [
    path("kerja/", views.work_home, name="work"),
    path("kerja/beban/", views.workload, name="workload"),
    path("kerja/register/", views.register_download, name="registers"),
    path("kerja/bahan/", contributions.contribution_list, name="contributions"),
    path("kerja/bahan/<int:pk>/", contributions.contribution_detail, name="contribution_detail"),
    path("kerja/bahan/<int:pk>/jawab/", contributions.contribution_answer, name="contribution_answer"),
    path("kerja/bahan/<int:pk>/tolak/", contributions.contribution_decline, name="contribution_decline"),
    path("kerja/bahan/berkas/<int:file_pk>/", contributions.contribution_file, name="contribution_file"),
    path(
        "kerja/bahan/berkas/<int:file_pk>/lampirkan/",
        contributions.contribution_attach,
        name="contribution_attach",
    ),
]
