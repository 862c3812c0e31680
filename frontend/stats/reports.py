"""The published annual reports (Perki 1/2021 Pasal 56: information available at any time): open to everyone,
no login. Only what the PPID published is shown, as frozen then (transparency.report.published_report_view);
an agency's draft or a year never published answers 404, as if it did not exist."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from agencies.models import Agency
from agencies.selectors import active_agencies
from transparency.models import AnnualReport
from transparency.params import annual_report_filename
from transparency.report import (
    annual_report_tables,
    published_report,
    published_report_view,
    published_reports,
    render_published_report_pdf,
)

from .views import band_rows


def _agency(slug: str) -> Agency:
    return get_object_or_404(active_agencies(), slug=slug)


def _published(agency: Agency, year: int) -> AnnualReport:
    report = published_report(agency, year)
    if report is None:
        raise Http404
    return report


@require_GET
def public_reports(request, agency: str):
    """/statistik/<agency>/laporan/: the years whose report the agency has published."""
    agency_obj = _agency(agency)
    return render(
        request,
        "frontend/reports/list.html",
        {"agency": agency_obj, "reports": list(published_reports(agency_obj))},
    )


@require_GET
def public_report(request, agency: str, year: int):
    """/statistik/<agency>/laporan/<year>/: the published version, with the same sections as the staff's page."""
    agency_obj = _agency(agency)
    report = _published(agency_obj, year)
    data = published_report_view(report.published_data)
    return render(
        request,
        "frontend/reports/report.html",
        {
            "agency": agency_obj,
            "year": report.year,
            "published_at": report.published_at,
            "report": data,
            **annual_report_tables(data),
            "band_rows": band_rows(data["sections"]["c"]["time_per_request"]["by_band"]),
            "bands_definition": data["definitions"].get("requests.response_time.bands"),
            "submission_due": dt.date.fromisoformat(data["submission_due"]),
        },
    )


@require_GET
def public_report_pdf(request, agency: str, year: int):
    """The published version as PDF (rendered from the snapshot, so it matches the page)."""
    report = _published(_agency(agency), year)
    response = HttpResponse(render_published_report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=annual_report_filename(report.agency, report.year)
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Public, but a correction must show at once: caches revalidate.
    patch_cache_control(response, no_cache=True)
    return response
