"""Who may do what in the register (issue 18). Officers (role `officer` or `ppid`) of the holding unit, or of the
PPID Utama, draft and change a unit's items and DIK entries; the PPID Utama's officers and head publish and
withdraw; the head of the holding unit may also publish its serta merta items at once (Pasal 10: without delay);
the PPID (head, role `ppid`) of the PPID Utama decides a DIK entry and uploads the SK of the DIP."""

from __future__ import annotations

from typing import TYPE_CHECKING

from agencies.models import AGENCY_WIDE_ROLES, StaffRole, UnitKind
from agencies.selectors import memberships_of

if TYPE_CHECKING:
    from accounts.types import AnyUser
    from agencies.models import Agency, Unit

OFFICER_ROLES = frozenset({StaffRole.OFFICER, StaffRole.PPID})


def may_draft(user: AnyUser, unit: Unit) -> bool:
    """An officer or head of the unit, or of its agency's PPID Utama."""
    return any(
        m.role in OFFICER_ROLES
        and m.unit.agency_id == unit.agency_id
        and (m.unit_id == unit.pk or m.unit.kind == UnitKind.UTAMA)
        for m in memberships_of(user)
    )


def may_publish(user: AnyUser, agency: Agency) -> bool:
    """An officer or the head of the agency's PPID Utama."""
    return any(
        m.role in OFFICER_ROLES and m.unit.agency_id == agency.pk and m.unit.kind == UnitKind.UTAMA
        for m in memberships_of(user)
    )


def may_publish_at_once(user: AnyUser, unit: Unit) -> bool:
    """A serta merta item: the PPID Utama, or the holding unit's head."""
    return may_publish(user, unit.agency) or any(
        m.role == StaffRole.PPID and m.unit_id == unit.pk for m in memberships_of(user)
    )


def may_decide_exemption(user: AnyUser, agency: Agency) -> bool:
    """The PPID: the head (role `ppid`) of the agency's PPID Utama."""
    return any(
        m.role == StaffRole.PPID and m.unit.agency_id == agency.pk and m.unit.kind == UnitKind.UTAMA
        for m in memberships_of(user)
    )


def may_establish(user: AnyUser, agency: Agency) -> bool:
    """The SK penetapan of the DIP: the PPID Utama's head or an agency administrator."""
    return may_decide_exemption(user, agency) or any(
        m.role == StaffRole.ADMIN and m.unit.agency_id == agency.pk for m in memberships_of(user)
    )


def is_register_staff(user: AnyUser, agency: Agency) -> bool:
    """Whoever may read the agency's drafts and consequence tests: its officers and heads (any unit) and the
    agency-wide roles (Atasan, auditors, administrators)."""
    return any(
        m.unit.agency_id == agency.pk and (m.role in OFFICER_ROLES or m.role in AGENCY_WIDE_ROLES)
        for m in memberships_of(user)
    )
