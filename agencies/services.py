"""Writes for agencies, units and staff memberships. Each is audited in its own transaction."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from audit.services import audit_record

from .events import (
    ACCOUNT_STAFF_CREATED,
    ACCOUNT_STAFF_INVITATION_RESENT,
    AGENCY_CLASSIFICATION_CODES_CHANGED,
    AGENCY_CREATED,
    AGENCY_LOGO_CHANGED,
    AGENCY_SETTINGS_CHANGED,
    AUDIT_TRAIL_EXPORTED,
    MEMBERSHIP_GRANTED,
    MEMBERSHIP_REVOKED,
    SIGNATORY_POSITION_SET,
    STAFF_PROFILE_CHANGED,
    UNIT_CREATED,
    UNIT_LETTERHEAD_CHANGED,
    UNIT_LOGO_CHANGED,
    UNIT_UPDATED,
)
from .letter_kinds import letter_kinds
from .logos import logo_bytes
from .models import (
    AGENCY_SETTINGS_FIELDS,
    UNIT_LETTERHEAD_FIELDS,
    Agency,
    Membership,
    PositionKind,
    SignatoryPosition,
    StaffProfile,
    StaffRole,
    Unit,
    UnitKind,
)
from .numbering import LONGEST_CLASSIFICATION_CODE
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


# --- letterheads, signatories, staff profiles (issue 17) --------------------------------------------------------

_POSTAL_CODE = re.compile(r"^\d{5}$")
# Archival classification codes: digits and letters in groups joined by dots or hyphens (e.g. 000.9.2, 045.2);
# never a slash, which separates the elements of a letter number.
_CLASSIFICATION_CODE = re.compile(r"^[0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*$")
_INITIALS = re.compile(r"^[A-Za-z]+(?:\.?[A-Za-z]+)*\.?$")


def unit_update_letterhead(*, actor: User, unit: Unit, data: Mapping[str, object], reason: str = "") -> Unit:
    """Change a unit's own kop: the name under the Pemda line, address, city, postal code and contacts
    (`UNIT_LETTERHEAD_FIELDS`; what is left empty comes from the agency). Before: the actor administers the unit's
    agency. Changes: those fields only; audited as {field: {from, to}} with the reason. Letters issued before
    keep the kop they were issued with."""
    agency = unit.agency
    _require_admin(actor, agency)
    with transaction.atomic():
        locked = Unit.objects.select_for_update().get(pk=unit.pk, agency=agency)
        before = {f: getattr(locked, f) for f in UNIT_LETTERHEAD_FIELDS}
        for f in UNIT_LETTERHEAD_FIELDS:
            if f in data:
                setattr(locked, f, str(data[f] or "").strip())
        locked.letterhead_name = locked.letterhead_name.upper()
        if locked.postal_code and not _POSTAL_CODE.match(locked.postal_code):
            raise ValidationError({"postal_code": _("Kode pos terdiri atas 5 angka.")})
        locked.full_clean()
        _save_changed(
            locked, before, actor=actor, agency=agency, action=UNIT_LETTERHEAD_CHANGED, reason=reason
        )
    return locked


def _set_logo(
    *,
    actor: User,
    obj: Agency | Unit,
    agency: Agency,
    logo: UploadedFile[bytes] | None,
    action: str,
    reason: str,
) -> Any:
    """Store, replace (logo given) or remove (None) the logo of `obj` (its row locked). The new file is removed
    again when the transaction fails; the old one once the change has committed."""
    data = logo_bytes(logo) if logo is not None else None
    written, storage = "", None
    try:
        with transaction.atomic():
            model: Any = type(obj)
            locked = model.objects.select_for_update().get(pk=obj.pk)
            old = locked.logo.name if locked.logo else ""
            if data is None and not old:
                return locked
            storage = locked.logo.storage
            if data is not None:
                locked.logo.save("logo", ContentFile(data), save=False)
                written = locked.logo.name
            else:
                locked.logo = ""
            locked.save(update_fields=["logo"])
            audit_record(
                actor=actor,
                obj=locked,
                agency=agency,
                action=action,
                reason=reason,
                details={
                    "logo": "removed" if data is None else ("replaced" if old else "added"),
                    "bytes": len(data) if data is not None else 0,
                },
            )
            if old:
                transaction.on_commit(functools.partial(_delete_file_quietly, storage, old))
    except BaseException:
        if written and storage is not None:
            _delete_file_quietly(storage, written)
        raise
    return locked


def _delete_file_quietly(storage: Any, name: str) -> None:
    try:
        storage.delete(name)
    except OSError:
        log.warning("could not remove the replaced logo %s", name, exc_info=True)


def agency_logo_set(
    *, actor: User, agency: Agency, logo: UploadedFile[bytes] | None, reason: str = ""
) -> Agency:
    """Upload, replace or (logo=None) remove the agency's logo, the kop's default for units without their own.
    Checked by content (`agencies.logos`): PNG or JPEG, at most 1 MB and 2000 × 2000 px."""
    _require_admin(actor, agency)
    updated: Agency = _set_logo(
        actor=actor, obj=agency, agency=agency, logo=logo, action=AGENCY_LOGO_CHANGED, reason=reason
    )
    return updated


def unit_logo_set(*, actor: User, unit: Unit, logo: UploadedFile[bytes] | None, reason: str = "") -> Unit:
    """Upload, replace or (logo=None) remove a unit's own logo; checked like the agency's."""
    _require_admin(actor, unit.agency)
    updated: Unit = _set_logo(
        actor=actor, obj=unit, agency=unit.agency, logo=logo, action=UNIT_LOGO_CHANGED, reason=reason
    )
    return updated


def agency_set_classification_codes(
    *, actor: User, agency: Agency, codes: Mapping[str, str], reason: str = ""
) -> Agency:
    """Set the archival classification code of each letter kind (`Agency.letter_classification_codes`, read by
    the letter numbers' {klasifikasi}). Only the kinds `letters` registered (`agencies.letter_kinds`) are
    accepted; an empty code removes the kind's (its numbers then read without one). Errors are keyed by kind."""
    _require_admin(actor, agency)
    known = {code for code, _label in letter_kinds()}
    unknown = sorted(set(codes) - known)
    if unknown:
        raise ValidationError(_("Jenis surat tidak dikenal: %(kinds)s.") % {"kinds": ", ".join(unknown)})
    cleaned: dict[str, str] = {}
    errors: dict[str, str] = {}
    for kind, code in codes.items():
        code = str(code or "").strip()
        if not code:
            continue
        if len(code) > LONGEST_CLASSIFICATION_CODE:
            errors[kind] = _("Kode klasifikasi paling panjang %(max)s karakter.") % {
                "max": LONGEST_CLASSIFICATION_CODE
            }
        elif not _CLASSIFICATION_CODE.match(code):
            errors[kind] = _(
                "Kode klasifikasi hanya angka dan huruf, dipisah titik atau tanda hubung (mis. 000.9.2)."
            )
        else:
            cleaned[kind] = code
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Agency.objects.select_for_update().get(pk=agency.pk)
        before = dict(locked.letter_classification_codes or {})
        after = {k: v for k, v in before.items() if k not in codes} | cleaned
        if after != before:
            locked.letter_classification_codes = after
            locked.save(update_fields=["letter_classification_codes"])
            audit_record(
                actor=actor,
                obj=locked,
                agency=locked,
                action=AGENCY_CLASSIFICATION_CODES_CHANGED,
                reason=reason,
                details={
                    kind: {"from": before.get(kind, ""), "to": after.get(kind, "")}
                    for kind in sorted(set(before) | set(after))
                    if before.get(kind, "") != after.get(kind, "")
                },
            )
    return locked


def signatory_candidates(unit: Unit, kind: str) -> QuerySet[Any]:
    """Who may hold the position: the unit's heads (role PPID of that unit) for `ppid`, the agency's Atasan PPID
    for `atasan`; active accounts only."""
    User = get_user_model()
    if kind == PositionKind.ATASAN:
        scope = {"memberships__unit__agency": unit.agency, "memberships__role": StaffRole.ATASAN}
    else:
        scope = {"memberships__unit": unit, "memberships__role": StaffRole.PPID}
    return User.objects.filter(is_active=True, **scope).distinct().order_by("first_name", "username")


def signatory_position_set(
    *,
    actor: User,
    unit: Unit,
    kind: str,
    holder: User,
    title: str,
    acting: bool = False,
    reason: str = "",
) -> SignatoryPosition:
    """Name who holds a signing position: the PPID of `unit` (notices, extensions, receipts) or, on the PPID
    Utama, the Atasan PPID (objections). Before: the actor administers the agency; the holder is staff of it
    with the fitting role (`signatory_candidates`); a title is given. `acting` signs as Plt. Changes: the one
    position of that unit and kind, created or changed, audited with the former and new holder. Letters issued
    before keep their signatory."""
    agency = unit.agency
    _require_admin(actor, agency)
    if kind not in PositionKind.values:
        raise ValidationError({"kind": _("Jabatan penanda tangan tidak dikenal.")})
    if kind == PositionKind.ATASAN and unit.kind != UnitKind.UTAMA:
        raise ValidationError({"kind": _("Jabatan Atasan PPID dicatat pada PPID Utama.")})
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Isi nama jabatan, mis. Kepala Dinas Kesehatan.")})
    if len(title) > 200:
        raise ValidationError({"title": _("Nama jabatan paling panjang 200 karakter.")})
    if holder is None or not signatory_candidates(unit, kind).filter(pk=holder.pk).exists():
        raise ValidationError(
            {
                "holder": _("Pejabat harus staf aktif dengan peran PPID (kepala unit) di unit ini.")
                if kind == PositionKind.PPID
                else _("Pejabat harus staf aktif dengan peran Atasan PPID di badan publik ini.")
            }
        )
    with transaction.atomic():
        Unit.objects.select_for_update().get(pk=unit.pk)
        position = SignatoryPosition.objects.filter(unit=unit, kind=kind).first()
        before = (
            {"holder": position.holder_id, "title": position.title, "acting": position.acting}
            if position
            else {"holder": None, "title": "", "acting": False}
        )
        after = {"holder": holder.pk, "title": title, "acting": bool(acting)}
        if position is not None and before == after:
            return position
        if position is None:
            position = SignatoryPosition(unit=unit, kind=kind)
        position.holder, position.title, position.acting = holder, title, bool(acting)
        position.save()
        audit_record(
            actor=actor,
            obj=position,
            agency=agency,
            action=SIGNATORY_POSITION_SET,
            reason=reason,
            details={
                "unit": unit.pk,
                "kind": kind,
                **{f: {"from": before[f], "to": after[f]} for f in after if before[f] != after[f]},
            },
        )
    return position


def _check_nip(nip: str) -> None:
    """18 digits: birth date (YYYYMMDD), appointment (YYYYMM), sex (1 or 2), sequence (PP 11/2017 practice)."""
    import datetime as dt

    if not re.fullmatch(r"\d{18}", nip):
        raise ValidationError({"nip": _("NIP terdiri atas 18 angka.")})
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            {"nip": _("NIP tidak sah: 8 angka pertamanya adalah tanggal lahir (TTTTBBHH).")}
        ) from None
    if not 1 <= int(nip[12:14]) <= 12 or nip[14] not in "12":
        raise ValidationError(
            {
                "nip": _(
                    "NIP tidak sah: periksa bulan pengangkatan (angka 13-14) dan kode jenis kelamin (angka 15)."
                )
            }
        )


