"""Writes for information requests: one service per transition.

Each service: lock the row, check the caller may see it (else NotFound), that the transition is allowed from
the current state (else InvalidTransition) and for this caller (else PermissionDenied), validate the
payload (else ValidationError, nothing changed), run the transition, save, write the audit event in the
same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from accounts.events import PERSONAL_DATA_VIEWED
from accounts.models import RequesterType
from accounts.nik import validate_nik
from agencies.models import Agency, Unit
from agencies.numbering import issue_number
from agencies.selectors import memberships_of
from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from casenotes.services import note_add
from letters.kinds import LetterKind
from letters.services import letter_issue
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import as_step
from workcalendar.validators import date_window_error

from .. import notify, rules
from ..approval import (
    approval_required,
    attach_staged_files,
    check_no_pending_draft,
    stage_draft,
    supersede_pending,
)
from ..assignment import AssignmentCodes, change_assignee, check_open, may_be_assigned
from ..errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ..events import (
    DOCUMENT_DOWNLOADED,
    REQUEST_ASK_CLARIFICATION,
    REQUEST_ASSIGN,
    REQUEST_ASSIGNED_TO_YOU,
    REQUEST_AUTO_COMPLETE,
    REQUEST_CLARIFY,
    REQUEST_COMPLETE,
    REQUEST_CONVERT_TO_COMPLAINT,
    REQUEST_EXTEND,
    REQUEST_FORWARD,
    REQUEST_NOTICE_RECEIPT,
    REQUEST_PROCESS,
    REQUEST_REGISTERED,
    REQUEST_RESPOND,
    REQUEST_UNASSIGNED_FROM_YOU,
    REQUEST_WITHDRAW,
)
from ..models import (
    OPEN_STATES,
    Channel,
    Clarification,
    Decision,
    DeliveryMethod,
    DocumentKind,
    DraftKind,
    ExemptionGround,
    InformationRequest,
    ObtainMethod,
    PaymentStatus,
    RequestDocument,
    RequestResponse,
    RequestState,
    ResponseDraft,
)
from ..register import answerable_items, citable_dik_entries, dik_period_text, dik_test_summary
from ..selectors import documents_visible_to, due_for_auto_completion, requests_visible_to
from ..transitions import check_fsm_transition

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models.fields.files import FieldFile

    from accounts.models import User
    from accounts.types import AnyUser

    from ..models import Objection

    # The uploads of a filing or a response, each with the kind of document it is.
    Documents = Iterable[tuple[str, UploadedFile[bytes]]]

NOTICE_WORKING_DAYS = 10  # UU 14/2008 Pasal 22(7)
EXTENSION_WORKING_DAYS = 7  # UU 14/2008 Pasal 22(8)
SERIES = "information_request"
MAX_FEE = Decimal(10) ** 12  # RequestResponse.fee_amount holds 12 digits

_STATE_MESSAGES = {
    "process": gettext_lazy(
        "Permohonan ini tidak lagi menunggu untuk diproses; mungkin petugas lain sudah mengambilnya."
    ),
    "forward": gettext_lazy("Permohonan hanya dapat diteruskan sebelum dijawab."),
    "ask_clarification": gettext_lazy("Klarifikasi hanya dapat diminta saat permohonan sedang diproses."),
    "clarify": gettext_lazy("Permohonan ini tidak sedang menunggu klarifikasi."),
    "extend": gettext_lazy("Perpanjangan tidak dapat dilakukan pada status ini."),
    "convert": gettext_lazy("Hanya permohonan yang belum dijawab dapat dialihkan menjadi pengaduan."),
    "respond": gettext_lazy(
        "Permohonan hanya dapat dijawab saat sedang diproses; mungkin petugas lain sudah menjawabnya."
    ),
    "complete": gettext_lazy("Permohonan hanya dapat diselesaikan setelah dijawab."),
    "withdraw": gettext_lazy("Permohonan hanya dapat dicabut sebelum dijawab."),
}


# --- helpers --------------------------------------------------------------------------------------------
def _lock_visible(request_id: int, actor: User | None) -> InformationRequest:
    qs = InformationRequest.objects.select_for_update().select_related("agency", "unit")
    if actor is not None:
        visible = requests_visible_to(actor).filter(pk=request_id).values("pk")
        qs = qs.filter(pk__in=visible)
    info_request = qs.filter(pk=request_id).first()
    if info_request is None:
        raise NotFound(_("Permohonan tidak ditemukan."))
    return info_request


def check_transition(info_request: InformationRequest, name: str, actor: User | None) -> None:
    check_fsm_transition(
        info_request,
        name,
        actor,
        state_messages=_STATE_MESSAGES,
        denied_message=_("Anda tidak berwenang melakukan tindakan ini pada permohonan ini."),
    )


def _store_documents(
    info_request: InformationRequest, documents: Documents, uploaded_by: User
) -> list[RequestDocument]:
    stored = []
    for kind, uploaded in documents:
        content_type, size, sha256 = inspect_upload(uploaded)
        doc = RequestDocument(
            request=info_request,
            kind=kind,
            original_name=(uploaded.name or "")[:255],
            content_type=content_type,
            size=size,
            sha256=sha256,
            uploaded_by=uploaded_by,
        )
        store_file(doc, "file", uploaded)
        doc.save()
        stored.append(doc)
    return stored


def _check_documents(requester_type: str, documents: Documents, *, required: bool) -> None:
    """Validate every upload before anything is written, and the documents a requester type must bring."""
    errors: list[str] = []
    for _kind, uploaded in documents:
        try:
            inspect_upload(uploaded)
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError({"documents": errors})
    if not required:
        return
    kinds = {kind for kind, _f in documents}
    if requester_type == RequesterType.GROUP and DocumentKind.POWER_OF_ATTORNEY not in kinds:
        raise ValidationError(
            {"documents": [_("Permohonan atas nama kelompok orang wajib melampirkan surat kuasa.")]}
        )
    if requester_type == RequesterType.LEGAL_ENTITY and DocumentKind.LEGAL_ENTITY_DEED not in kinds:
        raise ValidationError(
            {"documents": [_("Permohonan badan hukum wajib melampirkan pengesahan badan hukum.")]}
        )


def _validate_request_fields(
    *,
    agency: Agency,
    unit: Unit | None,
    information_requested: str,
    purpose: str,
    obtain_method: str,
    delivery_method: str,
) -> Unit:
    errors: dict[str, list[str]] = {}
    if not agency.is_active:
        errors["agency"] = [_("Badan publik ini tidak menerima permohonan.")]
    if not (information_requested or "").strip():
        errors["information_requested"] = [_("Tuliskan rincian informasi yang dibutuhkan.")]
    if not (purpose or "").strip():
        errors["purpose"] = [_("Tuliskan tujuan penggunaan informasi (UU 14/2008 Pasal 4 ayat 3).")]
    if obtain_method not in ObtainMethod.values:
        errors["obtain_method"] = [_("Pilih cara memperoleh informasi.")]
    if delivery_method not in DeliveryMethod.values:
        errors["delivery_method"] = [_("Pilih cara mendapatkan salinan.")]
    if unit is not None and (unit.agency_id != agency.pk or not unit.is_active):
        errors["unit"] = [_("Unit harus unit aktif dari badan publik yang dituju.")]
    if errors:
        raise ValidationError(errors)
    target = unit or agency.main_unit
    if target is None:
        raise ValidationError({"agency": [_("Badan publik ini belum memiliki PPID Utama.")]})
    return target


@removes_files_it_wrote
def _create(
    *,
    agency: Agency,
    unit: Unit,
    submitted_by: User,
    requester: User | None,
    snapshot: dict[str, str],
    nik: str,
    channel: str,
    received_at: dt.datetime,
    information_requested: str,
    purpose: str,
    obtain_method: str,
    delivery_method: str,
    documents: Documents,
    submission_key: uuid.UUID | None,
    audit_details: dict[str, object],
) -> InformationRequest:
    if submission_key:
        existing = InformationRequest.objects.filter(
            submitted_by=submitted_by, submission_key=submission_key
        ).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            calendar = WorkingCalendar(agency)
            number, year, seq = issue_number(
                agency=agency,
                series=SERIES,
                fmt=agency.registration_number_format,
                at=received_at,
                unit_code=unit.code,
            )
            due = calendar.add_working_days(received_at, NOTICE_WORKING_DAYS)
            info_request = InformationRequest(
                agency=agency,
                unit=unit,
                requester=requester,
                submitted_by=submitted_by,
                information_requested=information_requested.strip(),
                purpose=purpose.strip(),
                obtain_method=obtain_method,
                delivery_method=delivery_method,
                channel=channel,
                received_at=received_at,
                registration_year=year,
                registration_sequence=seq,
                registration_number=number,
                submission_key=submission_key,
                due_date=due.due_date,
                original_due_date=due.due_date,
                deadline_log=[as_step("initial", due)],
                **snapshot,
            )
            if nik:
                info_request.set_requester_nik(nik)
            info_request.save()
            _store_documents(info_request, documents, submitted_by)
            audit_record(
                actor=submitted_by,
                obj=info_request,
                agency=agency,
                action=REQUEST_REGISTERED,
                to_state=info_request.state,
                details={"channel": channel, "unit": unit.pk, **audit_details},
            )
            notify.request_registered(info_request, submitted_by)
            # A receipt given at the desk is signed by the officer who received it (Pasal 22(4)); one of an
            # online filing is made by the system in the name of the unit's PPID.
            at_desk = channel != "online"
            letter_issue(
                kind=LetterKind.RECEIPT,
                case=info_request,
                unit=unit,
                prepared_by=submitted_by if at_desk else None,
                approver=submitted_by if at_desk else None,
                signer_title="Petugas penerima" if at_desk else "",
                recipient=info_request.requester_name,
            )
    except IntegrityError:
        # The same submission arrived twice at the same moment: the first one won.
        if submission_key:
            existing = InformationRequest.objects.filter(
                submitted_by=submitted_by, submission_key=submission_key
            ).first()
            if existing is not None:
                return existing
        raise
    return info_request


def _profile_snapshot(user: User) -> tuple[dict[str, str], str]:
    """The requester identity from a citizen profile, as snapshotted on a request, and the NIK."""
    profile = user.citizen_profile
    snapshot = {
        "requester_type": profile.requester_type,
        "requester_name": profile.name,
        "requester_entity_number": profile.entity_number,
        "requester_address": profile.address,
        "requester_phone": profile.phone,
        "requester_email": user.email,
        "requester_occupation": profile.occupation,
    }
    return snapshot, (profile._decrypt_nik() if profile.has_nik else "")


# --- filing -----------------------------------------------------------------------------------------------
def information_request_file(
    *,
    requester: User,
    agency: Agency,
    information_requested: str,
    purpose: str,
    obtain_method: str,
    delivery_method: str,
    unit: Unit | None = None,
    documents: Documents = (),
    submission_key: uuid.UUID | None = None,
) -> InformationRequest:
    """A confirmed citizen files online. The identity is snapshotted from the profile. A repeated
    submission_key returns the first request instead of creating a second."""
    if not requester.can_file:
        raise PermissionDenied(_("Konfirmasi e-mail dan lengkapi profil Anda sebelum mengajukan permohonan."))
    target = _validate_request_fields(
        agency=agency,
        unit=unit,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
    )
    documents = list(documents)
    _check_documents(requester.citizen_profile.requester_type, documents, required=True)
    snapshot, nik = _profile_snapshot(requester)
    return _create(
        agency=agency,
        unit=target,
        submitted_by=requester,
        requester=requester,
        snapshot=snapshot,
        nik=nik,
        channel=Channel.ONLINE,
        received_at=timezone.now(),
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
        documents=documents,
        submission_key=submission_key,
        audit_details={},
    )


def information_request_register_offline(
    *,
    officer: User,
    agency: Agency,
    channel: str,
    received_at: dt.datetime,
    requester: Mapping[str, str],
    information_requested: str,
    purpose: str,
    obtain_method: str,
    delivery_method: str,
    unit: Unit | None = None,
    documents: Documents = (),
    submission_key: uuid.UUID | None = None,
) -> InformationRequest:
    """An officer registers a request received in person, by post, e-mail, fax or phone, with the real date
    of receipt (never in the future; backdating is recorded)."""
    if not any(
        m.unit.agency_id == agency.pk and m.role in rules.OFFICER_ROLES for m in memberships_of(officer)
    ):
        raise PermissionDenied(_("Hanya petugas badan publik ini yang dapat mencatat permohonan."))
    errors: dict[str, list[str]] = {}
    if channel not in Channel.values or channel == Channel.ONLINE:
        errors["channel"] = [
            _("Pilih saluran penerimaan: datang langsung, pos, e-mail, faksimili, atau telepon.")
        ]
    now = timezone.now()
    if received_at is None or timezone.is_naive(received_at):
        errors["received_at"] = [_("Isi tanggal dan jam penerimaan.")]
    elif received_at > now + dt.timedelta(minutes=1):
        errors["received_at"] = [_("Tanggal penerimaan tidak boleh di masa depan.")]
    elif error := date_window_error(received_at, agency=agency):
        errors["received_at"] = [error]
    requester_type = requester.get("requester_type", "")
    nik = ""
    if requester_type not in RequesterType.values:
        errors["requester_type"] = [_("Pilih jenis pemohon.")]
    elif requester_type == RequesterType.LEGAL_ENTITY:
        if not (requester.get("entity_number") or "").strip():
            errors["entity_number"] = [_("Badan hukum wajib mengisi nomor SK pengesahan.")]
    else:
        try:
            nik = validate_nik(requester.get("nik") or "")
        except ValidationError as exc:
            errors["nik"] = exc.messages
    for field, message in (("name", _("Isi nama pemohon.")), ("address", _("Isi alamat pemohon."))):
        if not (requester.get(field) or "").strip():
            errors[field] = [message]
    if not (requester.get("phone") or requester.get("email")):
        errors["phone"] = [_("Isi nomor telepon atau e-mail pemohon.")]
    try:
        target = _validate_request_fields(
            agency=agency,
            unit=unit,
            information_requested=information_requested,
            purpose=purpose,
            obtain_method=obtain_method,
            delivery_method=delivery_method,
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
        target = None
    if errors or target is None:
        raise ValidationError(errors)
    documents = list(documents)
    _check_documents(requester_type, documents, required=False)
    snapshot = {
        "requester_type": requester_type,
        "requester_name": requester["name"].strip(),
        "requester_entity_number": (requester.get("entity_number") or "").strip(),
        "requester_address": requester["address"].strip(),
        "requester_phone": requester.get("phone") or "",
        "requester_email": requester.get("email") or "",
        "requester_occupation": requester.get("occupation") or "",
    }
    backdated = received_at < now - dt.timedelta(hours=1)
    return _create(
        agency=agency,
        unit=target,
        submitted_by=officer,
        requester=None,
        snapshot=snapshot,
        nik=nik,
        channel=channel,
        received_at=received_at,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
        documents=documents,
        submission_key=submission_key,
        audit_details={
            "backdated": backdated,
            "recorded_at": now.isoformat(),
            "received_at": received_at.isoformat(),
        },
    )


# --- transitions -----------------------------------------------------------------------------------------
def _finish(
    info_request: InformationRequest,
    *,
    actor: User | None,
    action: str,
    from_state: str,
    reason: str = "",
    details: dict[str, Any] | None = None,
    fields: Iterable[str] = (),
) -> InformationRequest:
    info_request.save(update_fields=["state", *fields])
    audit_record(
        actor=actor,
        obj=info_request,
        agency=info_request.agency,
        action=action,
        from_state=from_state,
        to_state=info_request.state,
        reason=reason,
        details=details or {},
    )
    notify.request_changed(info_request, action, actor, old_unit_id=(details or {}).get("from_unit"))
    return info_request


def information_request_process(*, request_id: int, actor: User) -> InformationRequest:
    """An officer takes up a registered request."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "process", actor)
        before = info_request.state
        info_request.process(by=actor)
        return _finish(info_request, actor=actor, action=REQUEST_PROCESS, from_state=before)


