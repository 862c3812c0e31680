"""Who may read the auditors' views and write the annual report. The public statistics need no rule: they are
counts and codes only and open to everyone."""

from agencies.models import StaffRole, UnitKind
from agencies.selectors import is_staff_of, memberships_of

COMPLIANCE_ROLES = frozenset({StaffRole.AUDITOR, StaffRole.ADMIN})


def is_agency_staff(user, agency) -> bool:
    """Anyone working for the agency (else the agency's internal views answer 404, as if absent)."""
    return bool(getattr(user, "is_superuser", False)) or is_staff_of(user, agency)


def may_view_compliance(user, agency) -> bool:
    """The agency's auditors and administrators (and platform superusers)."""
    return bool(getattr(user, "is_superuser", False)) or is_staff_of(user, agency, COMPLIANCE_ROLES)


def may_prepare_report(user, agency) -> bool:
    """The agency's PPID (the head of its PPID Utama) and its administrators write the annual report."""
    if getattr(user, "is_superuser", False):
        return True
    return any(
        m.unit.agency_id == agency.pk
        and (m.role == StaffRole.ADMIN or (m.role == StaffRole.PPID and m.unit.kind == UnitKind.UTAMA))
        for m in memberships_of(user)
    )
