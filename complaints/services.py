"""Writes for complaints: one service per transition, the same order of checks as ppid (visible, role, state,
payload). For an anonymous complaint the reporter never appears as an actor in the audit trail."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency, Unit
from agencies.numbering import issue_number
from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from ppid.assignment import AssignmentCodes, change_assignee, check_open
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.transitions import check_fsm_transition
from workcalendar.calendar import CalendarDue, DueDate, WorkingCalendar
from workcalendar.deadlines import as_step
from workcalendar.validators import date_window_error

from .events import (
    COMPLAINT_ARCHIVE,
    COMPLAINT_ASSIGN,
    COMPLAINT_ASSIGNED_TO_YOU,
    COMPLAINT_AUTO_CLOSE,
    COMPLAINT_CONFIRM,
    COMPLAINT_CONVERTED,
    COMPLAINT_ESCALATED,
    COMPLAINT_LAPOR_LINKED,
    COMPLAINT_REOPEN,
    COMPLAINT_RESPOND,
    COMPLAINT_SUBMITTED,
    COMPLAINT_UNASSIGNED_FROM_YOU,
    COMPLAINT_VERIFY,
)
from .models import (
    OPEN_COMPLAINT_STATES,
    ArchiveReason,
    Complaint,
    ComplaintAttachment,
    ComplaintCategory,
    ComplaintMessage,
    ComplaintState,
)
from .selectors import complaints_visible_to, due_for_auto_close

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User
    from ppid.models import InformationRequest

SERIES = "complaint"
_STATE_MESSAGES = {
    "verify": gettext_lazy("Pengaduan ini sudah diverifikasi atau diarsipkan."),
    "archive": gettext_lazy("Pengaduan hanya dapat diarsipkan sebelum ditindaklanjuti."),
    "respond": gettext_lazy("Tindak lanjut hanya dapat dikirim untuk pengaduan yang sedang di unit."),
    "reopen": gettext_lazy(
        "Pengaduan hanya dapat dibuka kembali setelah ditindaklanjuti dan sebelum selesai."
    ),
    "confirm": gettext_lazy("Penilaian hanya dapat diberikan setelah tindak lanjut dan sebelum selesai."),
}


@dataclass
class CodeHolder:
    """The anonymous reporter of one complaint, proven by its secret tracking code (no account)."""

    is_complaint_code_holder: int
    pk = None
    is_authenticated = False
    is_superuser = False


if TYPE_CHECKING:
    # Who acts on a complaint: a signed-in user, or its anonymous reporter proven by the tracking code.
    Actor = User | CodeHolder
    # A latitude or longitude as a form, the API or a test gives it; blank is none.
    Coordinate = Decimal | float | str | None


# No 0/O, 1/I/L, no punctuation: people copy the code by hand. 16 symbols of 31: about 79 bits.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_tracking_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


@functools.cache
def _dummy_code_hash() -> str:
    """A hash of a code nobody holds, with the current hasher: what an unknown number is checked against."""
    return make_password(new_tracking_code())


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _resolution_due(
    agency: Agency, received_at: dt.datetime, *, complete: bool = False
) -> tuple[dt.date, dict[str, object]]:
    """The resolution limit. At filing it counts from receipt; once the file is complete (verified) it counts again
    from that day (Perpres 76/2013), `complete=True`."""
    calendar = WorkingCalendar(agency)
    if agency.complaint_resolution_in_working_days:
        due: DueDate | CalendarDue = calendar.add_working_days(received_at, agency.complaint_resolution_days)
        return due.due_date, as_step("resolution", due, start_label="file_complete" if complete else None)
    # Calendar days; a last day off work rolls to the next working day.
    due = calendar.add_calendar_days(received_at, agency.complaint_resolution_days)
    sentence = (
        _("%(n)s hari kalender sejak berkas lengkap (diverifikasi) %(start)s: selesai paling lambat %(due)s.")
        if complete
        else _("%(n)s hari kalender sejak diterima %(start)s: selesai paling lambat %(due)s.")
    )
    return due.due_date, as_step(
        "resolution",
        due,
        explanation=sentence
        % {
            "n": agency.complaint_resolution_days,
            "start": due.start.isoformat(),
            "due": due.due_date.isoformat(),
        }
        + "\n"
        + due.explanation(),
    )


def _actor_for_audit(complaint: Complaint, actor: Actor | None) -> User | None:
    """Anonymous reporters are never named in the trail: their acts are recorded as the reporter's, unnamed."""
    if isinstance(actor, CodeHolder):
        return None
    if (
        complaint.anonymous
        and complaint.reporter_id is not None
        and getattr(actor, "pk", None) == complaint.reporter_id
    ):
        return None
    return actor


