"""Who may run which transition, and the conditions on them (used by django-fsm's decorators, so the UI and
the API can ask `get_available_user_state_transitions(user)` which actions to offer)."""

from django.utils import timezone

from agencies.models import StaffRole, UnitKind
from agencies.selectors import memberships_of

# Roles that work on requests. Atasan PPID decides objections; auditors and administrators only read.
OFFICER_ROLES = frozenset({StaffRole.OFFICER, StaffRole.PPID})


def is_handling_officer(request, user) -> bool:
    """An officer (or unit head) of the unit holding the request, or of the agency's PPID Utama."""
    return any(
        m.role in OFFICER_ROLES
        and m.unit.agency_id == request.agency_id
        and (m.unit_id == request.unit_id or m.unit.kind == UnitKind.UTAMA)
        for m in memberships_of(user)
    )


def is_requester(request, user) -> bool:
    return request.requester_id is not None and request.requester_id == getattr(user, "pk", None)


def is_handling_officer_or_requester(request, user) -> bool:
    return is_requester(request, user) or is_handling_officer(request, user)


def can_still_extend(request) -> bool:
    """Once only, and before the due moment has passed (UU 14/2008 Pasal 22(8)). The due moment is the
    current one: the end of the original 10 working days, moved only by a recorded clarification pause."""
    return request.extended_at is None and timezone.now() <= request.due_at


def is_atasan(case, user) -> bool:
    """Only the Atasan PPID of the case's agency decides objections (UU 14/2008 Pasal 35-36)."""
    return any(
        m.role == StaffRole.ATASAN and m.unit.agency_id == case.agency_id for m in memberships_of(user)
    )


def is_agency_officer(case, user) -> bool:
    """PPID officers and unit heads of the case's agency, whatever their unit (the agency is the termohon)."""
    return is_officer_of(case.agency_id, user)


def is_officer_of(agency_id, user) -> bool:
    """A PPID officer or unit head of any unit of the agency."""
    return any(m.role in OFFICER_ROLES and m.unit.agency_id == agency_id for m in memberships_of(user))


def may_see_requester_contact(request, user) -> bool:
    """The requester's address, phone and e-mail: for the requester, the officers handling the request and the
    Atasan PPID who answers their objections. Auditors and administrators read the case without them (data
    minimisation); the identity snapshot stays in the record."""
    return is_requester(request, user) or is_handling_officer(request, user) or is_atasan(request, user)


def is_unit_head(case, user) -> bool:
    """The head (role `ppid`) of the case's unit, or of the agency's PPID Utama: assigns the case's work."""
    return any(
        m.role == StaffRole.PPID
        and m.unit.agency_id == case.agency_id
        and (m.unit_id == case.unit_id or m.unit.kind == UnitKind.UTAMA)
        for m in memberships_of(user)
    )


def may_answer_contribution(contribution, user) -> bool:
    """Contributions (permintaan bahan, issue 16 point 4): an officer or the head of the asked unit answers or
    declines, and so may the PPID Utama's. Agency-wide roles (Atasan, auditors, administrators) only read."""
    return any(
        m.role in OFFICER_ROLES
        and m.unit.agency_id == contribution.agency_id
        and (m.unit_id == contribution.unit_id or m.unit.kind == UnitKind.UTAMA)
        for m in memberships_of(user)
    )
