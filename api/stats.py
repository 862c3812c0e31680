"""Transparency under /api/v1/stats/: the public statistics (no login), their definitions, the auditors'
compliance views and the annual report. Thin views over transparency.statistics, .selectors, .report and
.services.

Downloads: the statistics answer JSON by default; `?format=csv` gives a CSV file (UTF-8 with BOM, one row per
figure and month) and `?format=json` the same JSON as a file. `&dialect=spreadsheet` makes the CSV the form the
pages offer, for spreadsheet programs in Indonesian (`;` separators, Indonesian headers over the codes, decimal
comma, shares as percentages); without it the CSV stays as clients parse it (see transparency.exports). The
format is chosen by that parameter alone, never by the Accept header, and errors are always JSON ({code,
detail, errors}). Every CSV neutralises text cells a spreadsheet would run as formulas.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from agencies.models import Agency, Unit
from transparency import definitions
from transparency.exports import csv_bytes, statistics_rows
from transparency.params import (
    DATE_INVALID,
    FIRST_YEAR,
    LAST_YEAR,
    annual_report_filename,
    date_error,
    period_bounds,
    period_error,
    report_year_error,
    statistics_filename,
)
from transparency.report import annual_report_data, publication_status, render_annual_report_pdf
from transparency.rules import is_agency_staff, may_view_compliance
from transparency.selectors import MAX_PAGE, compliance_by_unit, overdue_cases
from transparency.services import TEXT_FIELDS, annual_report_save
from transparency.statistics import complaint_statistics, request_statistics

_DATE_ERRORS = {"invalid": DATE_INVALID}


# --- rendering --------------------------------------------------------------------------------------------------
class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        request = (renderer_context or {}).get("request")
        dialect = request.query_params.get("dialect") if request is not None else None
        return csv_bytes(data, spreadsheet=dialect == "spreadsheet")


class PDFRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class FormatParameter(DefaultContentNegotiation):
    """The representation is chosen by `?format=` alone (default: the view's first renderer)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        wanted = request.query_params.get("format") or format_suffix
        for renderer in renderers:
            if renderer.format == wanted:
                return renderer, renderer.media_type
        return renderers[0], renderers[0].media_type


class TransparencyView(APIView):
    content_negotiation_class = FormatParameter

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever format was asked for: the schema documents them so.
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), "application/json"
        return super().finalize_response(request, response, *args, **kwargs)

    def query(self, serializer_class) -> dict:
        query = serializer_class(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return query.validated_data


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- query parameters (the rules themselves: transparency.params, shared with the pages) -----------------------
def _check_date(value):
    error = date_error(value)
    if error:
        raise serializers.ValidationError(error)
    return value


class AgencyQuery(serializers.Serializer):
    agency = serializers.SlugField(max_length=60, help_text="The agency's slug (kode singkat).")


class PeriodQuery(serializers.Serializer):
    agency = serializers.SlugField(
        required=False, max_length=60, help_text="The agency's slug; every agency together when absent."
    )
    unit = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, help_text="A unit of the agency (its id)."
    )
    year = serializers.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text="A calendar year. Default (without year, start and end): the current year.",
    )
    start = serializers.DateField(
        required=False,
        error_messages=_DATE_ERRORS,
        help_text="First day of receipt (with end, instead of year).",
    )
    end = serializers.DateField(required=False, error_messages=_DATE_ERRORS, help_text="Last day of receipt.")
    format = serializers.ChoiceField(
        choices=[("json", "JSON file (download)"), ("csv", "CSV file (download)")],
        required=False,
        help_text="`csv` or `json` to download a file; JSON in the page by default.",
    )
    dialect = serializers.ChoiceField(
        choices=[
            ("standard", "Standard CSV: `,`, codes, decimal point, fractions"),
            (
                "spreadsheet",
                "For spreadsheets in Indonesian: `;`, Indonesian headers then the codes, decimal comma",
            ),
        ],
        required=False,
        help_text="With `format=csv`: `standard` (default: `,`, codes, decimal point, fractions) or "
        "`spreadsheet` (for spreadsheets in Indonesian: `;`, Indonesian headers then the codes, decimal comma, "
        "percentages).",
    )

    def validate_start(self, value):
        return _check_date(value)

    def validate_end(self, value):
        return _check_date(value)

    def validate(self, data):
        error = period_error(year=data.get("year"), start=data.get("start"), end=data.get("end"))
        if error:
            raise serializers.ValidationError({error.field: [error.message]})
        return data


