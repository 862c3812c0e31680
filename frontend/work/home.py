"""What the staff home (/kerja/) and the workload page show: reads over the case apps' selectors.

Three case types (requests, objections, complaints) are listed side by side as `CaseRow`s. Every list is a
bounded query (the first `NEXT_DUE` by due date) next to its count, so the page costs the same number of
queries with ten cases or a hundred thousand. "Due soon" is `workcalendar.deadlines` (DUE_SOON_WORKING_DAYS),
the same definition the badges, the API's `due_soon` filter and the reminders use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Membership, StaffRole, Unit, UnitKind
from agencies.selectors import memberships_of
from complaints.models import OPEN_COMPLAINT_STATES, Complaint, ComplaintState
from complaints.selectors import complaints_seen_as_staff
from dip.links import dik_staff_url, item_staff_url
from dip.models import DipItem
from dip.selectors import awaiting_publication, dik_due_for_review, overdue_items_for
from ppid.models import OPEN_OBJECTION_STATES, OPEN_STATES, InformationRequest, Objection
from ppid.rules import OFFICER_ROLES
from ppid.selectors import objections_seen_as_staff, overdue_q, staff_requests
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus, deadline_status, due_soon_until

if TYPE_CHECKING:
    from accounts.models import User

# How many cases each list shows; its count and the queue have the rest.
NEXT_DUE = 10
SUBJECT_CHARS = 90

KIND_LABELS = {
    "request": _("Permohonan"),
    "objection": _("Keberatan"),
    "complaint": _("Pengaduan"),
}


@dataclass
class CaseRow:
    kind: str
    obj: Any
    number: str
    subject: str
    unit: Unit | None
    due: dt.date | None
    badge: dict | None

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()


def _shorten(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= SUBJECT_CHARS else text[: SUBJECT_CHARS - 1].rstrip() + "…"


class Clock:
    """Today and the due-soon horizon in the viewer's agency (staff belong to one agency)."""

    def __init__(self, agency: Agency | None):
        self.calendar = WorkingCalendar(agency)
        self.now = timezone.now()
        self.today = timezone.localdate(self.now, timezone=agency.tzinfo) if agency else timezone.localdate()
        self.horizon = due_soon_until(self.today, calendar=self.calendar)

    def badge(self, obj, due: dt.date | None) -> dict | None:
        if obj.is_overdue:
            return {"kind": DeadlineStatus.OVERDUE}
        if getattr(obj, "clock_paused", False):
            return {"kind": "paused"}
        if due is None or not obj.is_open:
            return None
        status = deadline_status(due, calendar=self.calendar, now=self.now)
        return {"kind": status.code, "left": status.working_days_left}


# --- the three case types: what is open, overdue, due soon, and how a row reads ---------------------------
def _complaint_due(complaint: Complaint) -> dt.date | None:
    due = complaint.current_due
    return min(due, complaint.resolution_due) if due else complaint.resolution_due


class Kind:
    """One case type as the home reads it."""

    code: str
    due_field: str

    def base(self, user: User) -> QuerySet:
        raise NotImplementedError

    def open_q(self) -> Q:
        raise NotImplementedError

    def overdue_q(self, clock: Clock) -> Q:
        raise NotImplementedError

    def due_soon_q(self, clock: Clock) -> Q:
        return self.open_q() & Q(**{f"{self.due_field}__range": (clock.today, clock.horizon)})

    def row(self, obj, clock: Clock) -> CaseRow:
        raise NotImplementedError


class RequestKind(Kind):
    code, due_field = "request", "due_date"

    def base(self, user):
        return staff_requests(user).exclude(requester=user)

    def open_q(self):
        return Q(state__in=OPEN_STATES)

    def overdue_q(self, clock):
        return overdue_q(clock.now)

    def due_soon_q(self, clock):
        return super().due_soon_q(clock) & ~self.overdue_q(clock)

    def row(self, obj: InformationRequest, clock):
        return CaseRow(
            "request",
            obj,
            obj.registration_number,
            _shorten(obj.information_requested),
            obj.unit,
            obj.due_date,
            clock.badge(obj, obj.due_date),
        )


class ObjectionKind(Kind):
    code, due_field = "objection", "due_date"

    def base(self, user):
        return objections_seen_as_staff(user).select_related("request")

    def open_q(self):
        return Q(state__in=OPEN_OBJECTION_STATES)

    def overdue_q(self, clock):
        return self.open_q() & Q(due_date__lt=clock.today)

    def row(self, obj: Objection, clock):
        subject = obj.request.information_requested if obj.request_id else obj.information
        return CaseRow(
            "objection",
            obj,
            obj.registration_number,
            _shorten(subject or obj.reason),
            obj.unit,
            obj.due_date,
            clock.badge(obj, obj.due_date),
        )


