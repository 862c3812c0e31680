"""Reads of information requests, scoped to what the viewer may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone

from agencies.models import AGENCY_WIDE_ROLES, AgencyTimeZone, StaffRole, UnitKind
from agencies.selectors import has_agency_wide_reach, memberships_of
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import due_soon_until

from .models import (
    OPEN_OBJECTION_STATES,
    OPEN_STATES,
    Contribution,
    ContributionFile,
    ContributionState,
    Dispute,
    DocumentKind,
    DraftState,
    InformationRequest,
    Objection,
    ObjectionOrder,
    ObjectionOrderFile,
    OrderState,
    RequestDocument,
    RequestState,
    ResponseDraft,
)
from .rules import OFFICER_ROLES
from .search import SearchFields, search_cases

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.types import AnyUser


def _staff_scope(user: AnyUser) -> Q | None:
    """The requests a staff member reaches through memberships, or None for someone who is not staff."""
    scope = None
    seen_agencies: set[int] = set()
    for membership in memberships_of(user):
        agency = membership.unit.agency
        if agency.pk in seen_agencies:
            continue
        seen_agencies.add(agency.pk)
        if has_agency_wide_reach(user, agency):
            part = Q(agency=agency)
        else:
            units = {m.unit_id for m in memberships_of(user) if m.unit.agency_id == agency.pk}
            part = Q(agency=agency, unit_id__in=units)
        scope = part if scope is None else scope | part
    return scope


def requests_visible_to(user: AnyUser) -> QuerySet[InformationRequest]:
    """Citizens: their own. Staff: their unit's, or the whole agency for agency-wide roles and the PPID
    Utama. Nobody: another agency's."""
    qs = InformationRequest.objects.select_related("agency", "unit")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    staff = _staff_scope(user)
    return qs.filter(Q(requester=user) | staff if staff is not None else Q(requester=user))


def staff_requests(user: AnyUser) -> QuerySet[InformationRequest]:
    """What a staff member works on, without their own filings as a citizen: the plain (agency, unit, state,
    due date) scope that the queue index serves. Empty for someone who is not staff."""
    qs = InformationRequest.objects.select_related("agency", "unit")
    if user.is_superuser:
        return qs
    staff = _staff_scope(user)
    return qs.filter(staff) if staff is not None else qs.none()


def requests_seen_as_staff(user: AnyUser) -> QuerySet[InformationRequest]:
    """The requests a user sees as staff, never their own filings: whose internal notes they read and write."""
    if not user.is_authenticated:
        return InformationRequest.objects.none()
    return staff_requests(user).exclude(requester=user)


def request_for(user: AnyUser, pk: int) -> InformationRequest | None:
    return requests_visible_to(user).filter(pk=pk).first()


def overdue_q(now: dt.datetime | None = None) -> Q:
    """The database form of InformationRequest.is_overdue: open, not paused, and past the end of the due date
    in the agency's own zone."""
    now = now or timezone.now()
    by_zone = Q()
    for zone, _label in AgencyTimeZone.choices:
        by_zone |= Q(agency__time_zone=zone, due_date__lt=now.astimezone(ZoneInfo(zone)).date())
    paused = Q(state=RequestState.AWAITING_CLARIFICATION, agency__pause_on_clarification=True)
    return Q(state__in=OPEN_STATES) & by_zone & ~paused


def officer_queue(
    user: User, *, state: str = "", unit_id: int | None = None, overdue: bool = False
) -> QuerySet[InformationRequest]:
    """A staff member's queue: the requests in reach, open ones first, earliest due date first."""
    qs = staff_requests(user).exclude(requester=user)
    if state:
        qs = qs.filter(state=state)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if overdue:
        qs = qs.filter(overdue_q())
    return qs.order_by(*OPEN_FIRST)


# The queue page's default: open requests first, earliest due date first.
OPEN_FIRST = (Case(When(state__in=OPEN_STATES, then=Value(0)), default=Value(1)), "due_date", "id")


REQUEST_SEARCH = SearchFields(
    number="registration_number",
    text=("information_requested",),
    name="requester_name",
    own=lambda user: Q(requester=user) if user.is_authenticated else Q(pk__in=[]),
)
OBJECTION_SEARCH = SearchFields(
    number="registration_number",
    text=("reason", "information"),
    name="requester_name",
    own=lambda user: Q(requester=user) | Q(request__requester=user),
)