def information_request_forward(
    *, request_id: int, actor: User, unit: Unit, note: str = ""
) -> InformationRequest:
    """Hand the request to another unit of the same agency. The clock does not restart."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "forward", actor)
        if unit is None or unit.agency_id != info_request.agency_id or not unit.is_active:
            raise ValidationError({"unit": [_("Pilih unit aktif dari badan publik yang sama.")]})
        if unit.pk == info_request.unit_id:
            raise ValidationError({"unit": [_("Permohonan sudah berada di unit ini.")]})
        before, old_unit = info_request.state, info_request.unit
        if note.strip():
            # The note is for colleagues: kept as an internal note too (issue 16 point 3), written while the
            # request is still in the forwarding officer's reach.
            try:
                note_add(case=info_request, author=actor, text=note)
            except ValidationError as error:
                raise ValidationError({"note": error.messages}) from error
        info_request.forward(unit=unit)
        details: dict[str, Any] = {"from_unit": old_unit.pk, "to_unit": unit.pk, "to_unit_name": unit.name}
        # An officer of the unit it leaves no longer works on it: the new unit's queue shows it unassigned.
        assignee = info_request.assigned_to
        if assignee is not None and not may_be_assigned(info_request, assignee):
            info_request.assigned_to, info_request.assigned_at = None, None
            details["from_assignee"] = assignee.pk
        return _finish(
            info_request,
            actor=actor,
            action=REQUEST_FORWARD,
            from_state=before,
            reason=note,
            details=details,
            fields=["unit", "assigned_to", "assigned_at"],
        )


def information_request_ask_clarification(
    *, request_id: int, actor: User, message: str
) -> InformationRequest:
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "ask_clarification", actor)
        if not (message or "").strip():
            raise ValidationError({"message": [_("Tuliskan hal yang perlu diklarifikasi pemohon.")]})
        before = info_request.state
        info_request.ask_clarification(message=message)
        Clarification.objects.create(
            request=info_request,
            asked_by=actor,
            asked_at=timezone.now(),
            question=message.strip(),
            clock_paused=info_request.agency.pause_on_clarification,
        )
        return _finish(
            info_request, actor=actor, action=REQUEST_ASK_CLARIFICATION, from_state=before, reason=message
        )


def information_request_clarify(*, request_id: int, actor: User, message: str) -> InformationRequest:
    """The requester answers. If the agency pauses the clock, the working days waited are added to the due date
    and recorded."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "clarify", actor)
        if not (message or "").strip():
            raise ValidationError({"message": [_("Tuliskan jawaban klarifikasi Anda.")]})
        clarification = (
            info_request.clarifications.select_for_update().filter(answered_at__isnull=True).last()
        )
        now = timezone.now()
        new_due = None
        details: dict[str, Any] = {}
        if clarification is not None and clarification.clock_paused:
            calendar = WorkingCalendar(info_request.agency)
            paused = calendar.working_days_between(
                calendar.local_date(clarification.asked_at), calendar.local_date(now)
            )
            clarification.paused_working_days = paused
            if paused:
                due = calendar.add_working_days(info_request.due_date, paused)
                new_due = due.due_date
                info_request.deadline_log = [
                    *info_request.deadline_log,
                    as_step("pause", due, paused_working_days=paused),
                ]
            details = {
                "paused_working_days": paused,
                "due_date": (new_due or info_request.due_date).isoformat(),
            }
        if clarification is not None:
            clarification.answered_at, clarification.answer = now, message.strip()
            clarification.save(update_fields=["answered_at", "answer", "paused_working_days"])
        before = info_request.state
        info_request.clarify(message=message, new_due_date=new_due)
        return _finish(
            info_request,
            actor=actor,
            action=REQUEST_CLARIFY,
            from_state=before,
            details=details,
            fields=["due_date", "deadline_log"],
        )


