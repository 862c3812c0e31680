"""Routes of the public statistics and the published annual reports; frontend/urls.py joins them into the
frontend namespace."""

from django.urls import path

from . import reports, views

urlpatterns = [
    path("statistik/", views.statistics, name="stats"),
    path("statistik/<slug:agency>/", views.statistics, name="stats_agency"),
    path("statistik/<slug:agency>/laporan/", reports.public_reports, name="public_reports"),
    path("statistik/<slug:agency>/laporan/<int:year>/", reports.public_report, name="public_report"),
    path(
        "statistik/<slug:agency>/laporan/<int:year>/pdf/",
        reports.public_report_pdf,
        name="public_report_pdf",
    ),
]
