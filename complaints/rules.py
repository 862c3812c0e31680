"""Who may run which complaint transition. Reporters may act through their account or, for anonymous
complaints filed without an account, through the secret tracking code (checked by the services)."""

from agencies.models import StaffRole, UnitKind
from agencies.selectors import memberships_of

UNIT_ROLES = frozenset({StaffRole.OFFICER, StaffRole.PPID})


def is_complaint_admin(complaint, user) -> bool:
    """Verifies and dispositions: the agency administrator and the staff of the PPID Utama."""
    return any(
        m.unit.agency_id == complaint.agency_id
        and (m.role == StaffRole.ADMIN or (m.role in UNIT_ROLES and m.unit.kind == UnitKind.UTAMA))
        for m in memberships_of(user)
    )


def is_unit_officer(complaint, user) -> bool:
    """Posts the follow-up: officers of the unit the complaint was dispositioned to."""
    return complaint.unit_id is not None and any(
        m.role in UNIT_ROLES and m.unit_id == complaint.unit_id for m in memberships_of(user)
    )


def is_reporter(complaint, user) -> bool:
    if getattr(user, "is_complaint_code_holder", None) == complaint.pk:
        return True  # the anonymous reporter, proven by the tracking code
    return complaint.reporter_id is not None and complaint.reporter_id == getattr(user, "pk", None)


def nobody(complaint, user) -> bool:
    """For transitions only the system runs."""
    return False