class ComplianceQuery(AgencyQuery):
    since = serializers.DateField(
        required=False,
        error_messages=_DATE_ERRORS,
        help_text="Requests received from this day count for the rates (default: 1 January this year).",
    )

    def validate_since(self, value):
        return _check_date(value)


class OverdueQuery(AgencyQuery):
    unit = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    page = serializers.IntegerField(required=False, min_value=1, max_value=100_000, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE, default=50)


class ReportQuery(AgencyQuery):
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR)


class ReportTextsIn(serializers.Serializer):
    policy_text = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    implementation_text = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    obstacles_text = serializers.CharField(required=False, allow_blank=True, max_length=20_000)
    recommendations_text = serializers.CharField(required=False, allow_blank=True, max_length=20_000)


# --- response schemas -------------------------------------------------------------------------------------------
_definition = inline_serializer(
    "FigureDefinition", {"label": serializers.CharField(), "definition": serializers.CharField()}
)
_scope = inline_serializer(
    "StatisticsScope",
    {
        "agency": serializers.CharField(allow_null=True),
        "agency_name": serializers.CharField(allow_null=True),
        "unit": serializers.IntegerField(allow_null=True),
        "unit_name": serializers.CharField(allow_null=True),
        "agencies": serializers.IntegerField(),
    },
)
_period = inline_serializer(
    "StatisticsPeriod", {"start": serializers.DateField(), "end": serializers.DateField()}
)


def _statistics_schema(name: str, sections: list[str]):
    figures = inline_serializer(
        f"{name}Figures",
        {
            section: serializers.DictField(
                help_text=f"Figures of `{section}`: see /api/v1/stats/definitions/."
            )
            for section in sections
        },
    )
    month = inline_serializer(
        f"{name}Month", {"month": serializers.CharField(), "figures": figures.__class__()}
    )
    return inline_serializer(
        name,
        {
            "scope": _scope,
            "period": _period,
            "as_of": serializers.DateTimeField(help_text="The moment the figures are as of."),
            "source": serializers.ChoiceField(
                choices=[
                    ("live", "Counted from the cases at the moment of the call"),
                    ("summary", "Read from the summary table refreshed hourly"),
                ]
            ),
            "warnings": serializers.ListField(child=serializers.CharField()),
            "figures": figures,
            "by_month": month.__class__(many=True),
            "definitions": serializers.DictField(child=_definition.__class__()),
        },
    )


REQUEST_STATISTICS = _statistics_schema("RequestStatistics", ["requests", "objections", "disputes"])
COMPLAINT_STATISTICS = _statistics_schema("ComplaintStatistics", ["complaints"])
CSV_RESPONSE = OpenApiResponse(
    OpenApiTypes.STR, description="CSV: agency, unit, period, month, figure, value, definition."
)


