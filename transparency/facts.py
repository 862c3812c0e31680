"""The live queries behind every figure: grouped counts of cases by codes and local dates, never a name, an
address, a NIK or a free text. Each returns one row per distinct combination with its count `n`, so the number
of rows grows with the number of days and codes, not with the number of cases.

Local dates: a case's day is its date of receipt in its agency's time zone. Callers run one pass per time zone
(`zone`) over the agencies of that zone, inside `timezone.override(zone)`, so that the `__date` comparisons in
the conditions below use the same zone as `TruncDate`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

from django.db.models import BooleanField, Case, CharField, Count, F, JSONField, Q, QuerySet, Value, When
from django.db.models.functions import TruncDate

from complaints.models import OPEN_COMPLAINT_STATES, Complaint, ComplaintState
from ppid.models import (
    OPEN_OBJECTION_STATES,
    OPEN_STATES,
    Decision,
    Dispute,
    InformationRequest,
    Objection,
    ObjectionOrder,
    ObjectionState,
    OrderState,
    RequestState,
)


def midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone)


def _received_between(qs: QuerySet, field: str, zone: ZoneInfo, start: dt.date | None, end: dt.date | None):
    # A half-open range on the stored instant keeps the (agency_id, received_at) index usable.
    if start is not None:
        qs = qs.filter(**{f"{field}__gte": midnight(start, zone)})
    if end is not None:
        qs = qs.filter(**{f"{field}__lt": midnight(end + dt.timedelta(days=1), zone)})
    return qs


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def _rows(qs: QuerySet, fields: list[str]) -> Iterator[dict]:
    """The grouped rows, as dicts. Fetched through an ordinary cursor rather than .iterator(): for a named
    (server-side) cursor PostgreSQL plans for the first rows and never in parallel, which made these aggregates
    twice as slow (bench/stats.py). The rows are combinations of codes and days, not cases."""
    names = [*fields, "n"]
    # No ordering: a model's default ordering would otherwise join the GROUP BY.
    rows = qs.values(*fields).annotate(n=Count("pk")).order_by().values_list(*names)
    return (dict(zip(names, row, strict=True)) for row in rows)


def request_facts(
    agencies: Iterable,
    zone: ZoneInfo,
    *,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unit_id: int | None = None,
    by_unit: bool = False,
) -> Iterator[dict]:
    """Requests by day of receipt, state, channel, decision and its Pasal 17 grounds, day of the written notice,
    whether extended and whether past due now. One pass over the requests and their notices."""
    agencies = list(agencies)
    qs = _received_between(
        InformationRequest.objects.filter(agency_id__in=[a.pk for a in agencies]),
        "received_at",
        zone,
        start,
        end,
    )
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    past_due = Q(state__in=OPEN_STATES, due_date__lt=today)
    paused = [a.pk for a in agencies if a.pause_on_clarification]
    if paused:
        # A paused clock is never overdue (InformationRequest.is_overdue).
        past_due &= ~Q(state=RequestState.AWAITING_CLARIFICATION, agency_id__in=paused)
    qs = qs.annotate(
        day=TruncDate("received_at", tzinfo=zone),
        rday=TruncDate("responded_at", tzinfo=zone),
        decision=F("response__decision"),
        # Only refusals and partial grants cite grounds (ppid.services validates it); NULL elsewhere spares
        # decoding an empty list on every other row.
        grounds=Case(
            When(
                response__decision__in=[Decision.REJECTED, Decision.PARTIALLY_GRANTED],
                then=F("response__exemption_grounds"),
            ),
            default=None,
            output_field=JSONField(),
        ),
        ext=_flag(Q(extended_at__isnull=False)),
        past_due=_flag(past_due),
    ).annotate(
        # Against the request's own due date (10 working days, or 17 when extended), as objections are.
        timeliness=Case(
            When(Q(responded_at__isnull=False) & Q(rday__gt=F("due_date")), then=Value("late")),
            When(responded_at__isnull=False, then=Value("on_time")),
            When(state=RequestState.WITHDRAWN, then=Value("not_applicable")),
            When(past_due, then=Value("late")),
            default=Value("pending"),
            output_field=CharField(),
        )
    )
    fields = [
        "agency_id",
        "day",
        "state",
        "channel",
        "decision",
        "grounds",
        "rday",
        "ext",
        "past_due",
        "timeliness",
    ]
    return _rows(qs, [*fields, "unit_id"] if by_unit else fields)


def objection_facts(
    agencies: Iterable,
    zone: ZoneInfo,
    *,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unit_id: int | None = None,
    by_unit: bool = False,
) -> Iterator[dict]:
    """Objections by their own day of receipt (unit: the objection's, which is its request's unit)."""
    qs = _received_between(
        Objection.objects.filter(agency_id__in=[a.pk for a in agencies]), "received_at", zone, start, end
    )
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    timeliness = Case(
        When(state=ObjectionState.WITHDRAWN, then=Value("not_applicable")),
        When(decided_at__isnull=False, decided_at__date__lte=F("due_date"), then=Value("on_time")),
        When(decided_at__isnull=False, then=Value("late")),
        When(state__in=OPEN_OBJECTION_STATES, due_date__lt=today, then=Value("late")),
        default=Value("pending"),
        output_field=CharField(),
    )
    qs = qs.annotate(day=TruncDate("received_at", tzinfo=zone), timeliness=timeliness)
    fields = ["agency_id", "day", "state", "outcome", "settled_by_agreement", "grounds", "timeliness"]
    return _rows(qs, [*fields, "unit_id"] if by_unit else fields)


def dispute_facts(
    agencies: Iterable,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unit_id: int | None = None,
    by_unit: bool = False,
) -> Iterator[dict]:
    """Disputes at the Komisi Informasi by the day the KI received them (already a local date)."""
    qs = Dispute.objects.filter(agency_id__in=[a.pk for a in agencies])
    if start is not None:
        qs = qs.filter(filed_on__gte=start)
    if end is not None:
        qs = qs.filter(filed_on__lte=end)
    if unit_id is not None:
        qs = qs.filter(objection__unit_id=unit_id)
    if by_unit:
        qs = qs.annotate(unit_id=F("objection__unit_id"))
    qs = qs.annotate(
        day=F("filed_on"),
        decided=_flag(Q(decision_on__isnull=False)),
        complied=_flag(Q(complied_on__isnull=False)),
        court_decided=_flag(Q(court_decision_received_on__isnull=False)),
        kasasi=_flag(Q(kasasi_filed_on__isnull=False)),
    )
    fields = [
        "agency_id",
        "day",
        "result",
        "mediation_result",
        "appeal_court",
        "decided",
        "complied",
        "court_decided",
        "kasasi",
    ]
    return _rows(qs, [*fields, "unit_id"] if by_unit else fields)


def complaint_facts(
    agencies: Iterable,
    zone: ZoneInfo,
    *,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unit_id: int | None = None,
    by_unit: bool = False,
) -> Iterator[dict]:
    """Complaints by day of receipt, category and state, with each clock judged on time, late, pending or not
    applicable now."""
    qs = _received_between(
        Complaint.objects.filter(agency_id__in=[a.pk for a in agencies]), "received_at", zone, start, end
    )
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    verification = Case(
        When(
            dispositioned_at__isnull=False, dispositioned_at__date__lte=F("verify_due"), then=Value("on_time")
        ),
        When(dispositioned_at__isnull=False, then=Value("late")),
        When(archived_at__isnull=False, archived_at__date__lte=F("verify_due"), then=Value("on_time")),
        When(archived_at__isnull=False, then=Value("late")),
        When(verify_due__lt=today, then=Value("late")),
        default=Value("pending"),
        output_field=CharField(),
    )
    followup = Case(
        When(followup_due__isnull=True, then=Value("not_applicable")),
        # Back at the unit (after a reopening too): judged on the current follow-up clock.
        When(state=ComplaintState.DISPOSITIONED, followup_due__lt=today, then=Value("late")),
        When(state=ComplaintState.DISPOSITIONED, then=Value("pending")),
        When(responded_at__isnull=False, responded_at__date__lte=F("followup_due"), then=Value("on_time")),
        When(responded_at__isnull=False, then=Value("late")),
        default=Value("not_applicable"),
        output_field=CharField(),
    )
    resolution = Case(
        When(state=ComplaintState.ARCHIVED, then=Value("not_applicable")),
        When(completed_at__isnull=False, completed_at__date__lte=F("resolution_due"), then=Value("on_time")),
        When(completed_at__isnull=False, then=Value("late")),
        When(state__in=OPEN_COMPLAINT_STATES, resolution_due__lt=today, then=Value("late")),
        default=Value("pending"),
        output_field=CharField(),
    )
    qs = qs.annotate(
        day=TruncDate("received_at", tzinfo=zone),
        verification=verification,
        followup=followup,
        resolution=resolution,
    )
    fields = [
        "agency_id",
        "day",
        "category",
        "state",
        "anonymous",
        "confidential",
        "verification",
        "followup",
        "resolution",
        "rating",
    ]
    return _rows(qs, [*fields, "unit_id"] if by_unit else fields)


def order_implementation(agency, *, today: dt.date, start: dt.date, end: dt.date) -> dict[str, int]:
    """The Atasan's orders opened by the agency's objections received from `start` to `end` (by the objection's
    day of receipt, like every objection figure) and how they were carried out (Perki 1/2021 Pasal 56(d), "dengan
    pelaksanaannya"): complied with by the comply-by date or after it, still open, and of those past it `today`.
    An agency has few orders a year: read as (state, due date, moment of compliance), no text."""
    zone = agency.tzinfo
    qs = _received_between(
        ObjectionOrder.objects.filter(agency=agency), "objection__received_at", zone, start, end
    )
    counts = {
        "opened": 0,
        "complied": 0,
        "complied_on_time": 0,
        "complied_late": 0,
        "open": 0,
        "open_overdue": 0,
    }
    for state, due_date, complied_at in qs.order_by().values_list("state", "due_date", "complied_at"):
        counts["opened"] += 1
        if state == OrderState.COMPLIED and complied_at is not None:
            counts["complied"] += 1
            late = complied_at.astimezone(zone).date() > due_date
            counts["complied_late" if late else "complied_on_time"] += 1
        else:
            counts["open"] += 1
            counts["open_overdue"] += today > due_date
    return counts
