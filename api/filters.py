"""Query-string filters of the list endpoints, validated: a bad value is a 400 with the field named."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from ppid.models import OPEN_STATES, Channel, RequestState
from ppid.selectors import overdue_q
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import due_soon_until
from workcalendar.validators import planned_date

# A year far outside the present era overflows date arithmetic and the zone conversion of the database.
FILTER_FIRST_YEAR, FILTER_LAST_YEAR = 1900, 2999


class AssignedFilter(serializers.Serializer):
    assigned_to = serializers.RegexField(
        r"^(me|none|[1-9][0-9]{0,9})$",
        required=False,
        help_text="Staff: `me` (the caller's cases), `none` (nobody's yet) or an officer's user id.",
        error_messages={"invalid": gettext_lazy("Gunakan me, none, atau id petugas.")},
    )


class RequestFilter(AssignedFilter):
    state = serializers.ChoiceField(choices=RequestState.choices, required=False)
    unit = serializers.IntegerField(required=False, min_value=1)
    channel = serializers.ChoiceField(choices=Channel.choices, required=False)
    # Ends of a range: inside the window every date keeps (a due date may lie ahead); a date far outside it
    # (9999-12-31 would overflow date arithmetic and the database's zone conversion) is a 400.
    due_before = serializers.DateField(required=False, validators=[planned_date])
    due_after = serializers.DateField(required=False, validators=[planned_date])
    received_after = serializers.DateField(required=False, validators=[planned_date])
    received_before = serializers.DateField(required=False, validators=[planned_date])
    overdue = serializers.BooleanField(required=False, allow_null=True, default=None)
    due_soon = serializers.BooleanField(required=False, allow_null=True, default=None)
    q = serializers.CharField(required=False, max_length=200, trim_whitespace=True)
    mine = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Staff: list your own filings as a citizen instead of the work queue.",
    )
    ordering = serializers.ChoiceField(
        choices=[
            ("due_date", "Due date, earliest first (the staff queue's default)"),
            ("-due_date", "Due date, latest first"),
            ("received_at", "Receipt, oldest first"),
            ("-received_at", "Receipt, newest first (the citizen's default)"),
        ],
        required=False,
    )


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def filter_requests(qs: QuerySet, params, *, staff: bool) -> QuerySet:
    data = RequestFilter(data=params)
    data.is_valid(raise_exception=True)
    f = data.validated_data
    if f.get("state"):
        qs = qs.filter(state=f["state"])
    if f.get("unit"):
        qs = qs.filter(unit_id=f["unit"])
    if f.get("channel"):
        qs = qs.filter(channel=f["channel"])
    if f.get("due_before"):
        qs = qs.filter(due_date__lte=f["due_before"])
    if f.get("due_after"):
        qs = qs.filter(due_date__gte=f["due_after"])
    if f.get("received_after"):
        qs = qs.filter(received_at__gte=_day_start(f["received_after"]))
    if f.get("received_before"):
        qs = qs.filter(received_at__lt=_day_start(f["received_before"] + dt.timedelta(days=1)))
    if f.get("overdue") is True:
        qs = qs.filter(overdue_q())
    elif f.get("overdue") is False:
        qs = qs.exclude(overdue_q())
    if f.get("due_soon"):
        today = timezone.localdate()
        horizon = due_soon_until(today, calendar=WorkingCalendar())
        qs = qs.filter(state__in=OPEN_STATES, due_date__gte=today, due_date__lte=horizon)
    if f.get("q"):
        qs = qs.filter(Q(information_requested__icontains=f["q"]) | Q(registration_number__icontains=f["q"]))
    default = "due_date" if staff else "-received_at"
    return qs.order_by(f.get("ordering") or default, "id")


class HolidayFilter(serializers.Serializer):
    year = serializers.IntegerField(
        required=False,
        min_value=FILTER_FIRST_YEAR,
        max_value=FILTER_LAST_YEAR,
        help_text="Only the holidays of this year.",
    )


class UnitFilter(serializers.Serializer):
    agency = serializers.SlugField(
        required=False, max_length=100, help_text="Only the units of this agency (slug)."
    )


def query(filter_class, params) -> dict:
    """The validated query parameters of a list endpoint; a bad value is a 400 naming the parameter."""
    data = filter_class(data=params)
    data.is_valid(raise_exception=True)
    return data.validated_data


def bad_param(name: str, message: str):
    return serializers.ValidationError({name: [message or _("Nilai tidak valid.")]})
