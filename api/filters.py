"""Query-string filters of the list endpoints, validated: a bad value is a 400 with the field named."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from ppid.models import Channel, RequestState
from ppid.search import SearchFields, search_cases
from ppid.selectors import QueueFilters, filter_request_queue
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
    q = serializers.CharField(
        required=False,
        max_length=200,
        trim_whitespace=True,
        help_text="Every word must match the registration number or the information requested; staff also "
        "search the requester's name and the internal notes of the cases they handle. Tolerant of typos on "
        "PostgreSQL; without `ordering`, results come by relevance.",
    )
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
            ("registration_number", "Registration number, by year and sequence"),
            ("-registration_number", "Registration number, latest first"),
            ("assigned_to", "Assignee: unassigned first, then by name"),
            ("-assigned_to", "Assignee by name, unassigned last"),
        ],
        required=False,
    )


def filter_requests(qs: QuerySet, params, *, staff: bool, viewer) -> QuerySet:
    """The request list narrowed by its validated query parameters (`ppid.selectors.filter_request_queue`, the
    queue page's too)."""
    data = RequestFilter(data=params)
    data.is_valid(raise_exception=True)
    f = data.validated_data
    filters = QueueFilters(
        state=f.get("state") or "",
        unit_id=f.get("unit"),
        assigned_to=f.get("assigned_to") or "",
        channel=f.get("channel") or "",
        due_soon=f.get("due_soon"),
        overdue=f.get("overdue"),
        received_after=f.get("received_after"),
        received_before=f.get("received_before"),
        due_after=f.get("due_after"),
        due_before=f.get("due_before"),
        q=f.get("q") or "",
        ordering=f.get("ordering") or "",
    )
    return filter_request_queue(qs, filters, viewer=viewer, as_staff=staff)


class CaseSearchFilter(AssignedFilter):
    q = serializers.CharField(
        required=False,
        max_length=200,
        trim_whitespace=True,
        help_text="Every word must match the registration number or the text of the case; staff also search the "
        "requester's name and the internal notes. Tolerant of typos on PostgreSQL; results by relevance.",
    )


def search_list(qs: QuerySet, params, *, fields: SearchFields, viewer, staff: bool) -> QuerySet:
    """An objection or complaint list narrowed by `q=` (`ppid.search`), by relevance within its own order."""
    q = query(CaseSearchFilter, params).get("q")
    if not q:
        return qs
    found, ranked = search_cases(qs, q, viewer=viewer, fields=fields, as_staff=staff)
    return found.order_by("-search_rank", *qs.query.order_by) if ranked else found


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