def information_request_extend(*, request_id: int, actor: User, reason: str) -> InformationRequest:
    """Once, before the due date, with a written reason: +7 working days from the end of the original 10. With
    approval before issue on and an officer calling, nothing changes yet: the extension waits as the request's
    draft for the unit head (`ppid.approval`)."""
    return issue_extension(request_id=request_id, actor=actor, reason=reason, may_draft=True)


def issue_extension(
    *,
    request_id: int,
    actor: User,
    reason: str,
    may_draft: bool = False,
    draft: ResponseDraft | None = None,
) -> InformationRequest:
    """The extension service's body. `may_draft` lets an officer's call become a draft (the service); previews
    issue inside a rolled-back transaction, and approval (`draft`, the head as `actor`) issues the draft."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "extend", actor)
        if info_request.extended:
            raise InvalidTransition(
                _("Perpanjangan hanya dapat dilakukan satu kali."), state=info_request.state
            )
        if timezone.now() > info_request.due_at:
            raise InvalidTransition(
                _("Batas waktu %(date)s sudah lewat; perpanjangan harus diberikan sebelum batas waktu.")
                % {"date": date_format(info_request.due_date, "j F Y")},
                state=info_request.state,
            )
        staging = may_draft and approval_required(info_request, actor)
        if staging:
            check_no_pending_draft(info_request)
        if not (reason or "").strip():
            raise ValidationError({"reason": [_("Perpanjangan wajib disertai alasan tertulis.")]})
        if staging:
            stage_draft(info_request, kind=DraftKind.EXTEND, actor=actor, payload={"reason": reason.strip()})
            return info_request
        now = timezone.now()
        approved_by = actor if draft is not None or info_request.agency.approval_before_issue else None
        replaced = (
            supersede_pending(info_request, actor=actor, kind=DraftKind.EXTEND) if draft is None else None
        )
        due = WorkingCalendar(info_request.agency).add_working_days(
            info_request.due_date, EXTENSION_WORKING_DAYS
        )
        before = info_request.state
        info_request.deadline_log = [
            *info_request.deadline_log,
            as_step("extension", due, reason=reason.strip()),
        ]
        by = draft.drafted_by if draft is not None else actor
        info_request.extend(reason=reason.strip(), new_due_date=due.due_date, at=now, by=by)
        info_request.extension_approved_by = approved_by
        info_request.extension_approved_at = now if approved_by is not None else None
        finished = _finish(
            info_request,
            actor=actor,
            action=REQUEST_EXTEND,
            from_state=before,
            reason=reason,
            details={"due_date": due.due_date.isoformat(), **_approval_details(by, approved_by, replaced)},
            fields=[
                "due_date",
                "deadline_log",
                "extended_at",
                "extended_by",
                "extension_reason",
                "extension_approved_by",
                "extension_approved_at",
            ],
        )
        letter_issue(
            kind=LetterKind.EXTENSION,
            case=info_request,
            unit=info_request.unit,
            prepared_by=by,
            approver=_letter_approver(info_request, actor, approved_by, draft),
            recipient=info_request.requester_name,
            at=now,
        )
        return finished


def _letter_approver(
    info_request: InformationRequest, actor: User, approved_by: User | None, draft: ResponseDraft | None
) -> User | None:
    """Who signs the letter as its approver: the head who approved it. An officer's letter issued without a draft
    (only a preview does that under approval before issue) shows the unit's PPID, whom approval will make sign."""
    if draft is None and approval_required(info_request, actor):
        return None
    return approved_by


