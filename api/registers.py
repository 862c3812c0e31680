"""The register books under /api/v1/registers/: `requests/` (Buku Register Permohonan Informasi Publik) and
`objections/` (Register Keberatan), for the agency's staff, of the cases they reach. Thin views over
transparency.registers and transparency.services.register_export (which records each download).

`?format=json` (default) answers the rows; `csv` a file for spreadsheets in Indonesian (`;`, the headers in
words then the codes); `xlsx` a workbook; `pdf` the printable book. The requester's address and contacts are
filled only for those who may see them. Errors are always JSON."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from agencies.models import Agency, Unit
from transparency.registers import (
    register_csv,
    register_filename,
    register_json,
    register_pdf,
    register_xlsx,
)
from transparency.services import register_export

from .stats import PDFRenderer, TransparencyView

_DATE_ERRORS = {"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")}
FORMATS = {
    "json": "JSON rows",
    "csv": "CSV for spreadsheets in Indonesian (`;`, Indonesian headers then the codes)",
    "xlsx": "Excel workbook",
    "pdf": "The printable book (A4 landscape)",
}
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class RegisterQuery(serializers.Serializer):
    agency = serializers.SlugField(max_length=60, help_text="The agency's slug (kode singkat).")
    unit = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, help_text="One unit of the agency (its id)."
    )
    # `from` and `to` are the contract's names; `from` is a Python keyword, hence the class namespace.
    locals()["from"] = serializers.DateField(
        required=False, error_messages=_DATE_ERRORS, help_text="First day of receipt (default: 1 January)."
    )
    locals()["to"] = serializers.DateField(
        required=False, error_messages=_DATE_ERRORS, help_text="Last day of receipt (default: today)."
    )
    format = serializers.ChoiceField(
        choices=list(FORMATS.items()), required=False, help_text="Default `json`."
    )


class _AnyFile(JSONRenderer):
    """Lets `?format=csv|xlsx` through content negotiation; the view answers those with an HttpResponse."""

    def __init__(self, fmt: str):
        self.format = fmt


class _CSV(_AnyFile):
    def __init__(self):
        super().__init__("csv")


class _XLSX(_AnyFile):
    def __init__(self):
        super().__init__("xlsx")


class _RegisterView(TransparencyView):
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer, _CSV, _XLSX, PDFRenderer]
    kind = ""

    def get(self, request):
        q = self.query(RegisterQuery)
        agency = Agency.objects.filter(slug=q["agency"]).first()
        if agency is None:
            raise NotFound()
        unit = None
        if "unit" in q:
            unit = Unit.objects.filter(pk=q["unit"], agency=agency).first()
            if unit is None:
                raise serializers.ValidationError(
                    {"unit": [_("Unit harus unit dari badan publik yang dipilih.")]}
                )
        today = timezone.localdate(timezone=agency.tzinfo)
        start = q.get("from") or dt.date(today.year, 1, 1)
        end = q.get("to") or today
        fmt = q.get("format") or "json"
        register = register_export(
            viewer=request.user,
            kind=self.kind,
            agency=agency,
            start=start,
            end=end,
            unit=unit,
            file_format=fmt,
        )
        if fmt == "json":
            return Response(
                {
                    "agency": agency.slug,
                    "unit": unit.pk if unit else None,
                    "from": start,
                    "to": end,
                    "columns": [{"code": code, "label": str(label)} for code, label in register.columns],
                    "rows": register_json(register),
                }
            )
        make = {"csv": register_csv, "xlsx": register_xlsx, "pdf": register_pdf}[fmt]
        response = HttpResponse(make(register), content_type=MEDIA[fmt])
        response["Content-Disposition"] = f'attachment; filename="{register_filename(register, fmt)}"'
        return response


_DOC = {
    "parameters": [RegisterQuery],
    "responses": {
        (200, "application/json"): OpenApiResponse(
            OpenApiTypes.OBJECT, description="`columns` (code and header) and `rows` (one object per case)."
        ),
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.BINARY, description="With `format=csv`."),
        (200, MEDIA["xlsx"]): OpenApiResponse(OpenApiTypes.BINARY, description="With `format=xlsx`."),
        (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="With `format=pdf`."),
    },
}


@extend_schema(
    description="The Buku Register Permohonan Informasi Publik of the requests received in the period that the "
    "caller reaches as the agency's staff (404 for anyone else). Each download is recorded in the audit trail.",
    **_DOC,
)
class RequestRegisterView(_RegisterView):
    kind = "requests"


@extend_schema(
    description="The Register Keberatan of the objections received in the period that the caller reaches as the "
    "agency's staff (404 for anyone else). Each download is recorded in the audit trail.",
    **_DOC,
)
class ObjectionRegisterView(_RegisterView):
    kind = "objections"