class ComplaintKind(Kind):
    code, due_field = "complaint", "resolution_due"

    def base(self, user):
        return complaints_seen_as_staff(user)

    def open_q(self):
        return Q(state__in=OPEN_COMPLAINT_STATES)

    def overdue_q(self, clock):
        # Complaint.is_overdue in the database: the running verification or follow-up clock, or the whole
        # complaint past its resolution limit.
        return self.open_q() & (
            Q(state=ComplaintState.SUBMITTED, verify_due__lt=clock.today)
            | Q(state=ComplaintState.DISPOSITIONED, followup_due__lt=clock.today)
            | Q(resolution_due__lt=clock.today)
        )

    def due_soon_q(self, clock):
        running = Q(state=ComplaintState.SUBMITTED, verify_due__range=(clock.today, clock.horizon)) | Q(
            state=ComplaintState.DISPOSITIONED, followup_due__range=(clock.today, clock.horizon)
        )
        return (self.open_q() & (running | Q(resolution_due__range=(clock.today, clock.horizon)))) & ~(
            self.overdue_q(clock)
        )

    def row(self, obj: Complaint, clock):
        due = _complaint_due(obj)
        return CaseRow(
            "complaint", obj, obj.tracking_number, _shorten(obj.title), obj.unit, due, clock.badge(obj, due)
        )


KINDS: tuple[Kind, ...] = (RequestKind(), ObjectionKind(), ComplaintKind())


@dataclass
class CaseList:
    """A list on the home: its count over every case type and the first NEXT_DUE rows by due date."""

    count: int
    rows: list[CaseRow]
    by_kind: dict[str, int]


def case_list(user: User, clock: Clock, where, kinds: tuple[Kind, ...] = KINDS) -> CaseList:
    """`where(kind)` narrows each kind's open cases in reach: two queries per kind (its count, its first rows)."""
    rows: list[CaseRow] = []
    by_kind: dict[str, int] = {}
    for kind in kinds:
        qs = kind.base(user).filter(kind.open_q()).filter(where(kind))
        by_kind[kind.code] = qs.count()
        if by_kind[kind.code]:
            rows.extend(kind.row(obj, clock) for obj in qs.order_by(kind.due_field, "id")[:NEXT_DUE])
    rows.sort(key=lambda row: (row.due or dt.date.max, row.kind, row.obj.pk))
    return CaseList(sum(by_kind.values()), rows[:NEXT_DUE], by_kind)


def staff_agency(user: User) -> Agency | None:
    memberships = memberships_of(user)
    return memberships[0].unit.agency if memberships else None


def officer_unit_ids(user: User) -> set[int]:
    """The units where the user is an officer or the unit head: whose unassigned cases are theirs to take."""
    return {m.unit_id for m in memberships_of(user) if m.role in OFFICER_ROLES}


def home_lists(user: User, clock: Clock, *, is_officer: bool) -> dict[str, CaseList]:
    """The officer's lists: my open cases, my units' unassigned ones, and in my reach the overdue and due soon."""
    lists = {
        "overdue": case_list(user, clock, lambda kind: kind.overdue_q(clock)),
        "due_soon": case_list(user, clock, lambda kind: kind.due_soon_q(clock)),
    }
    if is_officer:
        units = officer_unit_ids(user)
        lists["mine"] = case_list(user, clock, lambda kind: Q(assigned_to=user))
        lists["unassigned"] = case_list(
            user, clock, lambda kind: Q(assigned_to__isnull=True, unit_id__in=units)
        )
    return lists


# --- per unit and per officer ----------------------------------------------------------------------------
def overdue_by_unit(user: User, clock: Clock) -> list[dict]:
    """For those who watch the whole agency (Atasan, auditors): each unit's open and overdue cases, one grouped
    query per case type."""
    table: dict[int | None, dict] = {}
    for kind in KINDS:
        counts = (
            kind.base(user)
            .filter(kind.open_q())
            .values("unit_id", "unit__name")
            .annotate(open=Count("id"), overdue=Count("id", filter=kind.overdue_q(clock)))
        )
        for c in counts:
            row = table.setdefault(
                c["unit_id"], {"unit": c["unit__name"] or _("Belum didisposisikan"), "open": 0, "overdue": 0}
            )
            row["open"] += c["open"]
            row["overdue"] += c["overdue"]
    return sorted(table.values(), key=lambda r: (-r["overdue"], str(r["unit"])))


def headed_units(user: User) -> list[Unit]:
    """The units whose workload a unit head (role `ppid`) sees: their own, every unit from the PPID Utama."""
    heads = [m for m in memberships_of(user) if m.role == StaffRole.PPID]
    if any(m.unit.kind == UnitKind.UTAMA for m in heads):
        agency_ids = {m.unit.agency_id for m in heads if m.unit.kind == UnitKind.UTAMA}
        others = {m.unit_id for m in heads if m.unit.agency_id not in agency_ids}
        return list(
            Unit.objects.filter(Q(agency_id__in=agency_ids) | Q(pk__in=others), is_active=True)
            .select_related("agency")
            .order_by("kind", "name")
        )
    return sorted({m.unit_id: m.unit for m in heads}.values(), key=lambda u: u.name)