def _approval_details(
    drafted_by: User, approved_by: User | None, replaced: ResponseDraft | None
) -> dict[str, Any]:
    """Who drafted and who approved an issued letter, for the audit row (ids only)."""
    if approved_by is None:
        return {}
    details: dict[str, Any] = {"drafted_by": drafted_by.pk, "approved_by": approved_by.pk}
    if replaced is not None:
        details["superseded_draft"] = replaced.pk
    return details


def _reference_id(value: Any) -> int | None:
    """A register reference as the forms, the API and a draft's JSON send it: an id, its text, or an object."""
    if value in (None, ""):
        return None
    pk = getattr(value, "pk", value)
    try:
        return int(str(pk).strip())
    except ValueError:
        return -1  # never a row: refused as not found


def _register_references(
    data: dict[str, Any], info_request: InformationRequest, errors: dict[str, list[str]]
) -> dict[str, Any]:
    """The DIP item of an `already_published` notice and the DIK entry a refusal or partial grant cites, checked
    against the request's agency (published, in force); a cited entry fills the grounds, the test's summary, the
    other law and the period the officer left empty. The ids stay ids (a draft keeps them as JSON)."""
    decision = data.get("decision")
    item_id = _reference_id(data.get("dip_item"))
    entry_id = _reference_id(data.get("dik_entry"))
    data = {**data, "dip_item": None, "dik_entry": None}
    if decision == Decision.ALREADY_PUBLISHED:
        if item_id is None:
            errors["dip_item"] = [
                _("Pilih informasi dalam DIP yang sudah diumumkan dan menjawab permohonan.")
            ]
        elif not answerable_items(info_request.agency).filter(pk=item_id).exists():
            errors["dip_item"] = [_("Informasi ini tidak diumumkan dalam DIP badan publik ini.")]
        else:
            data["dip_item"] = item_id
    elif item_id is not None:
        errors["dip_item"] = [
            _("Informasi dalam DIP hanya dirujuk pada keputusan 'Informasi sudah diumumkan'.")
        ]
    if entry_id is None:
        return data
    if decision not in (Decision.REJECTED, Decision.PARTIALLY_GRANTED):
        errors["dik_entry"] = [_("Penetapan DIK hanya dirujuk pada penolakan atau pemberian sebagian.")]
        return data
    entry = citable_dik_entries(info_request.agency).filter(pk=entry_id).first()
    if entry is None:
        errors["dik_entry"] = [_("Penetapan ini tidak berlaku dalam DIK badan publik ini.")]
        return data
    data["dik_entry"] = entry.pk
    if not list(data.get("exemption_grounds") or []):
        data["exemption_grounds"] = [entry.ground]
    if not (data.get("consequence_test") or "").strip():
        data["consequence_test"] = dik_test_summary(entry)
    if entry.ground == "j" and not (data.get("other_law") or "").strip():
        data["other_law"] = entry.other_law
    if not (data.get("exemption_period") or "").strip():
        data["exemption_period"] = dik_period_text(entry)
    return data


