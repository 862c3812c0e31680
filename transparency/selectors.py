"""The auditors' reads: compliance per unit and what is overdue now. Unlike the public statistics these name
cases (by id and registration number, never by person) so that an auditor can drill down, and are always live.

Indexes (migration 0002): partial indexes over open requests and open complaints, holding every column these
reads need, so that the overdue list and its counts are index-only scans of the open cases, however many closed
cases the agency has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Case, CharField, Count, DateField, F, Min, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Least, TruncDate
from django.utils import timezone

from agencies.models import Agency, Unit
from complaints.models import OPEN_COMPLAINT_STATES, Complaint, ComplaintState
from dip.models import Category, DipItem, ItemState
from dip.selectors import berkala_due_by
from ppid.models import (
    OPEN_OBJECTION_STATES,
    OPEN_STATES,
    Contribution,
    ContributionState,
    InformationRequest,
    Objection,
    RequestState,
)

from . import definitions
from .facts import midnight
from .statistics import BANDS, share
from .workdays import working_day_index

MAX_PAGE = 200


def _today(agency: Agency, at: dt.datetime) -> dt.date:
    return at.astimezone(agency.tzinfo).date()


def request_overdue_q(agency: Agency, today: dt.date) -> Q:
    """Open, past the end of the due date, and not paused (the database form of InformationRequest.is_overdue
    for one agency)."""
    q = Q(state__in=OPEN_STATES, due_date__lt=today)
    if agency.pause_on_clarification:
        q &= ~Q(state=RequestState.AWAITING_CLARIFICATION)
    return q


def objection_overdue_q(today: dt.date) -> Q:
    return Q(state__in=OPEN_OBJECTION_STATES, due_date__lt=today)


def complaint_next_due() -> Case:
    """The first day a running clock of an open complaint ends: verification or follow-up (whichever is
    running) or else the resolution. An open complaint is overdue (Complaint.is_overdue) exactly when this day
    has passed: one condition instead of three ORed ones, so that transparency_cmp_open answers it alone."""
    return Case(
        When(state=ComplaintState.SUBMITTED, then=Least("verify_due", "resolution_due")),
        When(
            state=ComplaintState.DISPOSITIONED,
            then=Least(Coalesce("followup_due", "resolution_due"), "resolution_due"),
        ),
        default=F("resolution_due"),
        output_field=DateField(),
    )


def complaint_clock() -> Case:
    """Which clock ends on complaint_next_due()."""
    return Case(
        When(state=ComplaintState.SUBMITTED, verify_due__lte=F("resolution_due"), then=Value("verification")),
        When(
            state=ComplaintState.DISPOSITIONED, followup_due__lte=F("resolution_due"), then=Value("followup")
        ),
        default=Value("resolution"),
        output_field=CharField(),
    )


def overdue_complaints(agency: Agency, today: dt.date) -> QuerySet[Complaint]:
    """Open complaints of the agency past complaint_next_due(), with that day as `next_due`."""
    return (
        Complaint.objects.filter(agency=agency, state__in=OPEN_COMPLAINT_STATES)
        .alias(next_due=complaint_next_due())
        .filter(next_due__lt=today)
    )


def _band(days: int) -> str:
    return next(label for label, low, high in BANDS if low <= days and (high is None or days <= high))


def _n(condition: Q | None = None) -> Count:
    """COUNT(1) [FILTER (WHERE condition)]: unlike Count("pk") it names no column, so a covering index answers
    it alone (an index-only scan)."""
    return Count(Value(1), filter=condition)


def compliance_by_unit(
    agency: Agency, at: dt.datetime | None = None, *, since: dt.date | None = None
) -> dict[str, Any]:
    """Per unit of the agency: the on-time rate, extension and objection rates of the requests received since
    `since` (default: 1 January of the year of `at`); and now: open requests by age, what is overdue and the
    longest delay in working days, overdue objections and complaints, and the contributions each unit was asked
    for and answered late or still owes past their due date; and the register's freshness: published items,
    berkala ones, and berkala ones past their next update. At most ten queries however many cases."""
    at = at or timezone.now()
    today = _today(agency, at)
    since = since or dt.date(today.year, 1, 1)
    tz = agency.tzinfo
    overdue = request_overdue_q(agency, today)
    units = list(Unit.objects.filter(agency=agency).order_by("-kind", "name", "pk"))  # Utama first
    # Per unit id (None: complaints not yet dispositioned; "__total__": the sums), the counters of one row.
    rows: dict[int | str | None, dict[str, Any]] = {}

    def row(unit_id: int | str | None) -> dict[str, Any]:
        if unit_id not in rows:
            rows[unit_id] = {
                "received": 0,
                "answered": 0,
                "answered_on_time": 0,
                "answered_late": 0,
                "overdue_in_period": 0,
                "extended": 0,
                "objected": 0,
                "open": 0,
                "aging": {label: 0 for label, _low, _high in BANDS},
                "overdue": 0,
                "max_overdue_working_days": None,
                "objections_overdue": 0,
                "complaints_open": 0,
                "complaints_overdue": 0,
                "contributions_late": 0,
                "dip_published": 0,
                "dip_berkala": 0,
                "dip_berkala_overdue": 0,
            }
        return rows[unit_id]

    with timezone.override(tz):
        start = midnight(since, tz)
        # The cohort: one index-only scan of transparency_req_received. An objection comes after its request, so
        # only the objections received since `since` can concern it (a small hashed subquery).
        objected = Objection.objects.filter(
            agency=agency, received_at__gte=start, request__isnull=False
        ).values("request_id")
        for cohort in (
            InformationRequest.objects.filter(agency=agency, received_at__gte=start, received_at__lte=at)
            .values("unit_id")
            .annotate(
                received=_n(),
                answered=_n(Q(responded_at__isnull=False)),
                on_time=_n(Q(responded_at__date__lte=F("due_date"))),
                extensions=_n(Q(extended_at__isnull=False)),
                overdue=_n(overdue),
                objected=_n(Q(pk__in=objected)),
            )
            .order_by()
        ):
            u = row(cohort["unit_id"])
            u["received"], u["answered"] = cohort["received"], cohort["answered"]
            u["extended"] = cohort["extensions"]
            u["answered_on_time"] = cohort["on_time"]
            u["answered_late"] = cohort["answered"] - cohort["on_time"]
            u["overdue_in_period"], u["objected"] = cohort["overdue"], cohort["objected"]
        # Open requests, whenever they arrived: an index-only scan of transparency_req_open.
        open_rows = list(
            InformationRequest.objects.filter(agency=agency, state__in=OPEN_STATES)
            .annotate(day=TruncDate("received_at"), late=Case(When(overdue, then=Value(1)), default=Value(0)))
            .values("unit_id", "day", "late")
            .annotate(n=_n(), first_due=Min("due_date"))
            .order_by()
        )
        objections_late = list(
            Objection.objects.filter(agency=agency)
            .filter(objection_overdue_q(today))
            .values("unit_id")
            .annotate(n=_n())
            .order_by()
        )
        # Contributions asked of each unit (issue 16 point 4): answered after the end of their internal due date
        # in the agency's zone, or still asked past it.
        contributions_late = list(
            Contribution.objects.filter(agency=agency)
            .filter(
                Q(state=ContributionState.ANSWERED, answered_at__date__gt=F("due_date"))
                | Q(state=ContributionState.ASKED, due_date__lt=today)
            )
            .values("unit_id")
            .annotate(n=_n())
            .order_by()
        )
        # The register's freshness (issue 18 point 2): the unit's published items, its berkala ones, and those past
        # their next update in the agency's today (`dip.selectors.berkala_due_by`: due before today).
        register = list(
            DipItem.objects.filter(agency=agency, state=ItemState.PUBLISHED)
            .values("unit_id")
            .annotate(
                published=_n(),
                berkala=_n(Q(category=Category.BERKALA)),
                overdue=_n(Q(category=Category.BERKALA, next_update_due__lt=today)),
            )
            .order_by()
        )
        complaints = list(
            Complaint.objects.filter(agency=agency, state__in=OPEN_COMPLAINT_STATES)
            .alias(next_due=complaint_next_due())
            .values("unit_id")
            .annotate(n=_n(), late=_n(Q(next_due__lt=today)))
            .order_by()
        )
    first = min([since, *(r["day"] for r in open_rows), *(r["first_due"] for r in open_rows)])
    index = working_day_index(agency, first, today)
    for r in open_rows:
        u = row(r["unit_id"])
        u["open"] += r["n"]
        u["aging"][_band(index.between(r["day"], today))] += r["n"]
        if r["late"]:
            u["overdue"] += r["n"]
            days = index.between(r["first_due"], today)
            u["max_overdue_working_days"] = max(u["max_overdue_working_days"] or 0, days)
    for o in objections_late:
        row(o["unit_id"])["objections_overdue"] = o["n"]
    for c in contributions_late:
        row(c["unit_id"])["contributions_late"] = c["n"]
    for reg in register:
        u = row(reg["unit_id"])
        u["dip_published"], u["dip_berkala"] = reg["published"], reg["berkala"]
        u["dip_berkala_overdue"] = reg["overdue"]
    for c in complaints:
        u = row(c["unit_id"])
        u["complaints_open"], u["complaints_overdue"] = c["n"], c["late"]

    def finish(u: dict[str, Any]) -> dict[str, Any]:
        return {
            **u,
            "on_time_rate": share(u["answered_on_time"], u["answered"] + u["overdue_in_period"]),
            "extension_rate": share(u["extended"], u["received"]),
            "objection_rate": share(u["objected"], u["received"]),
        }

    result_units = [
        {"unit": unit.pk, "unit_name": unit.name, "unit_code": unit.code, **finish(row(unit.pk))}
        for unit in units
    ]
    if None in rows:  # complaints not yet dispositioned to a unit
        result_units.append({"unit": None, "unit_name": None, "unit_code": None, **finish(rows[None])})
    totals = row("__total__")
    for key, value in rows.items():
        if key == "__total__":
            continue
        for field, number in value.items():
            if field == "aging":
                for label, n in number.items():
                    totals["aging"][label] += n
            elif field == "max_overdue_working_days":
                if number is not None:
                    totals[field] = max(totals[field] or 0, number)
            else:
                totals[field] += number
    return {
        "agency": agency.slug,
        "at": at.isoformat(),
        "since": since.isoformat(),
        "today": today.isoformat(),
        "units": result_units,
        "totals": finish(totals),
        "definitions": definitions.rendered(["compliance"]),
    }


def overdue_cases(
    agency: Agency,
    at: dt.datetime | None = None,
    *,
    unit: Unit | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Open requests, objections and complaints past their due date now, longest overdue first, each with its
    id for drill-down and the working days since the missed day. One page (`limit`, `offset`) and the counts.

    Each kind's first offset+limit cases come in due-date order from its partial index of open cases; they are
    merged and cut to the page. Complaints are ordered by the first missed day of the clock running now
    (verification, follow-up or resolution) from transparency_cmp_open alone; only the page's complaints are
    then read in full."""
    at = at or timezone.now()
    today = _today(agency, at)
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    take = offset + limit
    requests = InformationRequest.objects.filter(agency=agency).filter(request_overdue_q(agency, today))
    objections = Objection.objects.filter(agency=agency).filter(objection_overdue_q(today))
    complaints = overdue_complaints(agency, today)
    if unit is not None:
        requests = requests.filter(unit=unit)
        objections = objections.filter(unit=unit)
        complaints = complaints.filter(unit=unit)
    counts = {"request": requests.count(), "objection": objections.count(), "complaint": complaints.count()}
    # (missed day, kind, id, clock, row); a complaint's row is read below, once it is on the page.
    page: list[tuple[dt.date, str, int, str, Mapping[str, Any]]] = []
    for r in (
        requests.order_by("due_date", "pk").values(
            "pk", "registration_number", "unit_id", "unit__name", "state", "due_date", "received_at"
        )[:take]
        if counts["request"]
        else ()
    ):
        page.append((r["due_date"], "request", r["pk"], "notice", r))
    for o in (
        objections.order_by("due_date", "pk").values(
            "pk",
            "registration_number",
            "unit_id",
            "unit__name",
            "state",
            "due_date",
            "received_at",
        )[:take]
        if counts["objection"]
        else ()
    ):
        page.append((o["due_date"], "objection", o["pk"], "objection_response", o))
    if counts["complaint"]:
        for pk, due_on, running in (
            complaints.annotate(due=F("next_due"), clock=complaint_clock())
            .order_by("due", "pk")
            .values_list("pk", "due", "clock")[:take]
        ):
            page.append((due_on, "complaint", pk, running, {}))
    page.sort(key=lambda item: item[:3])
    page = page[offset:take]
    wanted = [pk for _due, kind, pk, _clock, _row in page if kind == "complaint"]
    if wanted:
        details = {
            r["pk"]: r
            for r in Complaint.objects.filter(pk__in=wanted).values(
                "pk", "tracking_number", "unit_id", "unit__name", "state", "received_at"
            )
        }
        page = [
            (due, kind, pk, clock, details[pk] if kind == "complaint" else r)
            for due, kind, pk, clock, r in page
        ]
    results = []
    if page:
        index = working_day_index(agency, page[0][0], today)
        results = [
            {
                "kind": kind,
                "id": pk,
                "number": r.get("registration_number") or r.get("tracking_number"),
                "unit": r["unit_id"],
                "unit_name": r["unit__name"],
                "state": r["state"],
                "clock": clock,
                "due_date": due.isoformat(),
                "overdue_working_days": index.between(due, today),
                "received_on": r["received_at"].astimezone(agency.tzinfo).date().isoformat(),
            }
            for due, kind, pk, clock, r in page
        ]
    return {
        "agency": agency.slug,
        "at": at.isoformat(),
        "today": today.isoformat(),
        "count": sum(counts.values()),
        "by_kind": counts,
        "results": results,
    }


def overdue_register_items(
    agency: Agency, at: dt.datetime | None = None, *, unit: Unit | None = None, limit: int = 50
) -> dict[str, Any]:
    """The agency's published berkala items past their next update (the figure `dip_berkala_overdue`), longest
    overdue first: how many, and the first `limit` with their unit and by how many calendar days (the six-monthly
    duty counts days, not working days). Two queries."""
    at = at or timezone.now()
    today = _today(agency, at)
    qs = berkala_due_by(today - dt.timedelta(days=1)).filter(agency=agency)
    if unit is not None:
        qs = qs.filter(unit=unit)
    count = qs.count()
    rows = [
        {
            "id": item.pk,
            "title": item.title,
            "unit": item.unit_id,
            "unit_name": item.unit.name,
            "next_update_due": item.next_update_due,
            "overdue_days": (today - item.next_update_due).days if item.next_update_due else None,
        }
        for item in (qs.order_by("next_update_due", "pk")[:limit] if count else [])
    ]
    return {"today": today.isoformat(), "count": count, "results": rows}
