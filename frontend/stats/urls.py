"""Routes for the stats pages; joined into the frontend namespace by frontend/urls.py."""

from django.urls import path

from . import views_reports, views_stats

urlpatterns = [
    path("statistik/", views_stats.statistics, name="stats"),
    path("statistik/<slug:agency>/", views_stats.statistics, name="stats_agency"),
    path("statistik/<slug:agency>/laporan/", views_reports.public_reports, name="public_reports"),
    path("statistik/<slug:agency>/laporan/<int:year>/", views_reports.public_report, name="public_report"),
    path(
        "statistik/<slug:agency>/laporan/<int:year>/pdf/",
        views_reports.public_report_pdf,
        name="public_report_pdf",
    ),
]