def _validate_response(data: dict[str, Any], *, info_request: InformationRequest) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    decision = data.get("decision")
    if decision not in Decision.values:
        errors["decision"] = [_("Pilih keputusan.")]
    data = _register_references(data, info_request, errors)
    grounds = list(dict.fromkeys(data.get("exemption_grounds") or []))
    bad = [g for g in grounds if g not in ExemptionGround.values]
    if bad:
        errors["exemption_grounds"] = [_("Alasan pengecualian harus huruf a sampai j (Pasal 17).")]
    if decision in (Decision.REJECTED, Decision.PARTIALLY_GRANTED):
        if not grounds:
            errors["exemption_grounds"] = [
                _("Penolakan atau pemberian sebagian wajib menyebut alasan pengecualian Pasal 17.")
            ]
        if not (data.get("consequence_test") or "").strip():
            errors["consequence_test"] = [
                _("Isi ringkasan uji konsekuensi untuk informasi yang dikecualikan.")
            ]
    elif grounds:
        errors["exemption_grounds"] = [
            _("Alasan pengecualian hanya untuk penolakan atau pemberian sebagian.")
        ]
    if decision == Decision.NOT_HELD and not (data.get("holding_body") or "").strip():
        errors["holding_body"] = [
            _("Sebutkan badan publik yang menguasai informasi, jika diketahui; atau tulis 'tidak diketahui'.")
        ]
    if (
        decision in (Decision.GRANTED, Decision.PARTIALLY_GRANTED)
        and not (data.get("provided_information") or "").strip()
    ):
        errors["provided_information"] = [_("Jelaskan materi informasi yang diberikan.")]
    try:
        fee = Decimal(str(data.get("fee_amount") or 0).strip())
        valid_fee = fee.is_finite() and 0 <= fee < MAX_FEE and fee == fee.to_integral_value()
    except ArithmeticError:
        valid_fee = False
    fee_items = _fee_items(data.get("fee_items"), errors)
    if fee_items and valid_fee and "fee_items" not in errors:
        total = sum(item["amount"] * item["quantity"] for item in fee_items)
        if not data.get("fee_amount"):
            fee = Decimal(total)
        elif fee != total:
            errors["fee_amount"] = [
                _("Jumlah biaya harus sama dengan jumlah rincian biaya (Rp %(total)s).")
                % {"total": f"{total:,}".replace(",", ".")}
            ]
        if not (data.get("fee_details") or "").strip():
            data = {**data, "fee_details": fee_items_text(fee_items)}
    if not valid_fee:
        errors["fee_amount"] = [_("Biaya harus bilangan rupiah bulat dari 0 sampai 999.999.999.999.")]
    elif fee > 0 and not (data.get("fee_details") or "").strip():
        errors["fee_details"] = [_("Jelaskan rincian biaya dan cara pembayarannya.")]
    if "j" in grounds and not (data.get("other_law") or "").strip():
        errors["other_law"] = [
            _(
                "Penolakan berdasarkan Pasal 17 huruf j wajib menyebut undang-undang dan pasal yang menutupnya."
            )
        ]
    if decision == Decision.PARTIALLY_GRANTED and not (data.get("redactions") or "").strip():
        errors["redactions"] = [
            _("Sebutkan bagian informasi yang dihitamkan beserta alasannya (Pasal 22 ayat 7 huruf e).")
        ]
    for field, choices in (
        ("obtain_method", ObtainMethod.values),
        ("delivery_method", DeliveryMethod.values),
    ):
        if data.get(field) and data[field] not in choices:
            errors[field] = [_("Pilihan tidak valid.")]
    if errors:
        raise ValidationError(errors)
    return {**data, "exemption_grounds": grounds, "fee_amount": fee, "fee_items": fee_items}