# The sorts a queue offers, by name (API `ordering`, the page's column links): each with the id last, so pages
# never overlap. A registration number sorts by its year and sequence, not as text.
REQUEST_ORDERINGS: dict[str, tuple[Any, ...]] = {
    "due_date": ("due_date", "id"),
    "-due_date": ("-due_date", "id"),
    "received_at": ("received_at", "id"),
    "-received_at": ("-received_at", "id"),
    "registration_number": ("registration_year", "registration_sequence", "id"),
    "-registration_number": ("-registration_year", "-registration_sequence", "id"),
    # Nobody's cases first (they wait for someone), then by the assignee's name.
    "assigned_to": (
        F("assigned_to__first_name").asc(nulls_first=True),
        F("assigned_to__username").asc(nulls_first=True),
        "due_date",
        "id",
    ),
    "-assigned_to": (
        F("assigned_to__first_name").desc(nulls_last=True),
        F("assigned_to__username").desc(nulls_last=True),
        "due_date",
        "id",
    ),
}


@dataclass(frozen=True)
class QueueFilters:
    """What a queue is narrowed to: the API's query parameters and the queue page's form, validated by each."""

    state: str = ""
    unit_id: int | None = None
    assigned_to: str = ""  # "me", "none" or an officer's id
    channel: str = ""
    due_soon: bool | None = None
    overdue: bool | None = None
    received_after: dt.date | None = None
    received_before: dt.date | None = None
    due_after: dt.date | None = None
    due_before: dt.date | None = None
    q: str = ""
    ordering: str = ""


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_current_timezone())


def filter_request_queue(
    qs: QuerySet[InformationRequest],
    filters: QueueFilters,
    *,
    viewer: AnyUser,
    as_staff: bool,
    default_ordering: tuple[Any, ...] | None = None,
) -> QuerySet[InformationRequest]:
    """A list of requests narrowed and ordered, the same for the API and the queue page. `as_staff`: the staff
    work queue (assignee filter, names and notes searched); otherwise a citizen's own list. Ordered by the chosen
    sort, else by relevance when searching, else `default_ordering` (due date first for staff, newest first for
    citizens)."""
    f = filters
    if f.state:
        qs = qs.filter(state=f.state)
    if f.unit_id:
        qs = qs.filter(unit_id=f.unit_id)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if as_staff and f.assigned_to:
        if f.assigned_to == "none":
            qs = qs.filter(assigned_to__isnull=True)
        elif f.assigned_to == "me":
            qs = qs.filter(assigned_to_id=viewer.pk)
        else:
            qs = qs.filter(assigned_to_id=int(f.assigned_to))
    if f.due_before:
        qs = qs.filter(due_date__lte=f.due_before)
    if f.due_after:
        qs = qs.filter(due_date__gte=f.due_after)
    if f.received_after:
        qs = qs.filter(received_at__gte=_day_start(f.received_after))
    if f.received_before:
        qs = qs.filter(received_at__lt=_day_start(f.received_before + dt.timedelta(days=1)))
    if f.overdue is True:
        qs = qs.filter(overdue_q())
    elif f.overdue is False:
        qs = qs.exclude(overdue_q())
    if f.due_soon:
        today = timezone.localdate()
        horizon = due_soon_until(today, calendar=WorkingCalendar())
        qs = qs.filter(state__in=OPEN_STATES, due_date__gte=today, due_date__lte=horizon)
    qs, ranked = search_cases(qs, f.q, viewer=viewer, fields=REQUEST_SEARCH, as_staff=as_staff)
    if f.ordering in REQUEST_ORDERINGS:
        return qs.order_by(*REQUEST_ORDERINGS[f.ordering])
    if ranked:
        return qs.order_by(F("search_rank").desc(), "due_date", "id")
    if default_ordering:
        return qs.order_by(*default_ordering)
    return qs.order_by("due_date", "id") if as_staff else qs.order_by("-received_at", "id")


def documents_visible_to(user: AnyUser) -> QuerySet[RequestDocument]:
    """Response files: whoever sees the request. Identity documents (surat kuasa, pengesahan): only the
    requester and the officers handling the request."""
    visible = RequestDocument.objects.filter(request__in=requests_visible_to(user).values("pk"))
    if not getattr(user, "is_authenticated", False):
        return visible.none()
    if user.is_superuser:
        return visible
    # The same reach as ppid.rules.is_handling_officer: own unit, or any unit from the PPID Utama.
    identity_ok = Q(request__requester=user)
    for m in memberships_of(user):
        if m.role in OFFICER_ROLES:
            reach = Q(request__agency_id=m.unit.agency_id)
            if m.unit.kind != UnitKind.UTAMA:
                reach &= Q(request__unit_id=m.unit_id)
            identity_ok |= reach
    return visible.filter(Q(kind=DocumentKind.RESPONSE_FILE) | identity_ok)


