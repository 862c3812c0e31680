"""Writes for agencies, units and staff memberships. Each is audited in its own transaction."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from audit.services import audit_record

from .events import (
    ACCOUNT_STAFF_CREATED,
    ACCOUNT_STAFF_INVITATION_RESENT,
    AGENCY_CREATED,
    AGENCY_SETTINGS_CHANGED,
    AUDIT_TRAIL_EXPORTED,
    MEMBERSHIP_GRANTED,
    MEMBERSHIP_REVOKED,
    UNIT_CREATED,
    UNIT_UPDATED,
)
from .models import AGENCY_SETTINGS_FIELDS, Agency, Membership, StaffRole, Unit, UnitKind
from .selectors import agencies_administered_by, agency_ids_in_full_reach

if TYPE_CHECKING:
    from accounts.models import User

log = logging.getLogger(__name__)


def _require_admin(actor: User, agency: Agency) -> None:
    if not agencies_administered_by(actor).filter(pk=agency.pk).exists():
        raise PermissionDenied(_("Anda bukan administrator badan publik ini."))


def agency_create(*, actor: User, name: str, slug: str, time_zone: str, **fields: object) -> Agency:
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
        audit_record(actor=actor, obj=agency, agency=agency, action=AGENCY_CREATED)
        audit_record(actor=actor, obj=utama, agency=agency, action=UNIT_CREATED)
    return agency


def agency_update_settings(
    *, actor: User, agency: Agency, data: Mapping[str, object], reason: str = ""
) -> Agency:
    """Change the agency's settings. `data` has passed the settings form; nothing else may change."""
    _require_admin(actor, agency)
    with transaction.atomic():
        locked = Agency.objects.select_for_update().get(pk=agency.pk)
        before = {f: getattr(locked, f) for f in AGENCY_SETTINGS_FIELDS}
        for f in AGENCY_SETTINGS_FIELDS:
            if f in data:
                setattr(locked, f, data[f])
        locked.full_clean()
        _save_changed(
            locked, before, actor=actor, agency=locked, action=AGENCY_SETTINGS_CHANGED, reason=reason
        )
    return locked


def _save_changed(
    obj: models.Model, before: Mapping[str, object], *, actor: User, agency: Agency, action: str, reason: str
) -> None:
    """Save the fields of `obj` that differ from `before` and audit them as {field: {from, to}}; nothing if
    none changed. Call inside the transaction that locked `obj`."""
    changed = {f: {"from": old, "to": getattr(obj, f)} for f, old in before.items() if old != getattr(obj, f)}
    if changed:
        obj.save(update_fields=list(changed))
        audit_record(actor=actor, obj=obj, agency=agency, action=action, reason=reason, details=changed)


def _check_unit_code_free(agency: Agency, code: str, exclude_pk: int | None = None) -> None:
    taken = Unit.objects.filter(agency=agency, code__iexact=code)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"code": _("Kode unit ini sudah dipakai unit lain di badan publik ini.")})


def unit_create(*, actor: User, agency: Agency, name: str, code: str) -> Unit:
    """Add a PPID Pelaksana under the agency's PPID Utama."""
    _require_admin(actor, agency)
    utama = agency.main_unit
    if utama is None:
        raise ValidationError(_("Badan publik ini belum memiliki PPID Utama."))
    unit = Unit(agency=agency, name=name, code=code.upper(), kind=UnitKind.PELAKSANA, parent=utama)
    _check_unit_code_free(agency, unit.code)
    unit.full_clean()
    with transaction.atomic():
        unit.save()
        audit_record(actor=actor, obj=unit, agency=agency, action=UNIT_CREATED)
    return unit


def unit_update(*, actor: User, unit: Unit, name: str, code: str, reason: str) -> Unit:
    """Rename a unit or change its code. Before: the actor administers the unit's agency and gives a reason.
    Changes: name and code only (a new code shows in registration numbers issued from now on). The audit
    event keeps both values and the reason."""
    agency = unit.agency
    _require_admin(actor, agency)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Sebutkan alasan perubahan.")})
    with transaction.atomic():
        locked = Unit.objects.select_for_update().get(pk=unit.pk, agency=agency)
        before = {"name": locked.name, "code": locked.code}
        locked.name = name.strip()
        locked.code = code.strip().upper()
        _check_unit_code_free(agency, locked.code, exclude_pk=locked.pk)
        locked.full_clean()
        _save_changed(locked, before, actor=actor, agency=agency, action=UNIT_UPDATED, reason=reason)
    return locked