FEE_ITEMS_MAX = 50
_FEE_ITEM_TEXT_MAX = 200


def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 < number < MAX_FEE else None


def _fee_items(raw: Any, errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The fee items as stored: a list of {name, unit, amount, quantity}, text trimmed, amounts and quantities
    positive whole numbers; else an error on `fee_items`."""
    if raw in (None, "", []):
        return []
    if not isinstance(raw, list) or len(raw) > FEE_ITEMS_MAX:
        errors["fee_items"] = [_("Rincian biaya harus berupa daftar (paling banyak 50 baris).")]
        return []
    items: list[dict[str, Any]] = []
    for row in raw:
        if not isinstance(row, dict) or set(row) - {"name", "unit", "amount", "quantity"}:
            errors["fee_items"] = [_("Setiap rincian biaya memuat nama, satuan, tarif, dan jumlah.")]
            return []
        name = str(row.get("name") or "").strip()
        unit = str(row.get("unit") or "").strip()
        amount = _positive_int(row.get("amount"))
        quantity = _positive_int(row.get("quantity"))
        if not name or len(name) > _FEE_ITEM_TEXT_MAX or len(unit) > _FEE_ITEM_TEXT_MAX:
            errors["fee_items"] = [_("Setiap rincian biaya wajib bernama (paling panjang 200 karakter).")]
            return []
        if amount is None or quantity is None:
            errors["fee_items"] = [_("Tarif dan jumlah setiap rincian biaya harus bilangan bulat positif.")]
            return []
        items.append({"name": name, "unit": unit, "amount": amount, "quantity": quantity})
    if sum(i["amount"] * i["quantity"] for i in items) >= MAX_FEE:
        errors["fee_items"] = [_("Biaya harus bilangan rupiah bulat dari 0 sampai 999.999.999.999.")]
        return []
    return items


def fee_items_text(items: list[dict[str, Any]]) -> str:
    def rupiah(n: int) -> str:
        return "Rp " + f"{n:,}".replace(",", ".")

    return "\n".join(
        f"{i['name']}: {i['quantity']} {i['unit']} x {rupiah(i['amount'])} = {rupiah(i['amount'] * i['quantity'])}"
        for i in items
    )


@removes_files_it_wrote
def information_request_respond(
    *, request_id: int, actor: User, files: Iterable[UploadedFile[bytes]] = (), **notice: Any
) -> InformationRequest:
    """Record the written notice with its statutory contents and attach the response files. With approval before
    issue on and an officer calling, nothing is issued: the validated notice and its files wait as the request's
    draft for the unit head (`ppid.approval`), and the request's state does not change."""
    return issue_response(request_id=request_id, actor=actor, files=files, notice=notice, may_draft=True)


@removes_files_it_wrote
def issue_response(
    *,
    request_id: int,
    actor: User,
    files: Iterable[UploadedFile[bytes]] = (),
    notice: Mapping[str, Any],
    may_draft: bool = False,
    draft: ResponseDraft | None = None,
) -> InformationRequest:
    """The notice service's body. `may_draft` lets an officer's call become a draft (the service); previews issue
    inside a rolled-back transaction, and approval (`draft`, the head as `actor`) issues the draft with its
    staged files."""
    files = list(files)
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "respond", actor)
        staging = may_draft and approval_required(info_request, actor)
        if staging:
            check_no_pending_draft(info_request)
        data = _validate_response(dict(notice), info_request=info_request)
        _check_documents("", [(DocumentKind.RESPONSE_FILE, f) for f in files], required=False)
        now = timezone.now()
        calendar = WorkingCalendar(info_request.agency)
        today = calendar.local_date(now)
        date_errors = {
            name: [_("Tanggal tidak boleh sebelum hari ini.")]
            if data[name] < today
            else [date_window_error(data[name], planned=True, agency=info_request.agency)]
            for name in ("provision_on", "documented_by")
            if isinstance(data.get(name), dt.date)
            and (
                data[name] < today or date_window_error(data[name], planned=True, agency=info_request.agency)
            )
        }
        if date_errors:
            raise ValidationError(date_errors)
        if staging:
            stage_draft(info_request, kind=DraftKind.RESPOND, actor=actor, payload=data, files=files)
            return info_request
        approved_by = actor if draft is not None or info_request.agency.approval_before_issue else None
        replaced = (
            supersede_pending(info_request, actor=actor, kind=DraftKind.RESPOND) if draft is None else None
        )
        responded_by = draft.drafted_by if draft is not None else actor
        auto = calendar.add_working_days(now, info_request.agency.auto_complete_working_days or 1)
        decision = data["decision"]
        RequestResponse.objects.create(
            request=info_request,
            decision=decision,
            information_held=decision not in (Decision.NOT_HELD, Decision.NOT_DOCUMENTED),
            holding_body=(data.get("holding_body") or "").strip(),
            exemption_grounds=data["exemption_grounds"],
            consequence_test=(data.get("consequence_test") or "").strip(),
            provided_information=(data.get("provided_information") or "").strip(),
            redactions=(data.get("redactions") or "").strip(),
            obtain_method=data.get("obtain_method") or info_request.obtain_method,
            delivery_method=data.get("delivery_method") or info_request.delivery_method,
            fee_amount=data["fee_amount"],
            fee_details=(data.get("fee_details") or "").strip(),
            fee_items=data["fee_items"],
            payment_status=PaymentStatus.UNPAID if data["fee_amount"] > 0 else PaymentStatus.NONE,
            note=(data.get("note") or "").strip(),
            provision_on=data.get("provision_on")
            if decision in (Decision.GRANTED, Decision.PARTIALLY_GRANTED)
            else None,
            documented_by=data.get("documented_by") if decision == Decision.NOT_DOCUMENTED else None,
            other_law=(data.get("other_law") or "").strip() if "j" in data["exemption_grounds"] else "",
            exemption_period=(data.get("exemption_period") or "").strip()
            if data["exemption_grounds"]
            else "",
            dip_item_id=data["dip_item"],
            dik_entry_id=data["dik_entry"],
            responded_by=responded_by,
            responded_at=now,
            approved_by=approved_by,
            approved_at=now if approved_by is not None else None,
        )
        _store_documents(info_request, [(DocumentKind.RESPONSE_FILE, f) for f in files], actor)
        staged = attach_staged_files(draft, info_request) if draft is not None else 0
        before = info_request.state
        info_request.respond(at=now, auto_complete_on=auto.due_date)
        # Issued and notified online: the requester has it today. An officer records a later receipt by post.
        info_request.notice_received_by_requester_on = calendar.local_date(now)
        finished = _finish(
            info_request,
            actor=actor,
            action=REQUEST_RESPOND,
            from_state=before,
            details={
                "decision": decision,
                "exemption_grounds": data["exemption_grounds"],
                "late": now > info_request.due_at,
                "files": len(files) + staged,
                **_approval_details(responded_by, approved_by, replaced),
            },
            fields=["responded_at", "auto_complete_on", "notice_received_by_requester_on"],
        )
        letter_issue(
            kind=LetterKind.NOTICE,
            case=info_request,
            unit=info_request.unit,
            prepared_by=responded_by,
            approver=_letter_approver(info_request, actor, approved_by, draft),
            recipient=info_request.requester_name,
            at=now,
        )
        if decision == Decision.ALREADY_PUBLISHED:
            # Pointed at the register, the requester has the information now: nothing is left to deliver, so
            # the request ends as it is answered. The notice still opens the objection windows (ppid.windows).
            info_request.complete(at=now)
            info_request.auto_complete_on = None
            finished = _finish(
                info_request,
                actor=actor,
                action=REQUEST_COMPLETE,
                from_state=RequestState.RESPONDED,
                reason=_("Informasi sudah diumumkan dalam DIP: permohonan selesai saat dijawab."),
                details={"dip_item": data["dip_item"]},
                fields=["completed_at", "auto_complete_on"],
            )
        return finished