def due_for_auto_completion(today: dt.date) -> QuerySet[InformationRequest]:
    """Responded requests whose auto-completion day has passed (checked in each agency's zone by the caller)."""
    return InformationRequest.objects.select_related("agency").filter(
        state=RequestState.RESPONDED, auto_complete_on__lt=today + dt.timedelta(days=1)
    )


def requests_due_by(day: dt.date) -> QuerySet[InformationRequest]:
    """Open requests due on or before `day` whose clock runs (not paused for a clarification): the reminders'."""
    return (
        InformationRequest.objects.select_related("agency", "unit")
        .filter(state__in=OPEN_STATES, due_date__lte=day)
        .exclude(state=RequestState.AWAITING_CLARIFICATION, agency__pause_on_clarification=True)
    )


def objections_due_by(day: dt.date) -> QuerySet[Objection]:
    """Open objections due on or before `day`: the reminders'."""
    return Objection.objects.select_related("agency").filter(
        state__in=OPEN_OBJECTION_STATES, due_date__lte=day
    )


def objections_visible_to(user: AnyUser) -> QuerySet[Objection]:
    """The reach of requests: the objector (and the requester of the request objected to), the staff of the
    objection's unit, agency-wide staff. An objection records its request's unit, so this is the request scope."""
    qs = Objection.objects.select_related("agency", "unit", "request", "request__unit")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    own = Q(requester=user) | Q(request__requester=user)
    staff = _staff_scope(user)
    return qs.filter(own | staff if staff is not None else own)


def objections_seen_as_staff(user: AnyUser) -> QuerySet[Objection]:
    """The objections a user sees as staff, never their own (nor those against their own request): whose internal
    notes they read and write."""
    if not getattr(user, "is_authenticated", False):
        return Objection.objects.none()
    return objections_visible_to(user).exclude(Q(requester=user) | Q(request__requester=user))


def disputes_visible_to(user: AnyUser) -> QuerySet[Dispute]:
    return Dispute.objects.select_related("objection", "agency").filter(
        objection__in=objections_visible_to(user).values("pk")
    )


def objections_awaiting_decision(user: AnyUser) -> QuerySet[Objection]:
    """The Atasan PPID's queue: open objections of the agencies where the user is Atasan, earliest due first."""
    agencies = {m.unit.agency_id for m in memberships_of(user) if m.role == StaffRole.ATASAN}
    return (
        Objection.objects.select_related("agency", "unit", "request", "request__unit")
        .filter(agency_id__in=agencies, state__in=OPEN_OBJECTION_STATES)
        .order_by("due_date", "id")
    )


# --- the Atasan's orders carried out (issue 16 point 6) -----------------------------------------------------------
def _orders() -> QuerySet[ObjectionOrder]:
    return ObjectionOrder.objects.select_related(
        "agency", "unit", "objection", "objection__agency", "request", "complied_by"
    )


def orders_visible_to(user: AnyUser) -> QuerySet[ObjectionOrder]:
    """Whoever sees the objection sees its order: the objector (and the requester of the request objected to), the
    staff of the objection's unit, the PPID Utama's, and the agency-wide roles (Atasan, auditors, administrators).
    Another unit's officers and another agency: nothing."""
    if not getattr(user, "is_authenticated", False):
        return ObjectionOrder.objects.none()
    return _orders().filter(objection__in=objections_visible_to(user).values("pk"))


def orders_open_for(user: AnyUser) -> QuerySet[ObjectionOrder]:
    """The open orders the user's units must carry out (as an officer or unit head), earliest due first; for the
    Atasan PPID every open order of the agency. The staff home's list."""
    if not getattr(user, "is_authenticated", False):
        return ObjectionOrder.objects.none()
    memberships = memberships_of(user)
    units = {m.unit_id for m in memberships if m.role in OFFICER_ROLES}
    agencies = {m.unit.agency_id for m in memberships if m.role == StaffRole.ATASAN}
    if not units and not agencies:
        return ObjectionOrder.objects.none()
    return (
        _orders()
        .filter(Q(unit_id__in=units) | Q(agency_id__in=agencies), state=OrderState.OPEN)
        .order_by("due_date", "id")
    )