def workload(user: User, clock: Clock) -> dict:
    """The unit head's view: per officer of the headed units, their open cases by type, due soon and overdue;
    per unit, what nobody has taken. A fixed number of grouped queries whatever the number of officers."""
    units = headed_units(user)
    unit_ids = [u.pk for u in units]
    members = (
        Membership.objects.filter(unit_id__in=unit_ids, role__in=OFFICER_ROLES, user__is_active=True)
        .select_related("user", "unit")
        .order_by("unit__kind", "unit__name", "user__first_name", "user__username")
    )
    officers: dict[int, dict] = {}
    for m in members:
        entry = officers.setdefault(
            m.user_id,
            {"user": m.user, "units": [], "open": 0, "soon": 0, "overdue": 0}
            | {kind.code: 0 for kind in KINDS},
        )
        entry["units"].append(m.unit)
    unassigned = {u.pk: {"unit": u, "request": 0, "objection": 0, "complaint": 0, "total": 0} for u in units}
    for kind in KINDS:
        open_cases = kind.base(user).filter(kind.open_q())
        for c in (
            open_cases.filter(assigned_to_id__in=list(officers))
            .values("assigned_to_id")
            .annotate(
                open=Count("id"),
                soon=Count("id", filter=kind.due_soon_q(clock)),
                overdue=Count("id", filter=kind.overdue_q(clock)),
            )
        ):
            entry = officers[c["assigned_to_id"]]
            entry[kind.code] += c["open"]
            for key in ("open", "soon", "overdue"):
                entry[key] += c[key]
        for c in (
            open_cases.filter(assigned_to__isnull=True, unit_id__in=unit_ids)
            .values("unit_id")
            .annotate(n=Count("id"))
        ):
            unassigned[c["unit_id"]][kind.code] += c["n"]
            unassigned[c["unit_id"]]["total"] += c["n"]
    return {
        "units": units,
        "officers": sorted(
            officers.values(), key=lambda e: (-e["overdue"], -e["open"], e["user"].get_full_name())
        ),
        "unassigned": [row for row in unassigned.values()],
    }


# --- the register (issue 18): berkala items past their next update, DIK entries due for review -----------------
@dataclass
class RegisterRow:
    title: str
    unit: Unit
    due: dt.date
    url: str
    days: int  # past the date (overdue items) or left until it (DIK entries), in calendar days


@dataclass
class RegisterList:
    count: int
    rows: list[RegisterRow]


def register_lists(user: User, clock: Clock) -> dict[str, RegisterList | None]:
    """The user's units' berkala items past their next update (every unit's for those who reach the whole
    agency), and for the PPID Utama's officers and head the DIK entries whose period ends within
    `DIK_REVIEW_LEAD_DAYS` (Pasal 20), and how many items wait for them to publish. Each a count and its first
    NEXT_DUE rows: five queries at most."""
    overdue = overdue_items_for(user, today=clock.today)
    count = overdue.count()
    lists: dict[str, RegisterList | None] = {
        "overdue": RegisterList(
            count,
            [
                RegisterRow(
                    _shorten(item.title),
                    item.unit,
                    item.next_update_due,
                    item_staff_url(item),
                    (clock.today - item.next_update_due).days,
                )
                for item in (overdue.order_by("next_update_due", "pk")[:NEXT_DUE] if count else [])
                if item.next_update_due is not None
            ],
        ),
        "dik_review": None,
        "awaiting": None,
    }
    utama_agencies = {
        m.unit.agency_id
        for m in memberships_of(user)
        if m.role in OFFICER_ROLES and m.unit.kind == UnitKind.UTAMA
    }
    if utama_agencies:
        due = dik_due_for_review(today=clock.today, lead_days=settings.DIK_REVIEW_LEAD_DAYS).filter(
            agency_id__in=utama_agencies
        )
        count = due.count()
        lists["dik_review"] = RegisterList(
            count,
            [
                RegisterRow(
                    _shorten(entry.title),
                    entry.unit,
                    entry.period_until,
                    dik_staff_url(entry),
                    (entry.period_until - clock.today).days,
                )
                for entry in (due.order_by("period_until", "pk")[:NEXT_DUE] if count else [])
                if entry.period_until is not None
            ],
        )
        # What the PPID Utama is asked to publish: a count, listed on the register's own page.
        waiting = awaiting_publication(DipItem.objects.filter(agency_id__in=utama_agencies)).count()
        lists["awaiting"] = RegisterList(waiting, [])
    return lists