def staff_profile_update(
    *,
    actor: User,
    agency: Agency,
    user: User,
    nip: str = "",
    rank: str = "",
    initials: str = "",
    reason: str = "",
) -> StaffProfile:
    """What letters print of a staff member: NIP (18 digits; spaces as people type them are dropped), rank
    (pangkat/golongan) and the initials of the prepared-by line. Before: the actor administers the agency and the
    person is its staff. Changes: the profile, created if missing; the audit row names which fields changed,
    never their values."""
    _require_admin(actor, agency)
    if not Membership.objects.filter(user=user, unit__agency=agency).exists():
        raise ValidationError(_("Orang ini bukan staf badan publik ini."))
    nip = re.sub(r"[\s.\-]", "", nip or "")
    rank = (rank or "").strip()
    initials = (initials or "").strip().upper()
    if nip:
        _check_nip(nip)
    if len(rank) > 100:
        raise ValidationError({"rank": _("Pangkat/golongan paling panjang 100 karakter.")})
    if initials and (len(initials) > 10 or not _INITIALS.match(initials)):
        raise ValidationError(
            {"initials": _("Inisial hanya huruf (boleh bertitik), paling banyak 10 karakter.")}
        )
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=user.pk)
        profile = StaffProfile.objects.filter(user=user).first() or StaffProfile(user=user)
        before = {"nip": profile.nip, "rank": profile.rank, "initials": profile.initials}
        profile.nip, profile.rank, profile.initials = nip, rank, initials
        changed = sorted(f for f, old in before.items() if old != getattr(profile, f))
        if changed or profile.pk is None:
            profile.full_clean()
            profile.save()
        if changed:
            audit_record(
                actor=actor,
                obj=profile,
                agency=agency,
                action=STAFF_PROFILE_CHANGED,
                reason=reason,
                details={"user": user.pk, "changed": changed},
            )
    return profile