def _audit(
    complaint: Complaint,
    actor: Actor | None,
    action: str,
    *,
    from_state: str = "",
    reason: str = "",
    details: dict[str, object] | None = None,
) -> None:
    by_reporter = isinstance(actor, CodeHolder) or getattr(actor, "pk", "x") == complaint.reporter_id
    audit_record(
        actor=_actor_for_audit(complaint, actor),
        obj=complaint,
        agency=complaint.agency,
        action=action,
        from_state=from_state,
        to_state=complaint.state,
        reason=reason,
        details={**(details or {}), **({"by": "reporter"} if by_reporter else {})},
    )
    from .notify import complaint_changed

    complaint_changed(complaint, action, actor)


# --- filing ---------------------------------------------------------------------------------------------------
def occurred_on_error(agency: Agency, occurred_on: dt.date | None) -> str | None:
    """An incident cannot lie ahead of today in the agency's zone, nor before the window every date keeps
    (workcalendar.validators). Forms ask this too, so that the message comes with the form's own errors
    instead of after them."""
    return date_window_error(
        occurred_on, agency=agency, future_message=_("Tanggal kejadian tidak boleh di masa depan.")
    )


def text_length_error(text: str) -> str | None:
    """The message for a free text longer than LONG_TEXT_MAX_CHARS, or None (every database alike)."""
    limit = settings.LONG_TEXT_MAX_CHARS
    if len(text or "") > limit:
        return _("Teks terlalu panjang: paling banyak %(limit)s karakter (sekarang %(count)s).") % {
            "limit": f"{limit:,}".replace(",", "."),
            "count": f"{len(text):,}".replace(",", "."),
        }
    return None


