"""Writes for agencies, units and staff memberships. Each is audited in its own transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record

from .models import Agency, Membership, Unit, UnitKind
from .selectors import agencies_administered_by

SETTINGS_FIELDS = (
    "name",
    "time_zone",
    "province_code",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "cuti_bersama_is_working_day",
    "pause_on_clarification",
    "registration_number_format",
    "objection_number_format",
    "complaint_verify_working_days",
    "complaint_followup_working_days",
    "complaint_auto_close_working_days",
    "complaint_resolution_days",
    "complaint_resolution_in_working_days",
    "complaint_number_format",
    "auto_complete_working_days",
)


def _require_admin(actor, agency: Agency) -> None:
    if not agencies_administered_by(actor).filter(pk=agency.pk).exists():
        raise PermissionDenied(_("Anda bukan administrator badan publik ini."))


def agency_create(*, actor, name: str, slug: str, time_zone: str, **fields) -> Agency:
    """Create an agency with its PPID Utama. Platform administrators (superusers) only."""
    if not actor.is_superuser:
        raise PermissionDenied(_("Hanya administrator platform yang dapat menambah badan publik."))
    agency = Agency(name=name, slug=slug, time_zone=time_zone, **fields)
    agency.full_clean()
    with transaction.atomic():
        agency.save()
        utama = Unit.objects.create(
            agency=agency, name=f"PPID Utama {name}", code="PPID", kind=UnitKind.UTAMA
        )
        audit_record(actor=actor, obj=agency, agency=agency, action="agency.created")
        audit_record(actor=actor, obj=utama, agency=agency, action="unit.created")
    return agency


def agency_update_settings(*, actor, agency: Agency, data: dict, reason: str = "") -> Agency:
    """Change the agency's settings. `data` has passed the settings form; nothing else may change."""
    _require_admin(actor, agency)
    with transaction.atomic():
        locked = Agency.objects.select_for_update().get(pk=agency.pk)
        before = {f: getattr(locked, f) for f in SETTINGS_FIELDS}
        for f in SETTINGS_FIELDS:
            if f in data:
                setattr(locked, f, data[f])
        locked.full_clean()
        changed = {
            f: {"from": before[f], "to": getattr(locked, f)}
            for f in SETTINGS_FIELDS
            if before[f] != getattr(locked, f)
        }
        if changed:
            locked.save(update_fields=list(changed))
            audit_record(
                actor=actor,
                obj=locked,
                agency=locked,
                action="agency.settings_changed",
                reason=reason,
                details=changed,
            )
    return locked


def unit_create(*, actor, agency: Agency, name: str, code: str) -> Unit:
    """Add a PPID Pelaksana under the agency's PPID Utama."""
    _require_admin(actor, agency)
    utama = agency.main_unit
    if utama is None:
        raise ValidationError(_("Badan publik ini belum memiliki PPID Utama."))
    unit = Unit(agency=agency, name=name, code=code.upper(), kind=UnitKind.PELAKSANA, parent=utama)
    unit.full_clean()
    with transaction.atomic():
        unit.save()
        audit_record(actor=actor, obj=unit, agency=agency, action="unit.created")
    return unit


def membership_grant(*, actor, user, unit: Unit, role: str) -> Membership:
    """Give a user a role in a unit. A person is staff of one agency only."""
    if actor is not None:  # None: the system itself (demo seeding, migrations)
        _require_admin(actor, unit.agency)
    other = Membership.objects.filter(user=user).exclude(unit__agency=unit.agency).exists()
    if other:
        raise ValidationError(_("Pengguna ini sudah menjadi staf badan publik lain."))
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
        if created:
            audit_record(
                actor=actor,
                obj=membership,
                agency=unit.agency,
                action="membership.granted",
                details={"user": user.pk, "unit": unit.pk, "role": role},
            )
    user.__dict__.pop("_membership_cache", None)
    return membership


def membership_revoke(*, actor, membership: Membership, reason: str = "") -> None:
    _require_admin(actor, membership.unit.agency)
    with transaction.atomic():
        audit_record(
            actor=actor,
            obj=membership,
            agency=membership.unit.agency,
            action="membership.revoked",
            reason=reason,
            details={"user": membership.user_id, "unit": membership.unit_id, "role": membership.role},
        )
        membership.delete()