def record_requester_receipt(
    case: InformationRequest | Objection,
    *,
    field: str,
    received_on: dt.date | None,
    sent_on: dt.date,
    too_early: str,
    actor: User,
    action: str,
    reason: str,
) -> None:
    """Record on `case.<field>` the day the requester received a letter sent on `sent_on` (by post or by hand),
    audited with the day it replaces. Not before it was sent, not in the future; the basis is required. Called
    inside the caller's transaction, after its permission and state checks."""
    today = timezone.localdate(timezone=case.agency.tzinfo)
    errors: dict[str, list[str]] = {}
    if not isinstance(received_on, dt.date):
        errors["received_on"] = [_("Tanggal tidak valid: gunakan format TTTT-BB-HH.")]
    elif received_on < sent_on:
        errors["received_on"] = [too_early % {"date": date_format(sent_on, "j F Y")}]
    elif received_on > today:
        errors["received_on"] = [_("Tanggal penerimaan tidak boleh di masa depan.")]
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = [_("Sebutkan dasar pencatatan, mis. tanda terima pos.")]
    if errors or not isinstance(received_on, dt.date):
        raise ValidationError(errors)
    before = getattr(case, field) or sent_on
    setattr(case, field, received_on)
    case.save(update_fields=[field])
    audit_record(
        actor=actor,
        obj=case,
        agency=case.agency,
        action=action,
        reason=reason,
        details={"before": before.isoformat(), "after": received_on.isoformat()},
    )


def information_request_record_notice_receipt(
    *, request_id: int, actor: User, received_on: dt.date, reason: str
) -> InformationRequest:
    """An officer records the day the requester received the written notice (by post or by hand), from which the
    objection window runs (UU 14/2008 Pasal 36(1)). Not before the notice was issued, not in the future."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        if not rules.is_agency_officer(info_request, actor):
            raise PermissionDenied(
                _("Hanya petugas badan publik ini yang dapat mencatat penerimaan pemberitahuan.")
            )
        if info_request.responded_at is None:
            raise InvalidTransition(_("Pemberitahuan tertulis belum diterbitkan."))
        issued = WorkingCalendar(info_request.agency).local_date(info_request.responded_at)
        record_requester_receipt(
            info_request,
            field="notice_received_by_requester_on",
            received_on=received_on,
            sent_on=issued,
            too_early=_("Pemberitahuan tidak mungkin diterima sebelum diterbitkan (%(date)s)."),
            actor=actor,
            action=REQUEST_NOTICE_RECEIPT,
            reason=reason,
        )
    return info_request


def information_request_complete(*, request_id: int, actor: User) -> InformationRequest:
    """The information was delivered (officer) or the requester acknowledges it."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "complete", actor)
        before = info_request.state
        info_request.complete(at=timezone.now())
        return _finish(
            info_request, actor=actor, action=REQUEST_COMPLETE, from_state=before, fields=["completed_at"]
        )


