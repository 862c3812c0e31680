"""Thin DRF views: parse input, call a service or selector, render."""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from agencies.selectors import active_agencies
from workcalendar.calendar import AGENCY, REQUESTER, compute_due_date

PARTY_CHOICES = [
    (AGENCY, "The agency's own deadline (notice, extension, Atasan's answer, complaint follow-ups)"),
    (REQUESTER, "The requester's window (objection, filing at the Komisi Informasi)"),
]


class DueDateQuery(serializers.Serializer):
    start = serializers.DateField(
        error_messages={"invalid": _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")}
    )
    working_days = serializers.IntegerField(min_value=1, max_value=365)
    agency = serializers.SlugField(required=False)
    party = serializers.ChoiceField(
        choices=PARTY_CHOICES,
        default=AGENCY,
        help_text="Whose deadline: `agency` (its own, the default) or `requester` (objection, KI filing). "
        "Decides whether cuti bersama counts, by the agency's setting for that party.",
        error_messages={"invalid_choice": _("Pihak tidak dikenal: pilih agency atau requester.")},
    )

    def validate_start(self, value):
        # The calendar covers the present era; far dates also carry historical zone offsets (LMT).
        if not dt.date(2000, 1, 1) <= value <= dt.date(2100, 12, 31):
            raise serializers.ValidationError(_("Tanggal di luar jangkauan kalender (2000–2100)."))
        return value


_skipped = inline_serializer(
    "SkippedDay",
    {"date": serializers.DateField(), "kind": serializers.CharField(), "reason": serializers.CharField()},
)


@extend_schema(
    parameters=[DueDateQuery],
    responses=inline_serializer(
        "DueDate",
        {
            "start": serializers.DateField(),
            "working_days": serializers.IntegerField(),
            "due_date": serializers.DateField(),
            "due_at": serializers.DateTimeField(),
            "time_zone": serializers.CharField(),
            "cuti_bersama_counts": serializers.BooleanField(),
            "party": serializers.ChoiceField(choices=PARTY_CHOICES),
            "counted": serializers.ListField(child=serializers.DateField()),
            "skipped": _skipped.__class__(many=True),
            "warnings": serializers.ListField(child=serializers.CharField()),
            "explanation": serializers.CharField(),
        },
    ),
)
class DueDateView(APIView):
    """The statutory due date from a day of receipt, with each counted and skipped day explained."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    def get(self, request):
        query = DueDateQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        agency = None
        if query.validated_data.get("agency"):
            agency = get_object_or_404(active_agencies(), slug=query.validated_data["agency"])
        due = compute_due_date(
            start=query.validated_data["start"],
            working_days=query.validated_data["working_days"],
            agency=agency,
            party=query.validated_data["party"],
        )
        return Response({**due.as_dict(), "explanation": due.explanation()})
