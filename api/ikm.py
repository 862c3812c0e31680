"""`GET /api/v1/stats/ikm/`: the public Indeks Kepuasan Masyarakat of an agency (skm.ikm), aggregate only.

Per unit and semester and the agency's total: respondents, each element's mean, the index, the IKM and its
grade. No suggestion texts, no case, no person. `?format=csv` (with `&dialect=spreadsheet` for the pages'
Indonesian spreadsheet form) gives the same table as a file.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from agencies.selectors import active_agencies
from skm.ikm import DEFINITION, csv_labels, csv_rows, ikm_table
from transparency.exports import csv_bytes
from transparency.params import FIRST_YEAR, LAST_YEAR

from .stats import CSV_RESPONSE, CSVRenderer, TransparencyView, _attachment


class IkmQuery(serializers.Serializer):
    agency = serializers.SlugField(max_length=60, help_text="The agency's slug (kode singkat).")
    year = serializers.IntegerField(
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text="A calendar year; all years when absent.",
    )
    semester = serializers.ChoiceField(
        choices=[(1, "January to June"), (2, "July to December")],
        required=False,
        help_text="1 or 2 (of the completion date in the agency's zone); both when absent.",
    )
    format = serializers.ChoiceField(
        choices=[("json", "JSON in the page"), ("csv", "CSV file (download)")],
        required=False,
        help_text="`csv` to download the table as a file; JSON by default.",
    )
    dialect = serializers.ChoiceField(
        choices=[
            ("standard", "Standard CSV: `,`, codes, decimal point"),
            (
                "spreadsheet",
                "For spreadsheets in Indonesian: `;`, Indonesian headers then the codes, decimal comma",
            ),
        ],
        required=False,
        help_text="With `format=csv`: `standard` (default) or `spreadsheet`.",
    )


IKM_RESPONSE = inline_serializer(
    "IkmTable",
    {
        "agency": serializers.CharField(),
        "definition": serializers.CharField(),
        "rows": inline_serializer(
            "IkmRow",
            {
                "unit_id": serializers.IntegerField(allow_null=True),
                "unit": serializers.CharField(),
                "year": serializers.IntegerField(),
                "semester": serializers.IntegerField(),
                "respondents": serializers.IntegerField(),
                "element_means": serializers.DictField(child=serializers.CharField()),
                "index": serializers.CharField(),
                "ikm": serializers.CharField(),
                "grade": serializers.CharField(),
                "grade_label": serializers.CharField(),
                "small_sample": serializers.BooleanField(),
            },
            many=True,
        ),
    },
)


class _CsvBytes(CSVRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        return (
            data if isinstance(data, bytes) else super().render(data, accepted_media_type, renderer_context)
        )


@extend_schema(
    parameters=[IkmQuery],
    responses={(200, "application/json"): IKM_RESPONSE, (200, "text/csv"): CSV_RESPONSE},
    auth=[],
)
class IkmView(TransparencyView):
    """The satisfaction index (IKM, PermenPANRB 14/2017) per unit and semester: aggregate only, no login."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    renderer_classes = [JSONRenderer, _CsvBytes]

    def get(self, request):
        q = self.query(IkmQuery)
        agency = get_object_or_404(active_agencies(), slug=q["agency"])
        semester = int(q["semester"]) if q.get("semester") else None
        rows = ikm_table(agency, year=q.get("year"), semester=semester)
        if q.get("format") == "csv":
            body = csv_bytes(
                csv_rows(rows), spreadsheet=q.get("dialect") == "spreadsheet", labels=csv_labels()
            )
            return _attachment(Response(body), f"ikm-{agency.slug}.csv")
        return Response(
            {"agency": agency.slug, "definition": str(DEFINITION), "rows": [row.as_dict() for row in rows]}
        )