def information_request_withdraw(*, request_id: int, actor: User, reason: str = "") -> InformationRequest:
    """The requester withdraws before a response."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "withdraw", actor)
        before = info_request.state
        info_request.withdraw(reason=(reason or "").strip(), at=timezone.now())
        return _finish(
            info_request,
            actor=actor,
            action=REQUEST_WITHDRAW,
            from_state=before,
            reason=reason,
            fields=["withdrawn_at", "withdraw_reason"],
        )


def information_request_auto_complete_due(*, now: dt.datetime | None = None) -> int:
    """Complete responded requests whose configured number of working days has passed. Safe to run twice."""
    now = now or timezone.now()
    done = 0
    for candidate in due_for_auto_completion(now.date() + dt.timedelta(days=1)):
        with transaction.atomic():
            info_request = (
                InformationRequest.objects.select_for_update().select_related("agency").get(pk=candidate.pk)
            )
            if info_request.state != RequestState.RESPONDED or info_request.auto_complete_on is None:
                continue
            end = dt.datetime.combine(
                info_request.auto_complete_on, dt.time.max, tzinfo=info_request.agency.tzinfo
            )
            if now <= end or not can_proceed(info_request.complete):
                continue
            info_request.complete(at=now)
            _finish(
                info_request,
                actor=None,
                action=REQUEST_AUTO_COMPLETE,
                from_state=RequestState.RESPONDED,
                reason=_("Selesai otomatis setelah %(n)s hari kerja sejak dijawab.")
                % {"n": info_request.agency.auto_complete_working_days},
                fields=["completed_at"],
            )
            done += 1
    return done


# --- documents and identity ------------------------------------------------------------------------------
def request_document_open(*, document_id: int, viewer: AnyUser) -> tuple[RequestDocument, FieldFile]:
    """Open an uploaded file for a person allowed to see it, recording the access."""
    document = documents_visible_to(viewer).filter(pk=document_id).select_related("request__agency").first()
    if document is None:
        raise NotFound(_("Dokumen tidak ditemukan."))
    handle = document.file.open("rb")  # a missing file fails here, before anything is recorded
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=document,
            agency=document.request.agency,
            action=DOCUMENT_DOWNLOADED,
            details={"request": document.request_id, "kind": document.kind},
        )
    return document, handle


def information_request_reveal_nik(*, request_id: int, viewer: User, purpose: str) -> str:
    """The full NIK on a request, for its handling officers only, each look recorded."""
    if not (purpose or "").strip():
        raise ValidationError({"purpose": [_("Sebutkan keperluan melihat NIK lengkap.")]})
    info_request = requests_visible_to(viewer).filter(pk=request_id).first()
    if info_request is None:
        raise NotFound(_("Permohonan tidak ditemukan."))
    if not rules.is_handling_officer(info_request, viewer):
        raise PermissionDenied(_("Anda tidak berwenang melihat NIK lengkap pemohon ini."))
    if not info_request.requester_nik_encrypted:
        raise ValidationError({"purpose": [_("Permohonan ini tidak memuat NIK.")]})
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=info_request,
            agency=info_request.agency,
            action=PERSONAL_DATA_VIEWED,
            reason=purpose.strip(),
            details={"fields": ["nik"]},
        )
    from accounts import crypto

    return crypto.decrypt(info_request.requester_nik_encrypted)


# --- across the boundary with complaints --------------------------------------------------------------------
def information_request_register_converted(
    *,
    officer: User,
    requester: User,
    agency: Agency,
    received_at: dt.datetime,
    information_requested: str,
    purpose: str,
    obtain_method: str,
    delivery_method: str,
    source: str,
) -> InformationRequest:
    """A complaint that is really a request for information becomes one, with the complaint's date of receipt
    and the reporter's identity."""
    profile = getattr(requester, "citizen_profile", None)
    if profile is None or not profile.is_complete:
        raise ValidationError(
            {"requester": [_("Profil pelapor belum lengkap untuk sebuah permohonan informasi.")]}
        )
    target = _validate_request_fields(
        agency=agency,
        unit=None,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
    )
    snapshot, nik = _profile_snapshot(requester)
    return _create(
        agency=agency,
        unit=target,
        submitted_by=officer,
        requester=requester,
        snapshot=snapshot,
        nik=nik,
        channel=Channel.ONLINE,
        received_at=received_at,
        information_requested=information_requested,
        purpose=purpose,
        obtain_method=obtain_method,
        delivery_method=delivery_method,
        documents=[],
        submission_key=None,
        audit_details={"converted_from": source},
    )


def information_request_convert_to_complaint(*, request_id: int, actor: User) -> InformationRequest:
    """End an open request that is really a service complaint; complaints.services creates the complaint."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_transition(info_request, "convert", actor)
        before = info_request.state
        info_request.convert(at=timezone.now())
        return _finish(
            info_request,
            actor=actor,
            action=REQUEST_CONVERT_TO_COMPLAINT,
            from_state=before,
            fields=["withdrawn_at", "withdraw_reason"],
        )


# --- assignment (issue 16 point 2) -----------------------------------------------------------------------------
_REQUEST_ASSIGNMENT = AssignmentCodes(REQUEST_ASSIGN, REQUEST_ASSIGNED_TO_YOU, REQUEST_UNASSIGNED_FROM_YOU)


def information_request_assign(
    *, request_id: int, actor: User, officer_id: int | None, reason: str = ""
) -> InformationRequest:
    """The unit head assigns an open request to an officer who may handle it, or releases it (`officer_id` None);
    an officer claims it by naming themselves while nobody has it. Moving it from someone needs a reason. Audited
    with both assignees; they are notified, the unit's queues refresh after commit (`ppid.assignment`)."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        check_open(info_request, OPEN_STATES)
        change_assignee(
            info_request, actor=actor, officer_id=officer_id, reason=reason, codes=_REQUEST_ASSIGNMENT
        )
    return info_request


def information_request_claim(*, request_id: int, actor: User) -> InformationRequest:
    """An officer who may handle an open, unassigned request takes it."""
    return information_request_assign(request_id=request_id, actor=actor, officer_id=actor.pk)
