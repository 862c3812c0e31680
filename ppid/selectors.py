"""Reads of information requests, scoped to what the viewer may see."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from agencies.selectors import has_agency_wide_reach, memberships_of

from .models import OPEN_STATES, InformationRequest, RequestState


def requests_visible_to(user) -> QuerySet[InformationRequest]:
    """Citizens: their own. Staff: their unit's, or the whole agency for agency-wide roles and the PPID
    Utama. Nobody: another agency's."""
    qs = InformationRequest.objects.select_related("agency", "unit")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    scope = Q(requester=user)
    seen_agencies = set()
    for membership in memberships_of(user):
        agency = membership.unit.agency
        if agency.pk in seen_agencies:
            continue
        seen_agencies.add(agency.pk)
        if has_agency_wide_reach(user, agency):
            scope |= Q(agency=agency)
        else:
            units = {m.unit_id for m in memberships_of(user) if m.unit.agency_id == agency.pk}
            scope |= Q(agency=agency, unit_id__in=units)
    return qs.filter(scope)


def request_for(user, pk) -> InformationRequest | None:
    return requests_visible_to(user).filter(pk=pk).first()


def officer_queue(user, *, state: str = "", unit_id: int | None = None, overdue: bool = False) -> QuerySet:
    """A staff member's queue: the requests in reach, open first, earliest due date first."""
    qs = requests_visible_to(user).exclude(requester=user)
    if state:
        qs = qs.filter(state=state)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if overdue:
        qs = qs.filter(state__in=OPEN_STATES, due_date__lt=timezone.localdate())
    return qs.order_by("due_date", "id")


def due_for_auto_completion(today: dt.date) -> QuerySet[InformationRequest]:
    """Responded requests whose auto-completion day has passed (checked in each agency's zone by the caller)."""
    return InformationRequest.objects.select_related("agency").filter(
        state=RequestState.RESPONDED, auto_complete_on__lt=today + dt.timedelta(days=1)
    )