def membership_grant(
    *, actor: User | None, user: User, unit: Unit, role: str, reason: str = ""
) -> Membership:
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
                action=MEMBERSHIP_GRANTED,
                reason=reason,
                details={"user": user.pk, "unit": unit.pk, "role": role},
            )
    user.__dict__.pop("_membership_cache", None)
    return membership


@dataclass(frozen=True)
class StaffAddResult:
    membership: Membership
    granted: bool  # False: the person already held the role and only the invitation went out again
    account_created: bool  # a new account was made for the e-mail address
    invitation_sent: bool  # a set-password link goes out after commit
    was_citizen: bool  # the account was a citizen's (requester's) account until now


_USERNAME_UNSAFE = re.compile(r"[^\w.@+-]")


def _free_username(email: str) -> str:
    """A username from the e-mail's local part (login works with the e-mail address too)."""
    User = get_user_model()
    base = _USERNAME_UNSAFE.sub("-", email.split("@", 1)[0])[:140] or "staf"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _send_staff_invitation(user_id: int, agency_id: int) -> None:
    """After commit: e-mail a set-password link (Django's password-reset token, valid once and for
    PASSWORD_RESET_TIMEOUT). Nothing is sent once the person has set a password. A failed send is logged and
    never undoes the grant: adding the same person again sends a new link."""
    User = get_user_model()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    agency = Agency.objects.filter(pk=agency_id).first()
    if user is None or agency is None or not user.email or user.has_usable_password():
        return
    path = reverse(
        "frontend:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    site = settings.SITE_URL.rstrip("/")
    context = {
        "agency": agency.name,
        "name": user.get_full_name() or user.get_username(),
        "email": user.email,
        "link": site + path,
        "login_url": site + reverse("frontend:login"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    mail = EmailMultiAlternatives(
        subject=f"[PPID] Undangan staf / Staff invitation: {agency.name}"[:180],
        body=render_to_string("agencies/staff_invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    mail.attach_alternative(render_to_string("agencies/staff_invitation.html", context), "text/html")
    try:
        mail.send()
    except Exception:  # noqa: BLE001 - the grant is committed; the admin can send the link again
        log.exception("sending the staff invitation to user %s failed", user_id)


def staff_add(
    *, actor: User, agency: Agency, email: str, name: str = "", unit: Unit, role: str, reason: str = ""
) -> StaffAddResult:
    """Give the person with `email` a role in a unit of `agency`, creating their account if there is none.

    Before: the actor administers the agency; the unit belongs to it; the person is not staff of another
    agency. Changes: a new account (no usable password) when the address is unknown, and the membership;
    both audited with the reason. After commit: an invitation with a set-password link to anyone who has
    not set a password yet. Giving a role the person already holds only re-sends a pending invitation.
    """
    _require_admin(actor, agency)
    User = get_user_model()
    email = (email or "").strip().lower()
    name = (name or "").strip()
    if not email:
        raise ValidationError({"email": _("Isi alamat e-mail.")})
    if unit.agency_id != agency.pk:
        raise ValidationError({"unit": _("Pilih unit dari badan publik ini.")})
    if not unit.is_active:
        raise ValidationError({"unit": _("Unit ini tidak aktif.")})
    if role not in StaffRole.values:
        raise ValidationError({"role": _("Peran tidak dikenal.")})
    with transaction.atomic():
        user = User.objects.select_for_update().filter(email__iexact=email).first()
        created = was_citizen = False
        if user is None:
            if not name:
                raise ValidationError({"name": _("Isi nama: belum ada akun dengan alamat e-mail ini.")})
            user = User(username=_free_username(email), email=email, first_name=name[:150])
            user.set_unusable_password()
            try:
                with transaction.atomic():
                    user.save()
            except IntegrityError as exc:  # the same address registered a moment ago
                raise ValidationError(
                    {"email": _("Alamat e-mail ini baru saja didaftarkan. Coba lagi.")}
                ) from exc
            created = True
            audit_record(
                actor=actor,
                obj=user,
                agency=agency,
                action=ACCOUNT_STAFF_CREATED,
                reason=reason,
                details={"user": user.pk},
            )
        else:
            if not user.is_active:
                raise ValidationError({"email": _("Akun dengan alamat e-mail ini dinonaktifkan.")})
            memberships = Membership.objects.filter(user=user)
            if memberships.exclude(unit__agency=agency).exists():
                raise ValidationError(
                    {
                        "email": _(
                            "Pengguna ini sudah menjadi staf badan publik lain. Seseorang hanya dapat "
                            "menjadi staf satu badan publik."
                        )
                    }
                )
            was_citizen = not memberships.exists() and hasattr(user, "citizen_profile")
        pending = not user.has_usable_password()
        existing = Membership.objects.filter(user=user, unit=unit, role=role).first()
        if existing is not None:
            if not pending:
                raise ValidationError(_("Pengguna ini sudah memegang peran tersebut di unit ini."))
            membership = existing
            audit_record(
                actor=actor,
                obj=user,
                agency=agency,
                action=ACCOUNT_STAFF_INVITATION_RESENT,
                reason=reason,
                details={"user": user.pk},
            )
        else:
            membership = Membership.objects.create(user=user, unit=unit, role=role)
            audit_record(
                actor=actor,
                obj=membership,
                agency=agency,
                action=MEMBERSHIP_GRANTED,
                reason=reason,
                details={"user": user.pk, "unit": unit.pk, "role": role, "new_account": created},
            )
        if pending:
            transaction.on_commit(functools.partial(_send_staff_invitation, user.pk, agency.pk))
    user.__dict__.pop("_membership_cache", None)
    return StaffAddResult(
        membership=membership,
        granted=existing is None,
        account_created=created,
        invitation_sent=pending,
        was_citizen=was_citizen,
    )


def membership_revoke(*, actor: User, membership: Membership, reason: str) -> None:
    """Take a role away. Before: the actor administers the agency and gives a reason; the role is not the
    agency's last active administrator role (the agency would be locked out of its own administration).
    Changes: the membership is deleted; the audit event keeps who held which role where, and why."""
    agency = membership.unit.agency
    _require_admin(actor, agency)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Sebutkan alasan pencabutan peran.")})
    with transaction.atomic():
        # One staff change of an agency at a time, so two administrators cannot remove each other at once.
        Agency.objects.select_for_update().get(pk=agency.pk)
        locked = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if locked is None:
            raise ValidationError(_("Peran ini sudah dicabut."))
        if locked.role == StaffRole.ADMIN:
            others = (
                Membership.objects.filter(
                    unit__agency=agency, unit__is_active=True, user__is_active=True, role=StaffRole.ADMIN
                )
                .exclude(pk=locked.pk)
                .exists()
            )
            if not others:
                raise ValidationError(
                    _(
                        "Ini satu-satunya administrator badan publik ini. Tambahkan administrator lain "
                        "terlebih dahulu, agar badan publik tidak kehilangan pengelolanya."
                    )
                )
        audit_record(
            actor=actor,
            obj=locked,
            agency=agency,
            action=MEMBERSHIP_REVOKED,
            reason=reason,
            details={"user": locked.user_id, "unit": locked.unit_id, "role": locked.role},
        )
        locked.delete()


def audit_trail_export(*, viewer: User, agency: Agency, filters: Mapping[str, str], rows: int) -> None:
    """Record a download of the agency's audit trail: who, which filters, how many events. Only those who read the
    whole trail (agency-wide roles, the PPID Utama's staff) download it (else PermissionDenied)."""
    if not (viewer.is_superuser or agency.pk in agency_ids_in_full_reach(viewer)):
        raise PermissionDenied(_("Anda tidak dapat mengunduh jejak audit badan publik ini."))
    audit_record(
        actor=viewer,
        obj=agency,
        action=AUDIT_TRAIL_EXPORTED,
        agency=agency,
        details={"filters": {key: value for key, value in filters.items() if value}, "rows": rows},
    )