def orders_due_by(day: dt.date) -> QuerySet[ObjectionOrder]:
    """Open orders due on or before `day`: the reminders'."""
    return (
        ObjectionOrder.objects.select_related("agency", "unit", "objection", "request__assigned_to")
        .filter(state=OrderState.OPEN, due_date__lte=day)
        .order_by("due_date", "id")
    )


def order_files_visible_to(user: AnyUser) -> QuerySet[ObjectionOrderFile]:
    """The files sent in carrying out an order: whoever sees the order (they are the information ordered)."""
    return ObjectionOrderFile.objects.select_related("order__agency").filter(
        order__in=orders_visible_to(user).values("pk")
    )


# --- contributions across units (permintaan bahan, issue 16 point 4) ---------------------------------------------
def contributions_visible_to(user: AnyUser) -> QuerySet[Contribution]:
    """Who reads a contribution: the handling officers of its request (the request's unit, the PPID Utama), the
    officers and head of the asked unit, and the agency-wide roles (Atasan PPID, auditors, administrators). Never
    the requester, even one who is staff of the agency; nobody of another agency."""
    qs = Contribution.objects.select_related("agency", "unit", "request", "request__unit", "asked_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    scope = Q(pk__in=[])
    for m in memberships_of(user):
        agency_id = m.unit.agency_id
        if m.role in AGENCY_WIDE_ROLES or (m.role in OFFICER_ROLES and m.unit.kind == UnitKind.UTAMA):
            scope |= Q(agency_id=agency_id)
        elif m.role in OFFICER_ROLES:
            scope |= Q(agency_id=agency_id) & (Q(unit_id=m.unit_id) | Q(request__unit_id=m.unit_id))
    return qs.filter(scope).exclude(request__requester_id=user.pk)


def contributions_asked_of(user: AnyUser) -> QuerySet[Contribution]:
    """The open contributions asked of the units the user works in as officer or head, earliest due first: the
    staff home's list and count (the PPID Utama's officers see those asked of the Utama, not every unit's)."""
    units = [m.unit_id for m in memberships_of(user) if m.role in OFFICER_ROLES]
    return (
        contributions_visible_to(user)
        .filter(unit_id__in=units, state=ContributionState.ASKED)
        .order_by("due_date", "id")
    )


def contribution_files_visible_to(user: AnyUser) -> QuerySet[ContributionFile]:
    """The files of the contributions the user sees (the requester sees only the copies attached to the response,
    which are the request's own documents)."""
    return ContributionFile.objects.select_related("contribution__agency").filter(
        contribution__in=contributions_visible_to(user).values("pk")
    )


def contributions_due_by(day: dt.date) -> QuerySet[Contribution]:
    """Open contributions due on or before `day`: the reminders'."""
    return Contribution.objects.select_related("agency", "unit", "request").filter(
        state=ContributionState.ASKED, due_date__lte=day
    )


# --- approval before issue (issue 16 point 5) -------------------------------------------------------------------
def drafts_awaiting_approval(user: AnyUser) -> QuerySet[ResponseDraft]:
    """The pending drafts a unit head may approve: of open requests in their unit, or anywhere in the agency for
    the PPID Utama's head (`rules.is_unit_head`); earliest due date first. Empty for anyone else."""
    qs = ResponseDraft.objects.select_related(
        "request", "request__agency", "request__unit", "drafted_by"
    ).filter(state=DraftState.PENDING, request__state__in=OPEN_STATES)
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    scope = Q(pk__in=[])
    for m in memberships_of(user):
        if m.role != StaffRole.PPID:
            continue
        part = Q(request__agency_id=m.unit.agency_id)
        if m.unit.kind != UnitKind.UTAMA:
            part &= Q(request__unit_id=m.unit_id)
        scope |= part
    return qs.filter(scope).order_by("request__due_date", "drafted_at", "id")


def drafts_due_by(day: dt.date) -> QuerySet[ResponseDraft]:
    """Pending drafts of open requests due on or before `day`: the heads' warning (`ppid.reminders`)."""
    return ResponseDraft.objects.select_related("request", "request__agency", "request__unit").filter(
        state=DraftState.PENDING, request__state__in=OPEN_STATES, request__due_date__lte=day
    )