# --- public statistics ------------------------------------------------------------------------------------------
class _StatisticsView(TransparencyView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    renderer_classes = [JSONRenderer, CSVRenderer]
    compute = None
    slug = ""

    def get(self, request):
        q = self.query(PeriodQuery)
        agency = get_object_or_404(Agency, slug=q["agency"]) if q.get("agency") else None
        unit = None
        if q.get("unit") is not None:
            units = Unit.objects.select_related("agency")
            unit = get_object_or_404(units.filter(agency=agency) if agency else units, pk=q["unit"])
        start, end = period_bounds(agency, year=q.get("year"), start=q.get("start"), end=q.get("end"))
        stats = type(self).compute(agency, unit, start=start, end=end)
        filename = statistics_filename(self.slug, agency, unit, start, end)
        wanted = q.get("format")
        if wanted == "csv":
            return _attachment(Response(statistics_rows(stats)), f"{filename}.csv")
        response = Response(stats)
        return _attachment(response, f"{filename}.json") if wanted == "json" else response


@extend_schema(
    parameters=[PeriodQuery],
    responses={(200, "application/json"): REQUEST_STATISTICS, (200, "text/csv"): CSV_RESPONSE},
    auth=[],
)
class RequestStatisticsView(_StatisticsView):
    """Information requests, objections and disputes of an agency (or all) and a period: counts, decisions,
    refusal grounds, response times in working days, extensions, also by month. No login; no personal data."""

    compute = staticmethod(request_statistics)
    slug = "permohonan"


@extend_schema(
    parameters=[PeriodQuery],
    responses={(200, "application/json"): COMPLAINT_STATISTICS, (200, "text/csv"): CSV_RESPONSE},
    auth=[],
)
class ComplaintStatisticsView(_StatisticsView):
    """Service complaints of an agency (or all) and a period: by category and state, the verification,
    follow-up and resolution clocks, ratings, also by month. No login; no personal data."""

    compute = staticmethod(complaint_statistics)
    slug = "pengaduan"


@extend_schema(
    responses=inline_serializer(
        "FigureDefinitions", {"definitions": serializers.DictField(child=_definition.__class__())}
    ),
    auth=[],
)
class DefinitionsView(TransparencyView):
    """What every published figure means, keyed by its dotted path in the statistics."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    renderer_classes = [JSONRenderer]

    def get(self, request):
        return Response({"definitions": definitions.rendered()})


# --- auditors ---------------------------------------------------------------------------------------------------
def _agency_for(request, slug: str, allowed) -> Agency:
    """404 unless the caller works for the agency (as if it did not exist); 403 without the role."""
    agency = Agency.objects.filter(slug=slug).first()
    if agency is None or not is_agency_staff(request.user, agency):
        raise NotFound()
    if not allowed(request.user, agency):
        raise PermissionDenied(_("Anda tidak berwenang melihat data ini."))
    return agency


_unit_compliance = inline_serializer(
    "UnitCompliance",
    {
        "unit": serializers.IntegerField(allow_null=True),
        "unit_name": serializers.CharField(allow_null=True),
        "unit_code": serializers.CharField(allow_null=True),
        "received": serializers.IntegerField(),
        "answered": serializers.IntegerField(),
        "answered_on_time": serializers.IntegerField(),
        "answered_late": serializers.IntegerField(),
        "overdue_in_period": serializers.IntegerField(),
        "on_time_rate": serializers.FloatField(allow_null=True),
        "extended": serializers.IntegerField(),
        "extension_rate": serializers.FloatField(allow_null=True),
        "objected": serializers.IntegerField(),
        "objection_rate": serializers.FloatField(allow_null=True),
        "open": serializers.IntegerField(),
        "aging": serializers.DictField(child=serializers.IntegerField()),
        "overdue": serializers.IntegerField(),
        "max_overdue_working_days": serializers.IntegerField(allow_null=True),
        "objections_overdue": serializers.IntegerField(),
        "complaints_open": serializers.IntegerField(),
        "complaints_overdue": serializers.IntegerField(),
        "contributions_late": serializers.IntegerField(),
        "dip_published": serializers.IntegerField(),
        "dip_berkala": serializers.IntegerField(),
        "dip_berkala_overdue": serializers.IntegerField(),
        "overdue_url": serializers.CharField(),
    },
)


@extend_schema(
    parameters=[ComplianceQuery],
    responses=inline_serializer(
        "Compliance",
        {
            "agency": serializers.CharField(),
            "at": serializers.DateTimeField(),
            "since": serializers.DateField(),
            "today": serializers.DateField(),
            "units": _unit_compliance.__class__(many=True),
            "totals": serializers.DictField(),
            "definitions": serializers.DictField(child=_definition.__class__()),
        },
    ),
)
class ComplianceView(TransparencyView):
    """Compliance per unit for the agency's auditors and administrators: on-time rate, overdue now and by how
    many working days, aging of open requests, extension and objection rates."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]

    def get(self, request):
        q = self.query(ComplianceQuery)
        agency = _agency_for(request, q["agency"], may_view_compliance)
        data = compliance_by_unit(agency, since=q.get("since"))
        base = reverse("api:stats-overdue")
        for unit in data["units"]:
            unit_part = f"&unit={unit['unit']}" if unit["unit"] else ""
            unit["overdue_url"] = f"{base}?agency={agency.slug}{unit_part}"
        return Response(data)


_KIND_URLS = {
    "request": "api:request-detail",
    "objection": "api:objection-detail",
    "complaint": "api:complaint-detail",
}


_KIND_LABELS = {"request": "Information request", "objection": "Objection", "complaint": "Service complaint"}


@extend_schema(
    parameters=[OverdueQuery],
    responses=inline_serializer(
        "OverdueCases",
        {
            "agency": serializers.CharField(),
            "at": serializers.DateTimeField(),
            "today": serializers.DateField(),
            "count": serializers.IntegerField(),
            "by_kind": serializers.DictField(child=serializers.IntegerField()),
            "page": serializers.IntegerField(),
            "page_size": serializers.IntegerField(),
            "results": inline_serializer(
                "OverdueCase",
                {
                    "kind": serializers.ChoiceField(choices=list(_KIND_LABELS.items())),
                    "id": serializers.IntegerField(),
                    "url": serializers.CharField(),
                    "number": serializers.CharField(),
                    "unit": serializers.IntegerField(allow_null=True),
                    "unit_name": serializers.CharField(allow_null=True),
                    "state": serializers.CharField(),
                    "clock": serializers.CharField(),
                    "due_date": serializers.DateField(),
                    "overdue_working_days": serializers.IntegerField(),
                    "received_on": serializers.DateField(),
                },
                many=True,
            ),
        },
    ),
)
class OverdueView(TransparencyView):
    """What is overdue now (requests, objections, complaints), longest overdue first, each with its id and
    address for drill-down. For the agency's auditors and administrators."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]

    def get(self, request):
        q = self.query(OverdueQuery)
        agency = _agency_for(request, q["agency"], may_view_compliance)
        unit = get_object_or_404(Unit, agency=agency, pk=q["unit"]) if q.get("unit") else None
        size = q["page_size"]
        data = overdue_cases(agency, unit=unit, limit=size, offset=(q["page"] - 1) * size)
        for case in data["results"]:
            case["url"] = reverse(_KIND_URLS[case["kind"]], kwargs={"pk": case["id"]})
        return Response({**data, "page": q["page"], "page_size": size})


# --- the annual report ------------------------------------------------------------------------------------------
def _report_year(year: int, agency: Agency) -> int:
    error = report_year_error(agency, year)
    if error:
        raise serializers.ValidationError({"year": [error]})
    return year


_REPORT = inline_serializer(
    "AnnualReport",
    {
        "agency": serializers.DictField(),
        "year": serializers.IntegerField(),
        "period": _period.__class__(),
        "as_of": serializers.DateTimeField(),
        "period_complete": serializers.BooleanField(),
        "submission_due": serializers.DateField(),
        "prepared": serializers.BooleanField(),
        "updated_at": serializers.DateTimeField(allow_null=True),
        "legal_basis": serializers.CharField(),
        "warnings": serializers.ListField(child=serializers.CharField()),
        "sections": serializers.DictField(help_text="Perki 1/2021 Pasal 56, sections a to f."),
        "definitions": serializers.DictField(child=_definition.__class__()),
        "published": serializers.BooleanField(help_text="Published for the public (a frozen version)."),
        "published_at": serializers.DateTimeField(allow_null=True, help_text="When last published."),
    },
)


def _report(agency: Agency, year: int) -> dict:
    """The live draft of the report and whether (and when) a version of it was published."""
    return {**annual_report_data(agency, year), **publication_status(agency, year)}


class AnnualReportView(TransparencyView):
    """The annual report (Laporan Layanan Informasi Publik, Perki 1/2021 Pasal 56) of an agency and year:
    read by the agency's staff; its texts (sections a, b, e, f) written by its PPID or administrator."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]

    @extend_schema(parameters=[ReportQuery], responses=_REPORT)
    def get(self, request):
        q = self.query(ReportQuery)
        agency = _agency_for(request, q["agency"], is_agency_staff)
        return Response(_report(agency, _report_year(q["year"], agency)))

    @extend_schema(parameters=[ReportQuery], request=ReportTextsIn, responses=_REPORT)
    def put(self, request):
        q = self.query(ReportQuery)
        agency = _agency_for(request, q["agency"], is_agency_staff)
        year = _report_year(q["year"], agency)
        texts = ReportTextsIn(data=request.data)
        texts.is_valid(raise_exception=True)
        annual_report_save(
            agency=agency,
            year=year,
            actor=request.user,
            **{f: texts.validated_data[f] for f in TEXT_FIELDS if f in texts.validated_data},
        )
        return Response(_report(agency, year))


@extend_schema(
    parameters=[ReportQuery],
    responses={
        (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The report as PDF")
    },
)
class AnnualReportPdfView(TransparencyView):
    """The annual report as an A4 PDF in Indonesian, for the agency's staff."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [PDFRenderer]

    def get(self, request):
        q = self.query(ReportQuery)
        agency = _agency_for(request, q["agency"], is_agency_staff)
        year = _report_year(q["year"], agency)
        response = HttpResponse(render_annual_report_pdf(agency, year), content_type="application/pdf")
        response["Cache-Control"] = "no-store"
        return _attachment(response, annual_report_filename(agency, year))


urlpatterns = [
    path("requests/", RequestStatisticsView.as_view(), name="stats-requests"),
    path("complaints/", ComplaintStatisticsView.as_view(), name="stats-complaints"),
    path("definitions/", DefinitionsView.as_view(), name="stats-definitions"),
    path("compliance/", ComplianceView.as_view(), name="stats-compliance"),
    path("compliance/overdue/", OverdueView.as_view(), name="stats-overdue"),
    path("annual-report/", AnnualReportView.as_view(), name="stats-annual-report"),
    path("annual-report/pdf/", AnnualReportPdfView.as_view(), name="stats-annual-report-pdf"),
]
