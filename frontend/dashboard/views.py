"""The auditors' dashboard (read-only compliance views) and the annual report pages.

Who sees what follows transparency.rules, as the API does: compliance and the overdue list for
`may_view_compliance` (the agency's auditors and administrators, platform superusers); the annual report for
every staff member of the agency, its texts written and the report published by `may_prepare_report` (the PPID
and administrators). Anyone else is answered 404, as if the page did not exist; a reader who posts either form
of the report page gets 403. The published version itself is public: frontend/stats/reports.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from agencies.models import Agency
from agencies.selectors import staff_agency_ids
from complaints.models import ComplaintState
from dip.links import item_staff_url
from dip.models import DipItem
from ppid.errors import NotFound
from ppid.models import ObjectionState, RequestState
from standards.selectors import ki_submissions
from transparency.exports import compliance_rows, csv_bytes, overdue_rows
from transparency.models import AnnualReport
from transparency.params import FIRST_YEAR, annual_report_filename, report_year_error
from transparency.report import (
    annual_report_data,
    annual_report_tables,
    differs_from_published,
    render_annual_report_pdf,
)
from transparency.rules import is_agency_staff, may_prepare_report, may_view_compliance
from transparency.selectors import MAX_PAGE, compliance_by_unit, overdue_cases, overdue_register_items
from transparency.services import TEXT_FIELDS, annual_report_publish, annual_report_save

from ..common.forms import error_lines, form_errors_to
from ..stats.views import Figure, band_rows
from .forms import AnnualReportForm, AnnualReportPublishForm, DashboardForm

OVERDUE_PAGE = 50
MAX_PAGE_NUMBER = 100_000  # as the API's OverdueQuery
REPORT_YEARS = 4  # the current year and the three before it are offered as links
KIND_URLS = {
    "request": "frontend:request_detail",
    "objection": "frontend:objection_detail",
    "complaint": "frontend:complaint_detail",
}
KIND_LABELS = {
    "request": gettext_lazy("Permohonan"),
    "objection": gettext_lazy("Keberatan"),
    "complaint": gettext_lazy("Pengaduan"),
}
STATE_LABELS = {
    "request": RequestState.choices,
    "objection": ObjectionState.choices,
    "complaint": ComplaintState.choices,
}
CLOCK_LABELS = {
    "notice": gettext_lazy("Pemberitahuan tertulis"),
    "objection_response": gettext_lazy("Tanggapan atas keberatan"),
    "verification": gettext_lazy("Verifikasi pengaduan"),
    "followup": gettext_lazy("Tindak lanjut unit"),
    "resolution": gettext_lazy("Penyelesaian pengaduan"),
}
# The report page has two forms: the texts, and (this value in the field "aksi") publishing the report.
PUBLISH_ACTION = "terbitkan"


@dataclass
class DashboardEntry:
    agency: Agency
    compliance: bool
    report: bool
    years: list[int]


def _report_years(agency: Agency) -> list[int]:
    this_year = timezone.localdate(timezone=agency.tzinfo).year
    return list(range(this_year, max(FIRST_YEAR, this_year - REPORT_YEARS + 1) - 1, -1))


def dashboard_entries(user) -> list[DashboardEntry]:
    """The agencies whose compliance the user may view or whose annual report they prepare."""
    if not getattr(user, "is_authenticated", False):
        return []
    agencies = (
        Agency.objects.all() if user.is_superuser else Agency.objects.filter(pk__in=staff_agency_ids(user))
    )
    entries = []
    for agency in agencies.order_by("name"):
        compliance, report = may_view_compliance(user, agency), may_prepare_report(user, agency)
        if compliance or report:
            entries.append(DashboardEntry(agency, compliance, report, _report_years(agency)))
    return entries


def _agency_or_404(request, slug: str, allowed) -> Agency:
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None or not allowed(request.user, agency):
        raise Http404
    return agency


def _report_year_or_404(agency: Agency, year: int) -> int:
    if year < FIRST_YEAR or report_year_error(agency, year):
        raise Http404
    return year


def _csv(rows, filename: str) -> HttpResponse:
    # For a spreadsheet program in Indonesian: `;`, Indonesian headers over the codes, decimal comma.
    response = HttpResponse(csv_bytes(rows, spreadsheet=True), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _bad_query(form) -> HttpResponseBadRequest:
    return HttpResponseBadRequest("\n".join(error_lines(form)), content_type="text/plain; charset=utf-8")


def _unit_label(unit: dict) -> str:
    return unit["unit_name"] or _("Belum didisposisikan ke unit")


def _overdue_case_rows(results: list[dict]) -> list[dict]:
    """The cases of overdue_cases with the address of their page and their codes in words."""
    return [
        {
            **case,
            "url": reverse(KIND_URLS[case["kind"]], args=[case["id"]]),
            "kind_label": KIND_LABELS[case["kind"]],
            "state_label": dict(STATE_LABELS[case["kind"]]).get(case["state"], case["state"]),
            "clock_label": CLOCK_LABELS.get(case["clock"], case["clock"]),
            "due": dt.date.fromisoformat(case["due_date"]),
            "received": dt.date.fromisoformat(case["received_on"]),
        }
        for case in results
    ]


def compliance_charts(data: dict) -> list[Figure]:
    """The on-time rate and what is overdue now per unit, and the age of the open requests."""
    definitions = data["definitions"]
    units = [u for u in data["units"] if u["unit"] is not None]
    return [
        Figure(
            "chart-on-time",
            _("Tingkat ketepatan waktu per unit"),
            [(_unit_label(u), u["on_time_rate"]) for u in units],
            [definitions["compliance.on_time_rate"]],
            percent=True,
            label_header=_("Unit"),
        ),
        Figure(
            "chart-overdue",
            _("Permohonan terlambat saat ini per unit"),
            [(_unit_label(u), u["overdue"]) for u in units],
            [definitions["compliance.overdue"]],
            label_header=_("Unit"),
        ),
        Figure(
            "chart-aging",
            _("Umur permohonan terbuka, semua unit"),
            band_rows(data["totals"]["aging"]),
            [definitions["compliance.aging"]],
            label_header=_("Umur"),
        ),
    ]


# --- pages --------------------------------------------------------------------------------------------------------
@require_GET
def dashboard(request):
    entries = dashboard_entries(request.user)
    if not entries:
        raise Http404
    if len(entries) == 1 and entries[0].compliance:
        return redirect("frontend:dashboard_agency", agency=entries[0].agency.slug)
    return render(request, "frontend/dashboard/index.html", {"entries": entries})


@require_GET
def dashboard_agency(request, agency: str):
    agency_obj = _agency_or_404(request, agency, may_view_compliance)
    form = DashboardForm(request.GET, agency=agency_obj)
    context = {
        "agency": agency_obj,
        "form": form,
        "years": _report_years(agency_obj),
        "submissions": ki_submissions(agency_obj),
    }
    if form.is_valid():
        since, unit = form.cleaned_data["since"], form.cleaned_data["unit"]
        compliance = compliance_by_unit(agency_obj, since=since)
        try:  # a page past the last one shows the last one (as Paginator.get_page does)
            wanted = min(max(1, int(request.GET.get("halaman", 1))), MAX_PAGE_NUMBER)
        except ValueError:
            wanted = 1
        overdue = overdue_cases(agency_obj, unit=unit, limit=OVERDUE_PAGE, offset=(wanted - 1) * OVERDUE_PAGE)
        page = Paginator(range(overdue["count"]), OVERDUE_PAGE).get_page(wanted)
        if page.number != wanted:
            overdue = overdue_cases(
                agency_obj, unit=unit, limit=OVERDUE_PAGE, offset=(page.number - 1) * OVERDUE_PAGE
            )
        units = compliance["units"]
        context.update(
            compliance=compliance,
            units=[{**u, "label": _unit_label(u)} for u in units],
            charts=compliance_charts(compliance),
            definitions=compliance["definitions"],
            overdue=overdue,
            cases=_overdue_case_rows(overdue["results"]),
            page=page,
            unit=unit,
            since=dt.date.fromisoformat(compliance["since"]),
            query=request.GET.urlencode(),
            register=_register_rows(overdue_register_items(agency_obj, unit=unit, limit=OVERDUE_PAGE)),
        )
    return render(request, "frontend/dashboard/agency.html", context)


def _register_rows(data: dict) -> dict:
    """The overdue berkala items with the staff page of each (`dip.links`)."""
    items = {i.pk: i for i in DipItem.objects.filter(pk__in=[r["id"] for r in data["results"]])}
    return {
        **data,
        "results": [
            {**r, "url": item_staff_url(items[r["id"]])} for r in data["results"] if r["id"] in items
        ],
    }


@require_GET
def dashboard_compliance_csv(request, agency: str):
    agency_obj = _agency_or_404(request, agency, may_view_compliance)
    form = DashboardForm(request.GET, agency=agency_obj)
    if not form.is_valid():
        return _bad_query(form)
    data = compliance_by_unit(agency_obj, since=form.cleaned_data["since"])
    return _csv(compliance_rows(data), f"kepatuhan-{agency_obj.slug}-sejak-{data['since']}.csv")


@require_GET
def dashboard_overdue_csv(request, agency: str):
    """Every overdue case (not one page), all read at the same moment."""
    agency_obj = _agency_or_404(request, agency, may_view_compliance)
    form = DashboardForm(request.GET, agency=agency_obj)
    if not form.is_valid():
        return _bad_query(form)
    unit, at = form.cleaned_data["unit"], timezone.now()
    data = overdue_cases(agency_obj, at, unit=unit, limit=MAX_PAGE)
    while len(data["results"]) < data["count"]:
        more = overdue_cases(agency_obj, at, unit=unit, limit=MAX_PAGE, offset=len(data["results"]))
        if not more["results"]:
            break
        data["results"] += more["results"]
    unit_part = f"-unit{unit.pk}" if unit else ""
    return _csv(overdue_rows(data), f"terlambat-{agency_obj.slug}{unit_part}-{data['today']}.csv")


def _publish(request, agency: Agency, year: int, form: AnnualReportPublishForm) -> bool:
    """Runs annual_report_publish with the form's reason; False (errors on the form) if it refused."""
    if not form.is_valid():
        return False
    try:
        report = annual_report_publish(
            agency=agency, year=year, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except NotFound as exc:
        raise Http404 from exc
    except ValidationError as exc:
        form_errors_to(form, exc)
        return False
    messages.success(
        request,
        _("Laporan tahunan %(year)s diterbitkan dan kini dapat dibaca publik.") % {"year": report.year},
    )
    return True


def _save_texts(request, agency: Agency, year: int, form: AnnualReportForm) -> bool:
    if not form.is_valid():
        return False
    try:
        annual_report_save(agency=agency, year=year, actor=request.user, **form.cleaned_data)
    except NotFound as exc:
        raise Http404 from exc
    except ValidationError as exc:
        form_errors_to(form, exc)
        return False
    messages.success(request, _("Teks laporan tahunan %(year)s tersimpan.") % {"year": year})
    return True


@require_http_methods(["GET", "POST"])
def annual_report(request, agency: str, year: int):
    agency_obj = _agency_or_404(request, agency, is_agency_staff)
    year = _report_year_or_404(agency_obj, year)
    may_edit = may_prepare_report(request.user, agency_obj)
    saved = AnnualReport.objects.filter(agency=agency_obj, year=year).select_related("published_by").first()
    published = saved is not None and saved.is_published
    form = publish_form = None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if request.POST.get("aksi") == PUBLISH_ACTION:
            publish_form = AnnualReportPublishForm(request.POST, published=published)
            done = _publish(request, agency_obj, year, publish_form)
        else:
            form = AnnualReportForm(request.POST)
            done = _save_texts(request, agency_obj, year, form)
        if done:
            # The forms post to their own section (a refusal is read where its button is); a success is read in
            # the message at the top of the page.
            return redirect(reverse("frontend:annual_report", args=[agency_obj.slug, year]) + "#main")
    data = annual_report_data(agency_obj, year)
    if may_edit and form is None:
        form = AnnualReportForm(initial={f: getattr(saved, f) for f in TEXT_FIELDS} if saved else None)
    if may_edit and publish_form is None and data["period_complete"]:
        publish_form = AnnualReportPublishForm(published=published)
    this_year = timezone.localdate(timezone=agency_obj.tzinfo).year
    return render(
        request,
        "frontend/dashboard/annual_report.html",
        {
            "agency": agency_obj,
            "year": year,
            "report": data,
            **annual_report_tables(data),
            "band_rows": band_rows(data["sections"]["c"]["time_per_request"]["by_band"]),
            "bands_definition": data["definitions"].get("requests.response_time.bands"),
            "submission_due": dt.date.fromisoformat(data["submission_due"]),
            "updated_at": data["updated_at"],
            "form": form,
            "publish_form": publish_form,
            "may_edit": may_edit,
            "published": saved if published else None,
            "differs": published and differs_from_published(saved.published_data, data),
            "may_view_compliance": may_view_compliance(request.user, agency_obj),
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < this_year else None,
        },
    )


@require_GET
def annual_report_pdf(request, agency: str, year: int):
    agency_obj = _agency_or_404(request, agency, is_agency_staff)
    year = _report_year_or_404(agency_obj, year)
    response = HttpResponse(render_annual_report_pdf(agency_obj, year), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=annual_report_filename(agency_obj, year)
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