def _attachments_error(attachments: Sequence[UploadedFile[bytes]]) -> str | None:
    """A complaint takes at most COMPLAINT_MAX_ATTACHMENTS files of COMPLAINT_UPLOAD_TOTAL_BYTES together."""
    most = settings.COMPLAINT_MAX_ATTACHMENTS
    if len(attachments) > most:
        return _("Satu pengaduan paling banyak %(count)s lampiran.") % {"count": most}
    total = settings.COMPLAINT_UPLOAD_TOTAL_BYTES
    if sum(a.size or 0 for a in attachments) > total:
        return _("Ukuran seluruh lampiran paling banyak %(mb)s MB.") % {"mb": max(total // (1024 * 1024), 1)}
    return None


def _validate_filing(
    *,
    reporter: User | None,
    agency: Agency,
    title: str,
    description: str,
    category: str,
    occurred_on: dt.date | None,
    latitude: Coordinate,
    longitude: Coordinate,
    anonymous: bool,
    location: str = "",
    service: str = "",
) -> list[Decimal | None]:
    errors: dict[str, list[str]] = {}
    if reporter is None and not anonymous:
        errors["anonymous"] = [_("Tanpa akun, pengaduan hanya dapat diajukan secara anonim.")]
    if not agency.is_active:
        errors["agency"] = [_("Badan publik ini tidak menerima pengaduan.")]
    if not (title or "").strip():
        errors["title"] = [_("Isi judul pengaduan.")]
    if not (description or "").strip():
        errors["description"] = [_("Uraikan apa yang terjadi.")]
    elif (error := text_length_error(description)) is not None:
        errors["description"] = [error]
    for field, value in (("title", title), ("location", location), ("service", service)):
        # Checked here too: SQLite does not enforce it.
        limit = cast("models.CharField[Any, Any]", Complaint._meta.get_field(field)).max_length
        if limit is not None and len(value or "") > limit:
            errors[field] = [_("Paling banyak %(limit)s karakter.") % {"limit": limit}]
    if category not in ComplaintCategory.values:
        errors["category"] = [_("Pilih kategori pengaduan.")]
    if (error := occurred_on_error(agency, occurred_on)) is not None:
        errors["occurred_on"] = [error]
    coords: list[Decimal | None] = []
    for field, coordinate, limit in (("latitude", latitude, 90), ("longitude", longitude, 180)):
        if coordinate in (None, ""):
            coords.append(None)
            continue
        try:
            number = Decimal(str(coordinate))
            ok = number.is_finite() and -limit <= number <= limit
        except (InvalidOperation, ValueError):
            ok = False
        if not ok:
            errors[field] = [_("Koordinat tidak valid.")]
            coords.append(None)
        else:
            coords.append(number.quantize(Decimal("0.000001")))
    if (coords[0] is None) != (coords[1] is None) and "latitude" not in errors and "longitude" not in errors:
        errors["longitude"] = [_("Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.")]
    if errors:
        raise ValidationError(errors)
    return coords


@removes_files_it_wrote
def complaint_file(
    *,
    reporter: User | None,
    agency: Agency,
    title: str,
    description: str,
    category: str,
    occurred_on: dt.date | None = None,
    location: str = "",
    latitude: Coordinate = None,
    longitude: Coordinate = None,
    service: str = "",
    anonymous: bool = False,
    confidential: bool = False,
    attachments: Iterable[UploadedFile[bytes]] = (),
    submission_key: uuid.UUID | None = None,
) -> tuple[Complaint, str | None]:
    """File a complaint; a tracking number is issued at once. Without an account (reporter None) it must be
    anonymous, and the secret tracking code returned here is the only way to follow it: it is shown once and
    only its hash is kept. Returns (complaint, tracking_code or "" with an account), or (complaint, None) when
    the submission key shows this is a repeat of a filing already made: no new code is issued then."""
    if reporter is not None and reporter.email_confirmed_at is None:
        raise PermissionDenied(_("Konfirmasi alamat e-mail Anda sebelum mengajukan pengaduan."))
    latitude, longitude = _validate_filing(
        reporter=reporter,
        agency=agency,
        title=title,
        description=description,
        category=category,
        occurred_on=occurred_on,
        latitude=latitude,
        longitude=longitude,
        anonymous=anonymous,
        location=location,
        service=service,
    )
    attachments = list(attachments)
    if (error := _attachments_error(attachments)) is not None:
        raise ValidationError({"attachments": [error]})
    errors: list[str] = []
    for uploaded in attachments:
        try:
            inspect_upload(uploaded)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError({"attachments": errors})
    if submission_key:
        existing = _same_submission(reporter, submission_key)
        if existing is not None:
            return existing
    code = new_tracking_code() if reporter is None else ""
    now = timezone.now()
    try:
        with transaction.atomic():
            number, year, seq = issue_number(
                agency=agency, series=SERIES, fmt=agency.complaint_number_format, at=now
            )
            verify = WorkingCalendar(agency).add_working_days(now, agency.complaint_verify_working_days)
            resolution_due, resolution_step = _resolution_due(agency, now)
            complaint = Complaint.objects.create(
                agency=agency,
                reporter=reporter,
                submitted_by=reporter,
                anonymous=anonymous or reporter is None,
                confidential=confidential,
                title=title.strip(),
                description=description.strip(),
                occurred_on=occurred_on,
                location=(location or "").strip(),
                latitude=latitude,
                longitude=longitude,
                service=(service or "").strip(),
                category=category,
                received_at=now,
                registration_year=year,
                registration_sequence=seq,
                tracking_number=number,
                tracking_code_hash=make_password(_normalise_code(code)) if code else "",
                submission_key=submission_key,
                verify_due=verify.due_date,
                resolution_due=resolution_due,
                deadline_log=[as_step("verify", verify), resolution_step],
            )
            for uploaded in attachments:
                content_type, size, sha256 = inspect_upload(uploaded)
                attachment = ComplaintAttachment(
                    complaint=complaint,
                    original_name=(uploaded.name or "")[:255],
                    content_type=content_type,
                    size=size,
                    sha256=sha256,
                )
                store_file(attachment, "file", uploaded)
                attachment.save()
            _audit(
                complaint,
                reporter if reporter is not None else CodeHolder(complaint.pk),
                COMPLAINT_SUBMITTED,
                details={
                    "anonymous": complaint.anonymous,
                    "confidential": confidential,
                    "attachments": len(attachments),
                },
            )
    except IntegrityError:
        if submission_key:
            existing = _same_submission(reporter, submission_key)
            if existing is not None:
                return existing
        raise
    return complaint, code


def _same_submission(reporter: User | None, submission_key: uuid.UUID) -> tuple[Complaint, None] | None:
    """The complaint a repeated submission (double tap, reload, resubmit from history) already created. Its
    tracking code is never touched: replacing it would hand the complaint to whoever repeats the form and lock
    out the reporter who noted the first code. None as the code says that no code was issued this time."""
    existing = Complaint.objects.filter(submitted_by=reporter, submission_key=submission_key).first()
    if existing is None:
        return None
    return existing, None


def complaint_track(*, tracking_number: str, code: str) -> Complaint:
    """An anonymous reporter without an account follows the complaint with its number and secret code."""
    number = (tracking_number or "").strip()
    tracked = Complaint.objects.select_related("agency", "unit").exclude(tracking_code_hash="")
    # Typed as printed first (indexed); then in any case, for a number typed in lower case on a phone.
    candidates: list[Complaint | None] = list(tracked.filter(tracking_number=number)) or list(
        tracked.filter(tracking_number__iexact=number)
    )
    code = _normalise_code(code)
    # Numbers may repeat across agencies: the code decides which complaint it is. Same answer for an unknown
    # number and a wrong code, and the same work: an unknown number is hashed against a dummy, so neither the
    # message nor the time tells which numbers exist.
    complaint = None
    for candidate in candidates or [None]:
        encoded = candidate.tracking_code_hash if candidate is not None else _dummy_code_hash()
        if check_password(code, encoded) and code and candidate is not None and complaint is None:
            complaint = candidate
    if complaint is None:
        raise NotFound(_("Nomor pelacakan atau kode rahasia tidak cocok."))
    return complaint


# --- transitions ------------------------------------------------------------------------------------------------
def _lock(complaint_id: int, actor: Actor | None) -> Complaint:
    qs = Complaint.objects.select_for_update(of=("self",)).select_related("agency", "unit")
    if isinstance(actor, CodeHolder):
        complaint = qs.filter(pk=actor.is_complaint_code_holder, pk__in=[complaint_id]).first()
    else:
        complaint = qs.filter(pk=complaint_id, pk__in=complaints_visible_to(actor).values("pk")).first()
    if complaint is None:
        raise NotFound(_("Pengaduan tidak ditemukan."))
    return complaint


def _reporter_actor(
    complaint_id: int, actor: Actor | None, tracking_number: str, tracking_code: str
) -> Actor | None:
    if tracking_code:
        complaint = complaint_track(tracking_number=tracking_number, code=tracking_code)
        if complaint.pk != complaint_id:
            raise NotFound(_("Pengaduan tidak ditemukan."))
        return CodeHolder(complaint.pk)
    return actor


def check_transition(complaint: Complaint, name: str, actor: Actor | None) -> None:
    check_fsm_transition(
        complaint,
        name,
        actor,
        state_messages=_STATE_MESSAGES,
        denied_message=_("Anda tidak berwenang melakukan tindakan ini pada pengaduan ini."),
    )


def _save(complaint: Complaint, fields: Iterable[str]) -> None:
    complaint.save(update_fields=["state", *fields])


def complaint_verify(*, complaint_id: int, actor: User, unit: Unit) -> Complaint:
    """The complaint administrator verifies and dispositions to a unit of the same agency."""
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_transition(complaint, "verify", actor)
        if unit is None or unit.agency_id != complaint.agency_id or not unit.is_active:
            raise ValidationError({"unit": [_("Pilih unit aktif dari badan publik yang sama.")]})
        before = complaint.state
        followup = WorkingCalendar(complaint.agency).add_working_days(
            timezone.now(), complaint.agency.complaint_followup_working_days
        )
        # Verified, the file is complete: the resolution limit counts from today (Perpres 76/2013).
        complaint.resolution_due, resolution_step = _resolution_due(
            complaint.agency, timezone.now(), complete=True
        )
        complaint.deadline_log = [*complaint.deadline_log, as_step("followup", followup), resolution_step]
        complaint.verify(unit=unit, at=timezone.now(), followup_due=followup.due_date)
        _save(complaint, ["unit", "dispositioned_at", "followup_due", "resolution_due", "deadline_log"])
        _audit(complaint, actor, COMPLAINT_VERIFY, from_state=before, details={"unit": unit.pk})
    return complaint


def complaint_archive(*, complaint_id: int, actor: User, reason: str, note: str = "") -> Complaint:
    """Not a complaint, not our authority, duplicate or spam; the reason is told to the reporter."""
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_transition(complaint, "archive", actor)
        errors: dict[str, list[str]] = {}
        if reason not in ArchiveReason.values or reason == ArchiveReason.CONVERTED:
            errors["reason"] = [_("Pilih alasan pengarsipan.")]
        if errors:
            raise ValidationError(errors)
        # The reporter is always told why: the officer's words, or the reason itself.
        note = (note or "").strip() or str(ArchiveReason(reason).label)
        before = complaint.state
        complaint.archive(reason=reason, note=note.strip(), at=timezone.now())
        _save(complaint, ["archive_reason", "archive_note", "archived_at"])
        _audit(
            complaint,
            actor,
            COMPLAINT_ARCHIVE,
            from_state=before,
            reason=note.strip(),
            details={"reason": reason},
        )
    return complaint


def complaint_respond(*, complaint_id: int, actor: User, message: str) -> Complaint:
    """The unit posts its follow-up. The reporter then has the configured working days to reply."""
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_transition(complaint, "respond", actor)
        if not (message or "").strip():
            raise ValidationError({"message": [_("Tuliskan tindak lanjut untuk pelapor.")]})
        if (error := text_length_error(message)) is not None:
            raise ValidationError({"message": [error]})
        before = complaint.state
        now = timezone.now()
        close = WorkingCalendar(complaint.agency).add_working_days(
            now, complaint.agency.complaint_auto_close_working_days
        )
        complaint.deadline_log = [*complaint.deadline_log, as_step("auto_close", close)]
        complaint.respond(at=now, auto_close_on=close.due_date)
        _save(complaint, ["responded_at", "auto_close_on", "deadline_log"])
        ComplaintMessage.objects.create(
            complaint=complaint,
            author_kind=ComplaintMessage.Author.UNIT,
            staff_author=actor,
            body=message.strip(),
        )
        _audit(complaint, actor, COMPLAINT_RESPOND, from_state=before)
    return complaint


def complaint_reopen(
    *,
    complaint_id: int,
    message: str,
    actor: Actor | None = None,
    tracking_number: str = "",
    tracking_code: str = "",
) -> Complaint:
    """The reporter is not satisfied: back to the unit, with a new follow-up clock."""
    actor = _reporter_actor(complaint_id, actor, tracking_number, tracking_code)
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_transition(complaint, "reopen", actor)
        if not (message or "").strip():
            raise ValidationError({"message": [_("Jelaskan mengapa tindak lanjut belum memuaskan.")]})
        if (error := text_length_error(message)) is not None:
            raise ValidationError({"message": [error]})
        before = complaint.state
        followup = WorkingCalendar(complaint.agency).add_working_days(
            timezone.now(), complaint.agency.complaint_followup_working_days
        )
        complaint.deadline_log = [*complaint.deadline_log, as_step("followup", followup)]
        complaint.reopen(followup_due=followup.due_date)
        _save(complaint, ["followup_due", "auto_close_on", "deadline_log"])
        ComplaintMessage.objects.create(
            complaint=complaint, author_kind=ComplaintMessage.Author.REPORTER, body=message.strip()
        )
        _audit(complaint, actor, COMPLAINT_REOPEN, from_state=before)
    return complaint


def complaint_confirm(
    *,
    complaint_id: int,
    rating: int | str,
    comment: str = "",
    actor: Actor | None = None,
    tracking_number: str = "",
    tracking_code: str = "",
) -> Complaint:
    """The reporter accepts the follow-up and rates the handling from 1 to 5."""
    actor = _reporter_actor(complaint_id, actor, tracking_number, tracking_code)
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_transition(complaint, "confirm", actor)
        try:
            rating = int(str(rating).strip())
        except (TypeError, ValueError):
            rating = 0
        if not 1 <= rating <= 5:
            raise ValidationError({"rating": [_("Penilaian harus angka 1 sampai 5.")]})
        if (error := text_length_error(comment)) is not None:
            raise ValidationError({"comment": [error]})
        before = complaint.state
        complaint.confirm(rating=rating, comment=(comment or "").strip(), at=timezone.now())
        _save(complaint, ["rating", "rating_comment", "completed_at"])
        _audit(complaint, actor, COMPLAINT_CONFIRM, from_state=before, details={"rating": rating})
    return complaint


def complaint_auto_close_due(*, now: dt.datetime | None = None) -> int:
    """Close responded complaints whose reporter did not reply within the configured working days."""
    now = now or timezone.now()
    closed = 0
    for candidate in due_for_auto_close().filter(auto_close_on__lt=now.date() + dt.timedelta(days=1)):
        with transaction.atomic():
            complaint = Complaint.objects.select_for_update().select_related("agency").get(pk=candidate.pk)
            end = complaint._end(complaint.auto_close_on)
            if complaint.state != ComplaintState.RESPONDED or end is None or now <= end:
                continue
            complaint.auto_close(at=now)
            _save(complaint, ["completed_at"])
            audit_record(
                actor=None,
                obj=complaint,
                agency=complaint.agency,
                action=COMPLAINT_AUTO_CLOSE,
                from_state=ComplaintState.RESPONDED,
                to_state=complaint.state,
                reason=_("Tidak ada balasan pelapor dalam %(n)s hari kerja setelah tindak lanjut.")
                % {"n": complaint.agency.complaint_auto_close_working_days},
            )
            from .notify import complaint_changed

            complaint_changed(complaint, COMPLAINT_AUTO_CLOSE, None)
            closed += 1
    return closed


# --- records beside the lifecycle --------------------------------------------------------------------------------
def _admin_lock(complaint_id: int, actor: User) -> Complaint:
    from .rules import is_complaint_admin

    complaint = _lock(complaint_id, actor)
    if not is_complaint_admin(complaint, actor):
        raise PermissionDenied(_("Hanya admin pengaduan yang dapat mencatat ini."))
    return complaint


def complaint_escalate_to_ombudsman(*, complaint_id: int, actor: User, reference: str) -> Complaint:
    """Mark a complaint the agency did not resolve as reported to the Ombudsman (UU 37/2008)."""
    with transaction.atomic():
        complaint = _admin_lock(complaint_id, actor)
        if complaint.state == ComplaintState.ARCHIVED:
            raise InvalidTransition(
                _("Pengaduan yang diarsipkan tidak dapat dieskalasi."), state=complaint.state
            )
        if not (reference or "").strip():
            raise ValidationError({"reference": [_("Isi nomor laporan dari Ombudsman.")]})
        complaint.ombudsman_reference, complaint.escalated_at = reference.strip(), timezone.now()
        complaint.save(update_fields=["ombudsman_reference", "escalated_at"])
        _audit(complaint, actor, COMPLAINT_ESCALATED, details={"reference": complaint.ombudsman_reference})
    return complaint


def complaint_record_lapor_number(*, complaint_id: int, actor: User, number: str) -> Complaint:
    with transaction.atomic():
        complaint = _admin_lock(complaint_id, actor)
        if not (number or "").strip():
            raise ValidationError({"number": [_("Isi nomor pelacakan SP4N-LAPOR!.")]})
        complaint.lapor_tracking_number = number.strip()
        complaint.save(update_fields=["lapor_tracking_number"])
        _audit(complaint, actor, COMPLAINT_LAPOR_LINKED, details={"number": complaint.lapor_tracking_number})
    return complaint


def complaint_convert_to_request(
    *,
    complaint_id: int,
    actor: User,
    purpose: str,
    obtain_method: str = "softcopy",
    delivery_method: str = "email",
) -> InformationRequest:
    """A complaint that is really a request for information becomes one, keeping the original date of receipt
    and the link. It needs the reporter's identity, so an anonymous complaint cannot be converted."""
    from ppid.services import information_request_register_converted

    with transaction.atomic():
        complaint = _admin_lock(complaint_id, actor)
        check_transition(complaint, "archive", actor)
        if complaint.anonymous or complaint.reporter is None:
            raise ValidationError(
                {
                    "complaint": [
                        _(
                            "Pengaduan anonim tidak dapat dialihkan: permohonan informasi "
                            "memerlukan identitas pemohon."
                        )
                    ]
                }
            )
        request = information_request_register_converted(
            officer=actor,
            requester=complaint.reporter,
            agency=complaint.agency,
            received_at=complaint.received_at,
            information_requested=complaint.description,
            purpose=purpose,
            obtain_method=obtain_method,
            delivery_method=delivery_method,
            source=str(complaint),
        )
        before = complaint.state
        complaint.archive(
            reason=ArchiveReason.CONVERTED,
            note=_("Dialihkan menjadi permohonan informasi %(number)s.") % {"number": request},
            at=timezone.now(),
        )
        complaint.converted_request = request
        _save(complaint, ["archive_reason", "archive_note", "archived_at", "converted_request"])
        _audit(complaint, actor, COMPLAINT_CONVERTED, from_state=before, details={"request": request.pk})
    return request


def complaint_from_request(*, request_id: int, actor: User) -> Complaint:
    """A request that is really a complaint becomes one: same reporter, same date of receipt, linked; the
    request ends as converted."""
    from ppid.services import information_request_convert_to_complaint

    with transaction.atomic():
        request = information_request_convert_to_complaint(request_id=request_id, actor=actor)
        if request.requester is None:
            raise ValidationError(
                {"request": [_("Hanya permohonan dari akun pemohon yang dapat dialihkan.")]}
            )
        agency = request.agency
        number, year, seq = issue_number(
            agency=agency, series=SERIES, fmt=agency.complaint_number_format, at=request.received_at
        )
        verify = WorkingCalendar(agency).add_working_days(
            request.received_at, agency.complaint_verify_working_days
        )
        resolution_due, resolution_step = _resolution_due(agency, request.received_at)
        complaint = Complaint.objects.create(
            agency=agency,
            reporter=request.requester,
            submitted_by=actor,
            title=_("Dialihkan dari permohonan %(n)s") % {"n": request.registration_number},
            description=request.information_requested,
            category=ComplaintCategory.OTHER,
            received_at=request.received_at,
            registration_year=year,
            registration_sequence=seq,
            from_request=request,
            tracking_number=number,
            verify_due=verify.due_date,
            resolution_due=resolution_due,
            deadline_log=[as_step("verify", verify), resolution_step],
        )
        _audit(complaint, actor, COMPLAINT_SUBMITTED, details={"from_request": request.pk})
    return complaint


# --- assignment (issue 16 point 2) -------------------------------------------------------------------------------
_COMPLAINT_ASSIGNMENT = AssignmentCodes(
    COMPLAINT_ASSIGN, COMPLAINT_ASSIGNED_TO_YOU, COMPLAINT_UNASSIGNED_FROM_YOU
)


def complaint_assign(
    *, complaint_id: int, actor: User, officer_id: int | None, reason: str = ""
) -> Complaint:
    """Who works on an open complaint, claimed or assigned as a request is (`ppid.assignment`): an officer of its
    unit or of the PPID Utama (before the disposition, the PPID Utama's only). The reporter is not told."""
    with transaction.atomic():
        complaint = _lock(complaint_id, actor)
        check_open(complaint, OPEN_COMPLAINT_STATES)
        change_assignee(
            complaint, actor=actor, officer_id=officer_id, reason=reason, codes=_COMPLAINT_ASSIGNMENT
        )
    return complaint


def complaint_claim(*, complaint_id: int, actor: User) -> Complaint:
    """An officer who may handle an open, unassigned complaint takes it."""
    return complaint_assign(complaint_id=complaint_id, actor=actor, officer_id=actor.pk)
