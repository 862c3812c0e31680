"""Routes of the staff's landing page and its contributions (permintaan bahan); frontend/urls.py joins them
into the frontend namespace."""

from django.urls import path

from . import contributions, dip, emonev, views

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
    # The register (issue 18): the staff's DIP and DIK pages, and the legal list for anyone.
    path("kerja/informasi/", dip.dip_work_list, name="dip_work"),
    path("kerja/informasi/baru/", dip.dip_work_create, name="dip_work_create"),
    path("kerja/informasi/penetapan/", dip.dip_establishments, name="dip_establishments"),
    path(
        "kerja/informasi/penetapan/<int:pk>/berkas/",
        dip.dip_establishment_file,
        name="dip_establishment_file",
    ),
    path("kerja/informasi/<int:pk>/", dip.dip_work_item, name="dip_work_item"),
    path("kerja/informasi/<int:pk>/ubah/", dip.dip_work_edit, name="dip_work_edit"),
    path("kerja/informasi/<int:pk>/dokumen/", dip.dip_work_documents, name="dip_work_documents"),
    path("kerja/informasi/<int:pk>/dokumen/<int:doc_pk>/", dip.dip_work_document, name="dip_work_document"),
    path(
        "kerja/informasi/<int:pk>/dokumen/<int:doc_pk>/hapus/",
        dip.dip_work_document_remove,
        name="dip_work_document_remove",
    ),
    path("kerja/informasi/<int:pk>/ajukan/", dip.dip_work_request_review, name="dip_work_request_review"),
    path("kerja/informasi/<int:pk>/umumkan/", dip.dip_work_publish, name="dip_work_publish"),
    path("kerja/informasi/<int:pk>/tarik/", dip.dip_work_withdraw, name="dip_work_withdraw"),
    path("kerja/dik/", dip.dik_work_list, name="dik_work"),
    path("kerja/dik/baru/", dip.dik_work_create, name="dik_work_create"),
    path("kerja/dik/<int:pk>/", dip.dik_work_item, name="dik_work_item"),
    path("kerja/dik/<int:pk>/ubah/", dip.dik_work_edit, name="dik_work_edit"),
    path("kerja/dik/<int:pk>/tetapkan/", dip.dik_work_decide, name="dik_work_decide"),
    path("kerja/dik/<int:pk>/cabut/", dip.dik_work_revoke, name="dik_work_revoke"),
    path("kerja/dik/<int:pk>/sk/", dip.dik_work_sk, name="dik_work_sk"),
    path("kerja/dik/<int:pk>/lembar.pdf", dip.dik_work_sheet, name="dik_work_sheet"),
    path("informasi/<slug:slug>/dip.pdf", dip.dip_legal_pdf, name="dip_legal_pdf"),
    path("informasi/<slug:slug>/dip.xlsx", dip.dip_legal_xlsx, name="dip_legal_xlsx"),
    # The e-Monev evidence pack and the submissions to the Komisi Informasi (issue 19 points 4 and 5).
    path("kerja/e-monev/", emonev.emonev, name="emonev"),
    path("kerja/e-monev/data-dukung.zip", emonev.emonev_zip, name="emonev_zip"),
    path("kerja/e-monev/pengiriman/", emonev.emonev_submission, name="emonev_submission"),
]
