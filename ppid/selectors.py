"""Reads of information requests, scoped to what the viewer may see."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.db.models import Case, Q, QuerySet, Value, When
from django.utils import timezone

from agencies.models import AgencyTimeZone, StaffRole, UnitKind
from agencies.selectors import has_agency_wide_reach, memberships_of

from .models import (
    OPEN_OBJECTION_STATES,
    OPEN_STATES,
    Dispute,
    DocumentKind,
    DraftState,
    InformationRequest,
    Objection,
    RequestDocument,
    RequestState,
    ResponseDraft,
)
from .rules import OFFICER_ROLES

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
    is_open = Case(When(state__in=OPEN_STATES, then=Value(0)), default=Value(1))
    return qs.order_by(is_open, "due_date", "id")


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
