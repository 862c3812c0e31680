"""Who may see what across agencies and units. Every other app's scoping builds on these."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import AGENCY_WIDE_ROLES, Agency, Membership, StaffRole, Unit, UnitKind

if TYPE_CHECKING:
    from accounts.models import User
    from accounts.types import AnyUser


def memberships_of(user: AnyUser | None) -> list[Membership]:
    """A user's memberships, cached on the user object for the length of a request."""
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_membership_cache", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, unit__is_active=True).select_related("unit__agency")
        )
        # A per-instance cache: request.user is a new object on every request, so it never goes stale.
        user._membership_cache = cached  # type: ignore[attr-defined]  # not a model field
    return cached


def staff_agency_ids(user: AnyUser) -> set[int]:
    return {m.unit.agency_id for m in memberships_of(user)}


def is_staff_of(user: AnyUser, agency: Agency, roles: set[str] | frozenset[str] | None = None) -> bool:
    return any(
        m.unit.agency_id == agency.pk and (roles is None or m.role in roles) for m in memberships_of(user)
    )


def has_agency_wide_reach(user: AnyUser, agency: Agency) -> bool:
    """Agency-wide roles and the staff of the PPID Utama see every unit of their agency."""
    return any(
        m.unit.agency_id == agency.pk and (m.role in AGENCY_WIDE_ROLES or m.unit.kind == UnitKind.UTAMA)
        for m in memberships_of(user)
    )


def agency_ids_in_full_reach(user: AnyUser) -> set[int]:
    """The agencies whose every unit the user reaches (agency-wide roles, PPID Utama staff)."""
    return {
        m.unit.agency_id
        for m in memberships_of(user)
        if m.role in AGENCY_WIDE_ROLES or m.unit.kind == UnitKind.UTAMA
    }


def units_in_reach(user: AnyUser) -> QuerySet[Unit]:
    """The units whose cases the user works on: every unit of an agency they reach whole, else their own."""
    if user.is_superuser:
        return Unit.objects.all()
    own = {m.unit_id for m in memberships_of(user)}
    return Unit.objects.filter(Q(agency_id__in=agency_ids_in_full_reach(user)) | Q(pk__in=own))


def agencies_administered_by(user: AnyUser) -> QuerySet[Agency]:
    if user.is_superuser:
        return Agency.objects.all()
    ids = {m.unit.agency_id for m in memberships_of(user) if m.role == StaffRole.ADMIN}
    return Agency.objects.filter(pk__in=ids)


def units_visible_to(user: AnyUser) -> QuerySet[Unit]:
    """Staff see the units of their own agency (they forward between them); nobody sees another agency's."""
    qs = Unit.objects.select_related("agency", "parent")
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in=staff_agency_ids(user))


def memberships_visible_to(user: AnyUser) -> QuerySet[Membership]:
    qs = Membership.objects.select_related("user", "unit", "unit__agency")
    if user.is_superuser:
        return qs
    return qs.filter(unit__agency_id__in=staff_agency_ids(user))


def active_agencies() -> QuerySet[Agency]:
    """Agencies a citizen may file with: public knowledge."""
    return Agency.objects.filter(is_active=True)


def staff_with_roles(
    *, unit: Unit | None = None, agency: Agency | None = None, roles: Collection[str]
) -> list[User]:
    """Active staff holding one of `roles` in a unit, or anywhere in an agency."""
    qs = get_user_model().objects.filter(is_active=True, memberships__role__in=list(roles))
    qs = (
        qs.filter(memberships__unit=unit) if unit is not None else qs.filter(memberships__unit__agency=agency)
    )
    return list(qs.distinct())


def administers(user: AnyUser | None, agency: Agency) -> bool:
    """Whether the user may change the agency's units, staff and settings."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or any(
        m.unit.agency_id == agency.pk and m.role == StaffRole.ADMIN for m in memberships_of(user)
    )


def agency_staff(
    viewer: AnyUser, agency: Agency, *, unit: Unit | None = None, role: str = ""
) -> QuerySet[Membership]:
    """The memberships of one agency that the viewer may see, by unit (Utama first), role and name."""
    qs = memberships_visible_to(viewer).filter(unit__agency=agency)
    if unit is not None:
        qs = qs.filter(unit=unit)
    if role:
        qs = qs.filter(role=role)
    # "utama" sorts after "pelaksana": descending puts the PPID Utama first.
    return qs.order_by("-unit__kind", "unit__name", "role", "user__first_name", "user__username")
