"""Writes for accounts: registration, e-mail confirmation, the profile, and recorded access to identity."""

import functools
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agencies.models import StaffRole
from agencies.selectors import memberships_of
from audit.services import audit_record

from .events import ACCOUNT_EMAIL_CONFIRMED, ACCOUNT_REGISTERED, PERSONAL_DATA_VIEWED, PROFILE_UPDATED
from .models import CitizenProfile, RequesterType, User

_CONFIRM_SALT = "accounts.email-confirmation"

# Case apps register here how to tell whether a person has a case with an agency, so that the NIK is shown
# in full only to the staff who handle that person's case (accounts must not import the case apps).
CaseRelation = Callable[[User, int], bool]
_case_relations: list[CaseRelation] = []


def register_case_relation(check: CaseRelation) -> None:
    if check not in _case_relations:
        _case_relations.append(check)


def unregister_case_relation(check: CaseRelation) -> None:
    """Undo register_case_relation (tests that register a check of their own)."""
    if check in _case_relations:
        _case_relations.remove(check)


def email_confirmation_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=_CONFIRM_SALT)


def _send_confirmation_mail(user_id: int) -> None:
    user = User.objects.get(pk=user_id)
    link = settings.SITE_URL.rstrip("/") + reverse(
        "frontend:confirm_email", kwargs={"token": email_confirmation_token(user)}
    )
    send_mail(
        subject=_("Konfirmasi alamat e-mail Anda"),
        message=_(
            "Terima kasih telah mendaftar di layanan PPID.\n\n"
            "Buka tautan berikut untuk mengonfirmasi alamat e-mail Anda (berlaku %(hours)s jam):\n%(link)s\n\n"
            "Jika Anda tidak mendaftar, abaikan pesan ini."
        )
        % {"hours": settings.EMAIL_CONFIRMATION_MAX_AGE_HOURS, "link": link},
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def _send_already_registered_mail(user_id: int) -> None:
    """Someone signed up with the address of an existing account: its owner is told, nobody else."""
    user = User.objects.get(pk=user_id)
    base = settings.SITE_URL.rstrip("/")
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        send_mail(
            subject=_("Seseorang mencoba mendaftar dengan alamat e-mail Anda"),
            message=_(
                "Ada pendaftaran akun baru di layanan PPID dengan alamat e-mail ini, padahal alamat ini sudah "
                "memiliki akun. Tidak ada akun baru yang dibuat dan akun Anda tidak berubah.\n\n"
                "Jika itu Anda, masuk di %(login)s. Lupa kata sandi? Buat yang baru di %(reset)s.\n\n"
                "Jika bukan Anda, abaikan pesan ini."
            )
            % {"login": base + reverse("frontend:login"), "reset": base + reverse("frontend:password_reset")},
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )


def citizen_register(*, email: str, password: str, name: str) -> User | None:
    """Create a citizen account; after commit, the confirmation mail. The answer does not tell whether the
    address is registered: for an existing account nothing is created, its owner gets a mail saying someone
    tried, and None is returned (the page shows the same "check your e-mail" either way)."""
    email = email.strip().lower()
    user = User(username=email, email=email, first_name=name[:150])
    validate_password(password, user)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None or User.objects.filter(username=email).exists():
        make_password(password)  # the same work as a real sign-up, so the time tells nothing either
        if existing is not None:
            transaction.on_commit(functools.partial(_send_already_registered_mail, existing.pk))
        return None
    with transaction.atomic():
        user.set_password(password)
        user.save()
        profile = CitizenProfile.objects.create(user=user, name=name, address="")
        audit_record(actor=user, obj=profile, action=ACCOUNT_REGISTERED)
        transaction.on_commit(functools.partial(_send_confirmation_mail, user.pk))
    return user


def citizen_resend_confirmation(*, user: User) -> None:
    if user.email_confirmed_at is None and user.email:
        transaction.on_commit(functools.partial(_send_confirmation_mail, user.pk))


def citizen_confirm_email(*, token: str) -> User:
    """Mark the e-mail as confirmed. A tampered, expired or outdated link changes nothing."""
    try:
        data = signing.loads(
            token, salt=_CONFIRM_SALT, max_age=settings.EMAIL_CONFIRMATION_MAX_AGE_HOURS * 3600
        )
    except signing.SignatureExpired as exc:
        raise ValidationError(_("Tautan konfirmasi sudah kedaluwarsa. Minta tautan baru.")) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("Tautan konfirmasi tidak valid.")) from exc
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data.get("u")).first()
        if user is None or user.email.lower() != data.get("e"):
            raise ValidationError(_("Tautan konfirmasi tidak valid."))
        if user.email_confirmed_at is None:
            user.email_confirmed_at = timezone.now()
            user.save(update_fields=["email_confirmed_at"])
            audit_record(actor=user, obj=user, action=ACCOUNT_EMAIL_CONFIRMED)
    return user


def citizen_profile_update(
    *,
    user: User,
    requester_type: str,
    name: str,
    address: str,
    phone: str = "",
    occupation: str = "",
    nik: str = "",
    entity_number: str = "",
) -> CitizenProfile:
    """Update the requester identity. `nik` is already validated; blank keeps the stored one."""
    with transaction.atomic():
        profile, _created = CitizenProfile.objects.select_for_update().get_or_create(
            user=user, defaults={"name": name, "address": address}
        )
        changed = []
        for field, value in (
            ("requester_type", requester_type),
            ("name", name),
            ("address", address),
            ("phone", phone),
            ("occupation", occupation),
            ("entity_number", entity_number if requester_type == RequesterType.LEGAL_ENTITY else ""),
        ):
            if getattr(profile, field) != value:
                setattr(profile, field, value)
                changed.append(field)
        if nik:
            profile.set_nik(nik)
            changed.append("nik")
        profile.save()
        if changed:
            # Field names only: the trail never holds the personal data itself.
            audit_record(actor=user, obj=profile, action=PROFILE_UPDATED, details={"fields": changed})
    return profile


_REVEAL_ROLES = frozenset({StaffRole.OFFICER, StaffRole.PPID, StaffRole.ATASAN})


def can_reveal_identity(viewer: User, profile: CitizenProfile) -> bool:
    """Only case-handling staff of an agency the person has a case with (auditors and admins do not)."""
    agency_ids = {m.unit.agency_id for m in memberships_of(viewer) if m.role in _REVEAL_ROLES}
    return any(check(profile.user, agency_id) for agency_id in agency_ids for check in _case_relations)


def citizen_identity_reveal(*, profile: CitizenProfile, viewer: User, purpose: str) -> str:
    """Return the full NIK to staff who need it, recording who looked, when and why."""
    if not purpose.strip():
        raise ValidationError(_("Sebutkan keperluan melihat NIK lengkap."))
    if not can_reveal_identity(viewer, profile):
        raise PermissionDenied(_("Anda tidak berwenang melihat NIK lengkap pemohon ini."))
    agency = next(iter(memberships_of(viewer))).unit.agency
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=profile,
            agency=agency,
            action=PERSONAL_DATA_VIEWED,
            reason=purpose.strip(),
            details={"fields": ["nik"]},
        )
    return profile._decrypt_nik()


def user_set_language(*, user: User, language: str) -> None:
    """The language of the user's notifications (web and e-mail subject lines) follows the one they chose on
    the site. Unknown codes are ignored."""
    from django.conf import settings

    if language in dict(settings.LANGUAGES) and user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
