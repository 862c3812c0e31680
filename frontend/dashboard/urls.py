"""Routes of the auditors' dashboard and the annual report pages; frontend/urls.py joins them into the frontend
namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("dasbor/", views.dashboard, name="dashboard"),
    path("dasbor/<slug:agency>/", views.dashboard_agency, name="dashboard_agency"),
    path(
        "dasbor/<slug:agency>/kepatuhan.csv", views.dashboard_compliance_csv, name="dashboard_compliance_csv"
    ),
    path("dasbor/<slug:agency>/terlambat.csv", views.dashboard_overdue_csv, name="dashboard_overdue_csv"),
    path("dasbor/<slug:agency>/laporan/<int:year>/", views.annual_report, name="annual_report"),
    path("dasbor/<slug:agency>/laporan/<int:year>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
]
