"""Writes for objections (keberatan) and disputes (sengketa). Same order of checks as for requests:
visible (NotFound), role (PermissionDenied), state (InvalidTransition), payload (ValidationError)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypedDict, Unpack, cast

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import RequesterType
from agencies.models import Agency, Unit
from agencies.numbering import issue_number
from agencies.selectors import is_staff_of
from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from letters.kinds import LetterKind
from letters.services import letter_issue
from workcalendar.calendar import REQUESTER, WorkingCalendar
from workcalendar.deadlines import as_step
from workcalendar.validators import date_window_error

from .. import notify, rules
from ..assignment import AssignmentCodes, change_assignee, check_open
from ..errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ..events import (
    DISPUTE_HEARING,
    DISPUTE_REGISTERED,
    DISPUTE_UPDATED,
    OBJECTION_ASSIGN,
    OBJECTION_ASSIGNED_TO_YOU,
    OBJECTION_DECIDE,
    OBJECTION_DECISION_RECEIPT,
    OBJECTION_REGISTERED,
    OBJECTION_REVIEW,
    OBJECTION_UNASSIGNED_FROM_YOU,
    OBJECTION_WITHDRAW,
    ORDER_COMPLIED,
    ORDER_FILE_DOWNLOADED,
    ORDER_OPENED,
)
from ..models import (
    AGREEABLE_GROUNDS,
    OPEN_OBJECTION_STATES,
    Channel,
    Court,
    Dispute,
    DisputeHearing,
    DisputeResult,
    InformationRequest,
    MediationResult,
    Objection,
    ObjectionGround,
    ObjectionOrder,
    ObjectionOrderFile,
    ObjectionOutcome,
    ObjectionState,
    OrderState,
)
from ..register import berkala_in_register
from ..selectors import (
    disputes_visible_to,
    objections_visible_to,
    order_files_visible_to,
    orders_visible_to,
    requests_visible_to,
)
from ..transitions import check_fsm_transition
from ..windows import ATASAN_RESPONSE_DAYS, objection_ground_windows, periodic_information_window
from .requests import record_requester_receipt

if TYPE_CHECKING:
    from accounts.models import User
    from dip.models import DipItem

    # What is checked for each ground at filing: its window as stored, and whether the filing came after it.
    GroundWindows = dict[str, dict[str, Any]]

    class _Filing(TypedDict):
        """Who filed an objection without a request, how, and what the audit trail adds."""

        submitted_by: User
        requester: User | None
        channel: str
        proxy_name: str
        submission_key: uuid.UUID | None
        audit_details: dict[str, object]


__all__ = [
    "dispute_add_hearing",
    "dispute_register",
    "dispute_update",
    "objection_assign",
    "objection_claim",
    "check_order_comply",
    "objection_decide",
    "objection_order_comply",
    "objection_order_file_open",
    "objection_file",
    "objection_file_periodic",
    "objection_register_periodic_offline",
    "objection_record_decision_receipt",
    "objection_register_offline",
    "objection_review",
    "objection_withdraw",
]

SERIES = "objection"
_STATE_MESSAGES = {
    "review": gettext_lazy("Keberatan ini tidak lagi menunggu pemeriksaan."),
    "decide": gettext_lazy("Keberatan ini sudah ditanggapi atau dicabut; tanggapan tidak dapat diubah."),
    "withdraw": gettext_lazy("Keberatan hanya dapat dicabut sebelum ditanggapi."),
}


def _date(value: dt.date) -> str:
    return date_format(value, "j F Y")


# --- filing --------------------------------------------------------------------------------------------------
def _check_grounds(
    info_request: InformationRequest, grounds: Iterable[str] | None, received_at: dt.datetime
) -> GroundWindows:
    """Every chosen ground must fit the request's history. One past its 30-working-day window is not refused
    (UU 14/2008 Pasal 36(1) leaves admissibility to the Atasan): it is marked with the working days after it."""
    grounds = list(dict.fromkeys(grounds or []))
    if not grounds:
        raise ValidationError({"grounds": [_("Pilih sedikitnya satu alasan keberatan.")]})
    unknown = [g for g in grounds if g not in ObjectionGround.values]
    if unknown:
        raise ValidationError({"grounds": [_("Alasan keberatan harus huruf a sampai g (Pasal 35 ayat 1).")]})
    windows = objection_ground_windows(info_request, at=received_at)
    errors: list[str] = []
    for ground in grounds:
        if ground not in windows:
            errors.append(
                _("Alasan %(ground)s tidak sesuai dengan riwayat permohonan ini.")
                % {"ground": ObjectionGround(ground).label}
            )
    if errors:
        raise ValidationError({"grounds": errors})
    calendar = WorkingCalendar(info_request.agency, party=REQUESTER)
    filed_on = calendar.local_date(received_at)
    stored: GroundWindows = {}
    for ground in grounds:
        window = windows[ground]
        in_time = window.is_open(received_at)
        # Filed on a day off after the last day: late by the working day it is received as of.
        late = 0 if in_time else max(1, calendar.working_days_between(window.closes.due_date, filed_on))
        stored[ground] = {**window.as_dict(), "filed_after_window": not in_time, "working_days_late": late}
    return stored


def _create_objection(
    *,
    agency: Agency,
    unit: Unit,
    info_request: InformationRequest | None = None,
    submitted_by: User,
    requester: User | None,
    channel: str,
    received_at: dt.datetime,
    ground_windows: GroundWindows,
    reason: str,
    proxy_name: str,
    submission_key: uuid.UUID | None,
    audit_details: dict[str, object],
    own_fields: dict[str, Any] | None = None,
) -> Objection:
    """Register an objection whose grounds were checked (`ground_windows`, keyed by ground). `own_fields` holds
    the information and identity of an objection without a request."""
    try:
        with transaction.atomic():
            if (
                info_request is not None
                and Objection.objects.select_for_update()
                .filter(request=info_request, state__in=OPEN_OBJECTION_STATES)
                .exists()
            ):
                raise ValidationError(
                    {"grounds": [_("Masih ada keberatan yang belum ditanggapi atas permohonan ini.")]}
                )
            number, year, seq = issue_number(
                agency=agency,
                series=SERIES,
                fmt=agency.objection_number_format,
                at=received_at,
                unit_code=unit.code,
            )
            due = WorkingCalendar(agency).add_working_days(received_at, ATASAN_RESPONSE_DAYS)
            objection = Objection.objects.create(
                agency=agency,
                unit=unit,
                request=info_request,
                requester=requester,
                submitted_by=submitted_by,
                proxy_name=(proxy_name or "").strip(),
                channel=channel,
                received_at=received_at,
                registration_year=year,
                registration_sequence=seq,
                registration_number=number,
                submission_key=submission_key,
                grounds=list(ground_windows),
                ground_windows=ground_windows,
                # Late only when every ground is: one ground in time makes the objection timely.
                filed_after_window=all(w["filed_after_window"] for w in ground_windows.values()),
                working_days_late=min(w["working_days_late"] for w in ground_windows.values()),
                reason=reason.strip(),
                due_date=due.due_date,
                deadline_log=[as_step("initial", due)],
                **(own_fields or {}),
            )
            audit_record(
                actor=submitted_by,
                obj=objection,
                agency=agency,
                action=OBJECTION_REGISTERED,
                to_state=objection.state,
                reason=reason.strip(),
                details={
                    "request": info_request.pk if info_request is not None else None,
                    "unit": unit.pk,
                    "grounds": objection.grounds,
                    "channel": channel,
                    "filed_after_window": objection.filed_after_window,
                    "working_days_late": objection.working_days_late,
                    **audit_details,
                },
            )
            letter_issue(
                kind=LetterKind.OBJECTION_RECEIPT,
                case=objection,
                unit=agency.main_unit or unit,
                prepared_by=submitted_by if channel != "online" else None,
                approver=submitted_by if channel != "online" else None,
                signer_title="Petugas penerima" if channel != "online" else "",
                recipient=objection.identity.requester_name,
            )
            notify.objection_registered(objection, submitted_by)
    except IntegrityError:
        if submission_key:
            existing = Objection.objects.filter(
                submitted_by=submitted_by, submission_key=submission_key
            ).first()
            if existing is not None:
                return existing
        raise
    return objection


def _already_filed(submitted_by: User, submission_key: uuid.UUID | None) -> Objection | None:
    if not submission_key:
        return None
    return Objection.objects.filter(submitted_by=submitted_by, submission_key=submission_key).first()


def _dip_reference(
    agency: Agency, grounds: Iterable[str], dip_item: Any, dip_item_absent: bool
) -> dict[str, Any]:
    """Ground b (berkala information not published): the objector may name the agency's published berkala DIP
    item concerned, or say it is absent from the DIP (issue 18 point 6). The fields for the objection."""
    grounds = set(grounds)
    item_id = None if dip_item in (None, "") else getattr(dip_item, "pk", dip_item)
    if item_id is None and not dip_item_absent:
        return {}
    if "b" not in grounds:
        raise ValidationError(
            {"dip_item": [_("Informasi dalam DIP hanya disebut pada keberatan huruf b (informasi berkala).")]}
        )
    if item_id is not None and dip_item_absent:
        raise ValidationError(
            {"dip_item": [_("Pilih informasi dalam DIP atau nyatakan tidak tercantum, bukan keduanya.")]}
        )
    if item_id is None:
        return {"dip_item_absent": True}
    try:
        item_id = int(str(item_id))
    except ValueError:
        item_id = -1
    item = berkala_in_register(agency).filter(pk=item_id).first()
    if item is None:
        raise ValidationError(
            {"dip_item": [_("Pilih informasi berkala yang tercantum dalam DIP badan publik ini.")]}
        )
    return {"dip_item": item}


def _check_reason(reason: str) -> None:
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Uraikan alasan keberatan Anda.")]})


def _on_request(
    *,
    info_request: InformationRequest,
    submitted_by: User,
    requester: User | None,
    channel: str,
    received_at: dt.datetime,
    grounds: Iterable[str],
    reason: str,
    proxy_name: str,
    submission_key: uuid.UUID | None,
    audit_details: dict[str, object],
    dip_item: Any = None,
    dip_item_absent: bool = False,
) -> Objection:
    if (existing := _already_filed(submitted_by, submission_key)) is not None:
        return existing
    _check_reason(reason)
    grounds = list(grounds)
    register_fields = _dip_reference(info_request.agency, grounds, dip_item, dip_item_absent)
    return _create_objection(
        agency=info_request.agency,
        unit=info_request.unit,
        info_request=info_request,
        submitted_by=submitted_by,
        requester=requester,
        channel=channel,
        received_at=received_at,
        ground_windows=_check_grounds(info_request, grounds, received_at),
        reason=reason,
        proxy_name=proxy_name,
        submission_key=submission_key,
        audit_details=audit_details,
        own_fields=register_fields,
    )


def objection_file(
    *,
    requester: User,
    request_id: int,
    grounds: Iterable[str],
    reason: str,
    proxy_name: str = "",
    submission_key: uuid.UUID | None = None,
    dip_item: int | None = None,
    dip_item_absent: bool = False,
) -> Objection:
    """The requester objects to one of their own requests, on grounds that fit its history, within the window.
    On ground b the objector may name the berkala DIP item concerned or say it is absent from the DIP."""
    info_request = requests_visible_to(requester).filter(pk=request_id).first()
    if info_request is None or not rules.is_requester(info_request, requester):
        raise NotFound(_("Permohonan tidak ditemukan."))
    return _on_request(
        info_request=info_request,
        submitted_by=requester,
        requester=requester,
        channel=Channel.ONLINE,
        received_at=timezone.now(),
        grounds=grounds,
        reason=reason,
        proxy_name=proxy_name,
        submission_key=submission_key,
        audit_details={},
        dip_item=dip_item,
        dip_item_absent=dip_item_absent,
    )


def objection_register_offline(
    *,
    officer: User,
    request_id: int,
    grounds: Iterable[str],
    reason: str,
    received_at: dt.datetime,
    channel: str = Channel.WALK_IN,
    proxy_name: str = "",
    submission_key: uuid.UUID | None = None,
    dip_item: int | None = None,
    dip_item_absent: bool = False,
) -> Objection:
    """An officer registers a written objection received at the desk or by post, with its real date (on ground b
    with the berkala DIP item it names, or its absence from the DIP, as online)."""
    info_request = requests_visible_to(officer).filter(pk=request_id).first()
    if info_request is None:
        raise NotFound(_("Permohonan tidak ditemukan."))
    if not rules.is_agency_officer(info_request, officer):
        raise PermissionDenied(_("Hanya petugas badan publik ini yang dapat mencatat keberatan."))
    _check_offline_intake(received_at, channel, info_request.agency)
    if received_at < info_request.received_at:
        raise ValidationError({"received_at": [_("Keberatan tidak mungkin diterima sebelum permohonannya.")]})
    return _on_request(
        info_request=info_request,
        submitted_by=officer,
        requester=info_request.requester,
        channel=channel,
        received_at=received_at,
        grounds=grounds,
        reason=reason,
        proxy_name=proxy_name,
        submission_key=submission_key,
        audit_details=_offline_details(received_at),
        dip_item=dip_item,
        dip_item_absent=dip_item_absent,
    )


def _check_offline_intake(received_at: dt.datetime | None, channel: str, agency: Agency) -> None:
    if received_at is None or timezone.is_naive(received_at):
        raise ValidationError({"received_at": [_("Isi tanggal dan jam penerimaan.")]})
    if received_at > timezone.now() + dt.timedelta(minutes=1):
        raise ValidationError({"received_at": [_("Tanggal penerimaan tidak boleh di masa depan.")]})
    if error := date_window_error(received_at, agency=agency):
        raise ValidationError({"received_at": [error]})
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise ValidationError({"channel": [_("Pilih saluran penerimaan.")]})


def _offline_details(received_at: dt.datetime) -> dict[str, object]:
    return {
        "backdated": received_at < timezone.now() - dt.timedelta(hours=1),
        "received_at": received_at.isoformat(),
    }


# --- ground b without a request (Pasal 35(1)b) ----------------------------------------------------------------
def _periodic_target(
    agency: Agency, unit: Unit | None, information: str, reason: str, named: DipItem | None = None
) -> tuple[Unit, str]:
    """The unit that should publish the information (the PPID Utama unless one is named, or the named DIP item's
    unit) and the cleaned text (the item's title when left empty)."""
    errors: dict[str, list[str]] = {}
    if not agency.is_active:
        errors["agency"] = [_("Badan publik ini tidak menerima keberatan melalui layanan ini.")]
    information = (information or "").strip() or (named.title if named is not None else "")
    if unit is None and named is not None:
        unit = named.unit
    if not information:
        errors["information"] = [_("Sebutkan informasi berkala yang tidak diumumkan.")]
    if not (reason or "").strip():
        errors["reason"] = [_("Uraikan alasan keberatan Anda.")]
    if unit is not None and (unit.agency_id != agency.pk or not unit.is_active):
        errors["unit"] = [_("Unit harus unit aktif dari badan publik yang dituju.")]
    if errors:
        raise ValidationError(errors)
    target = unit or agency.main_unit
    if target is None:
        raise ValidationError({"agency": [_("Badan publik ini belum memiliki PPID Utama.")]})
    return target, information


def _periodic(
    *,
    agency: Agency,
    unit: Unit | None,
    information: str,
    reason: str,
    received_at: dt.datetime,
    identity: dict[str, str],
    dip_item: Any = None,
    dip_item_absent: bool = False,
    **create: Unpack[_Filing],
) -> Objection:
    register_fields = _dip_reference(agency, ["b"], dip_item, dip_item_absent) if agency.is_active else {}
    target, information = _periodic_target(agency, unit, information, reason, register_fields.get("dip_item"))
    window = periodic_information_window(agency, at=received_at)
    return _create_objection(
        agency=agency,
        unit=target,
        received_at=received_at,
        ground_windows={
            window.ground: {**window.as_dict(), "filed_after_window": False, "working_days_late": 0}
        },
        reason=reason,
        own_fields={"information": information, **identity, **register_fields},
        **create,
    )


def objection_file_periodic(
    *,
    requester: User,
    agency: Agency,
    information: str,
    reason: str,
    unit: Unit | None = None,
    proxy_name: str = "",
    submission_key: uuid.UUID | None = None,
    dip_item: int | None = None,
    dip_item_absent: bool = False,
) -> Objection:
    """A citizen objects that periodic information is not published (Pasal 35(1)b): no request is needed. The
    objection names the information (or the berkala DIP item concerned, or says it is absent from the DIP) and
    carries the identity from the citizen's profile."""
    if (existing := _already_filed(requester, submission_key)) is not None:
        return existing
    if not requester.can_file:
        raise PermissionDenied(_("Konfirmasi e-mail dan lengkapi profil Anda sebelum mengajukan keberatan."))
    profile = requester.citizen_profile
    identity = {
        "requester_type": profile.requester_type,
        "requester_name": profile.name,
        "requester_address": profile.address,
        "requester_phone": profile.phone,
        "requester_email": requester.email,
        "requester_occupation": profile.occupation,
    }
    return _periodic(
        agency=agency,
        unit=unit,
        information=information,
        reason=reason,
        received_at=timezone.now(),
        identity=identity,
        dip_item=dip_item,
        dip_item_absent=dip_item_absent,
        submitted_by=requester,
        requester=requester,
        channel=Channel.ONLINE,
        proxy_name=proxy_name,
        submission_key=submission_key,
        audit_details={"without_request": True},
    )


def objection_register_periodic_offline(
    *,
    officer: User,
    agency: Agency,
    information: str,
    reason: str,
    received_at: dt.datetime,
    requester_name: str,
    requester_address: str,
    requester_type: str = "individual",
    requester_phone: str = "",
    requester_email: str = "",
    requester_occupation: str = "",
    channel: str = Channel.WALK_IN,
    unit: Unit | None = None,
    proxy_name: str = "",
    submission_key: uuid.UUID | None = None,
    dip_item: int | None = None,
    dip_item_absent: bool = False,
) -> Objection:
    """An officer registers a written ground-b objection received at the desk or by post, with the objector's
    identity as written on it (name and address required, as on the keberatan form)."""
    if not rules.is_officer_of(agency.pk, officer):
        raise PermissionDenied(_("Hanya petugas badan publik ini yang dapat mencatat keberatan."))
    if (existing := _already_filed(officer, submission_key)) is not None:
        return existing
    _check_offline_intake(received_at, channel, agency)
    identity = {
        "requester_type": requester_type,
        "requester_name": (requester_name or "").strip(),
        "requester_address": (requester_address or "").strip(),
        "requester_phone": (requester_phone or "").strip(),
        "requester_email": (requester_email or "").strip(),
        "requester_occupation": (requester_occupation or "").strip(),
    }
    errors: dict[str, list[str]] = {}
    if not identity["requester_name"]:
        errors["requester_name"] = [_("Isi nama pemohon.")]
    if not identity["requester_address"]:
        errors["requester_address"] = [_("Isi alamat pemohon.")]
    if requester_type not in RequesterType.values:
        errors["requester_type"] = [_("Pilih jenis pemohon.")]
    if errors:
        raise ValidationError(errors)
    return _periodic(
        agency=agency,
        unit=unit,
        information=information,
        reason=reason,
        received_at=received_at,
        identity=identity,
        dip_item=dip_item,
        dip_item_absent=dip_item_absent,
        submitted_by=officer,
        requester=None,
        channel=channel,
        proxy_name=proxy_name,
        submission_key=submission_key,
        audit_details={"without_request": True, **_offline_details(received_at)},
    )


# --- transitions ---------------------------------------------------------------------------------------------
def _lock_objection(objection_id: int, actor: User) -> Objection:
    visible = objections_visible_to(actor).filter(pk=objection_id).values("pk")
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("agency", "request")
        .filter(pk__in=visible)
        .first()
    )
    if objection is None:
        raise NotFound(_("Keberatan tidak ditemukan."))
    return objection


def check_transition(objection: Objection, name: str, actor: User | None) -> None:
    check_fsm_transition(
        objection,
        name,
        actor,
        state_messages=_STATE_MESSAGES,
        denied_message=_("Anda tidak berwenang melakukan tindakan ini pada keberatan ini."),
    )


def _finish(
    objection: Objection,
    *,
    actor: User,
    action: str,
    from_state: str,
    reason: str = "",
    details: dict[str, Any] | None = None,
    fields: Iterable[str] = (),
) -> Objection:
    objection.save(update_fields=["state", *fields])
    audit_record(
        actor=actor,
        obj=objection,
        agency=objection.agency,
        action=action,
        from_state=from_state,
        to_state=objection.state,
        reason=reason,
        details=details or {},
    )
    notify.objection_changed(objection, action, actor)
    return objection


def objection_review(*, objection_id: int, actor: User) -> Objection:
    """The Atasan PPID starts examining the objection."""
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        check_transition(objection, "review", actor)
        before = objection.state
        objection.review(at=timezone.now())
        return _finish(
            objection, actor=actor, action=OBJECTION_REVIEW, from_state=before, fields=["review_started_at"]
        )


def objection_decide(
    *,
    objection_id: int,
    actor: User,
    outcome: str,
    reasons: str = "",
    order: str = "",
    comply_by: dt.date | None = None,
    settled_by_agreement: bool = False,
    upheld_part: str = "",
) -> Objection:
    """Only the Atasan PPID decides (UU 14/2008 Pasal 36). Upholding the PPID needs written reasons; granting
    says what the PPID must provide and by when; grounds b-g may be settled by agreement (musyawarah)."""
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        check_transition(objection, "decide", actor)
        errors: dict[str, list[str]] = {}
        reasons, order = (reasons or "").strip(), (order or "").strip()
        if outcome not in ObjectionOutcome.values:
            errors["outcome"] = [_("Pilih tanggapan: keberatan diterima atau keputusan PPID dikuatkan.")]
        if outcome == ObjectionOutcome.UPHELD and not reasons:
            errors["reasons"] = [
                _("Menguatkan keputusan PPID wajib disertai alasan tertulis (Pasal 36 ayat 3).")
            ]
        if outcome == ObjectionOutcome.INADMISSIBLE and not reasons:
            errors["reasons"] = [_("Keberatan yang tidak dapat diterima wajib disertai alasan tertulis.")]
        upheld_part = (upheld_part or "").strip()
        ordering = outcome in (ObjectionOutcome.GRANTED, ObjectionOutcome.PARTIALLY_GRANTED)
        if outcome == ObjectionOutcome.PARTIALLY_GRANTED:
            if not upheld_part:
                errors["upheld_part"] = [_("Sebutkan bagian keputusan PPID yang dikuatkan.")]
            if not reasons:
                errors["reasons"] = [
                    _("Menguatkan sebagian keputusan PPID wajib disertai alasan tertulis (Pasal 36 ayat 3).")
                ]
        if ordering:
            if not order:
                errors["order"] = [_("Sebutkan apa yang wajib dipenuhi PPID.")]
            if comply_by is None:
                errors["comply_by"] = [_("Tentukan tanggal paling lambat PPID memenuhinya.")]
            elif comply_by < timezone.localdate(timezone=objection.agency.tzinfo):
                errors["comply_by"] = [_("Tanggal pemenuhan tidak boleh di masa lalu.")]
        if settled_by_agreement:
            if not set(objection.grounds) <= AGREEABLE_GROUNDS:
                errors["settled_by_agreement"] = [
                    _(
                        "Musyawarah hanya untuk alasan b sampai g (Pasal 35 ayat 2); "
                        "alasan a tidak dapat dimusyawarahkan."
                    )
                ]
            if not reasons:
                errors["reasons"] = [_("Catat hasil kesepakatan musyawarah.")]
        if errors:
            raise ValidationError(errors)
        before = objection.state
        now = timezone.now()
        objection.decision_received_by_requester_on = timezone.localdate(
            now, timezone=objection.agency.tzinfo
        )
        objection.decide(
            by=actor,
            at=now,
            outcome=outcome,
            reasons=reasons,
            order=order,
            comply_by=comply_by if ordering else None,
            settled_by_agreement=settled_by_agreement,
            upheld_part=upheld_part if outcome == ObjectionOutcome.PARTIALLY_GRANTED else "",
        )
        _finish(
            objection,
            actor=actor,
            action=OBJECTION_DECIDE,
            from_state=before,
            reason=reasons,
            details={
                "outcome": outcome,
                "settled_by_agreement": settled_by_agreement,
                "late": now > objection.due_at,
                "comply_by": comply_by.isoformat() if comply_by else None,
            },
            fields=[
                "decided_at",
                "decided_by",
                "decision_received_by_requester_on",
                "outcome",
                "reasons",
                "order",
                "upheld_part",
                "comply_by",
                "settled_by_agreement",
            ],
        )
        obligation = _open_order(objection, actor=actor, at=now) if ordering else None
        letter_issue(
            kind=LetterKind.OBJECTION_DECISION,
            case=objection,
            unit=objection.agency.main_unit or objection.unit,
            prepared_by=actor,
            approver=actor,  # the Atasan who decided signs it, under the Atasan's position if they hold it
            recipient=objection.identity.requester_name,
            at=now,
        )
        notify.objection_decided(objection, actor, obligation)
    return objection


def objection_record_decision_receipt(
    *, objection_id: int, actor: User, received_on: dt.date, reason: str
) -> Objection:
    """An officer (or the Atasan) records the day the requester received the Atasan's answer by post or by hand,
    from which the 14 working days to the Komisi Informasi run (UU 14/2008 Pasal 37(2))."""
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        if not (rules.is_agency_officer(objection, actor) or rules.is_atasan(objection, actor)):
            raise PermissionDenied(
                _("Hanya petugas badan publik ini yang dapat mencatat penerimaan tanggapan.")
            )
        if objection.decided_at is None:
            raise InvalidTransition(_("Keberatan ini belum ditanggapi."))
        record_requester_receipt(
            objection,
            field="decision_received_by_requester_on",
            received_on=received_on,
            sent_on=timezone.localdate(objection.decided_at, timezone=objection.agency.tzinfo),
            too_early=_("Tanggapan tidak mungkin diterima sebelum diberikan (%(date)s)."),
            actor=actor,
            action=OBJECTION_DECISION_RECEIPT,
            reason=reason,
        )
    return objection


def objection_withdraw(*, objection_id: int, actor: User, reason: str = "") -> Objection:
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        check_transition(objection, "withdraw", actor)
        before = objection.state
        objection.withdraw(reason=(reason or "").strip(), at=timezone.now())
        return _finish(
            objection,
            actor=actor,
            action=OBJECTION_WITHDRAW,
            from_state=before,
            reason=reason,
            fields=["withdrawn_at", "withdraw_reason"],
        )


# --- disputes ------------------------------------------------------------------------------------------------
DISPUTE_DATE_FIELDS = (
    "filed_on",
    "notice_received_on",
    "first_hearing_on",
    "mediation_started_on",
    "adjudication_started_on",
    "decision_on",
    "decision_received_on",
    "complied_on",
    "appeal_filed_on",
    "court_decision_received_on",
    "kasasi_filed_on",
)
DISPUTE_TEXT_FIELDS = (
    "commission",
    "ki_register_number",
    "obligations",
    "compliance_note",
    "appeal_filed_by",
    "court_decision",
    "kasasi_decision",
)
DISPUTE_CHOICE_FIELDS = {
    "mediation_result": MediationResult.values,
    "result": DisputeResult.values,
    "appeal_court": Court.values,
}
# Each date must not come before the one it follows.
_DATE_ORDER = [
    ("notice_received_on", "filed_on"),
    ("first_hearing_on", "filed_on"),
    ("mediation_started_on", "filed_on"),
    ("adjudication_started_on", "filed_on"),
    ("decision_on", "filed_on"),
    ("decision_received_on", "decision_on"),
    ("complied_on", "decision_on"),
    ("appeal_filed_on", "decision_received_on"),
    ("court_decision_received_on", "appeal_filed_on"),
    ("kasasi_filed_on", "court_decision_received_on"),
]


def _may_record_dispute(case: Objection | Dispute, actor: User) -> bool:
    return rules.is_agency_officer(case, actor) or rules.is_atasan(case, actor)


def _validate_dispute(dispute: Dispute, objection: Objection) -> None:
    errors: dict[str, list[str]] = {}
    if not dispute.ki_register_number.strip():
        errors["ki_register_number"] = [_("Isi nomor register sengketa dari Komisi Informasi.")]
    if not dispute.commission.strip():
        errors["commission"] = [_("Sebutkan Komisi Informasi yang memeriksa sengketa.")]
    for field in DISPUTE_DATE_FIELDS:  # each step has happened: not ahead of today, not before 2008
        if error := date_window_error(getattr(dispute, field), agency=objection.agency):
            errors.setdefault(field, []).append(error)
    if (
        dispute.filed_on
        and dispute.filed_on < objection.received_at.astimezone(objection.agency.tzinfo).date()
    ):
        errors.setdefault("filed_on", []).append(_("Sengketa tidak mungkin diajukan sebelum keberatannya."))
    for later, earlier in _DATE_ORDER:
        a, b = getattr(dispute, later), getattr(dispute, earlier)
        if a is not None and b is not None and a < b:
            errors.setdefault(later, []).append(
                _("Tanggal ini tidak boleh sebelum %(other)s.")
                % {"other": cast("models.Field[Any, Any]", Dispute._meta.get_field(earlier)).verbose_name}
            )
    for field, choices in DISPUTE_CHOICE_FIELDS.items():
        if getattr(dispute, field) and getattr(dispute, field) not in choices:
            errors[field] = [_("Pilihan tidak valid.")]
    if dispute.appeal_filed_on and not dispute.appeal_court:
        errors["appeal_court"] = [_("Pilih pengadilan (PTUN untuk badan publik negara, PN untuk lainnya).")]
    if errors:
        raise ValidationError(errors)


def dispute_register(
    *,
    objection_id: int,
    actor: User,
    commission: str,
    ki_register_number: str,
    filed_on: dt.date,
    notice_received_on: dt.date | None = None,
) -> Dispute:
    """The agency records that the requester took the objection to the Komisi Informasi."""
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        if not _may_record_dispute(objection, actor):
            raise PermissionDenied(_("Hanya petugas PPID atau Atasan PPID yang mencatat sengketa."))
        if objection.state == ObjectionState.WITHDRAWN:
            raise InvalidTransition(_("Keberatan ini sudah dicabut."), state=objection.state)
        if hasattr(objection, "dispute"):
            raise InvalidTransition(_("Sengketa atas keberatan ini sudah tercatat."), state=objection.state)
        if objection.is_open and timezone.now() <= objection.due_at:
            raise InvalidTransition(
                _("Sengketa dapat diajukan setelah Atasan PPID menanggapi atau batas waktu %(date)s lewat.")
                % {"date": _date(objection.due_date)},
                state=objection.state,
            )
        if filed_on is None:
            raise ValidationError({"filed_on": [_("Isi tanggal permohonan sengketa diterima KI.")]})
        dispute = Dispute(
            objection=objection,
            agency=objection.agency,
            commission=(commission or "").strip(),
            ki_register_number=(ki_register_number or "").strip(),
            filed_on=filed_on,
            notice_received_on=notice_received_on,
            recorded_by=actor,
        )
        _validate_dispute(dispute, objection)
        if Dispute.objects.filter(
            agency=objection.agency, ki_register_number=dispute.ki_register_number
        ).exists():
            raise ValidationError({"ki_register_number": [_("Nomor register ini sudah tercatat.")]})
        dispute.save()
        notify.objection_changed(objection, DISPUTE_REGISTERED, actor)
        audit_record(
            actor=actor,
            obj=dispute,
            agency=objection.agency,
            action=DISPUTE_REGISTERED,
            details={
                "objection": objection.pk,
                "request": objection.request_id,
                "filed_on": filed_on.isoformat(),
            },
        )
    return dispute


def dispute_update(*, dispute_id: int, actor: User, reason: str = "", **changes: object) -> Dispute:
    """Record the dispute's progress (hearings' dates, mediation, decision, compliance, appeals)."""
    allowed = (
        set(DISPUTE_DATE_FIELDS)
        | set(DISPUTE_TEXT_FIELDS)
        | set(DISPUTE_CHOICE_FIELDS)
        | {"mediation_extended"}
    )
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError({field: [_("Kolom tidak dikenal.")] for field in sorted(unknown)})
    with transaction.atomic():
        visible = disputes_visible_to(actor).filter(pk=dispute_id).values("pk")
        dispute = (
            Dispute.objects.select_for_update()
            .select_related("objection__agency")
            .filter(pk__in=visible)
            .first()
        )
        if dispute is None:
            raise NotFound(_("Sengketa tidak ditemukan."))
        if not _may_record_dispute(dispute, actor):
            raise PermissionDenied(_("Hanya petugas PPID atau Atasan PPID yang mencatat sengketa."))
        if changes.get("mediation_extended") and dispute.mediation_extended:
            raise InvalidTransition(_("Mediasi hanya dapat diperpanjang satu kali."), state="mediation")
        before = {field: getattr(dispute, field) for field in changes}
        for field, value in changes.items():
            setattr(dispute, field, value.strip() if isinstance(value, str) else value)
        _validate_dispute(dispute, dispute.objection)
        changed = {
            f: {"from": before[f], "to": getattr(dispute, f)}
            for f in changes
            if before[f] != getattr(dispute, f)
        }
        if changed:
            dispute.save()
            audit_record(
                actor=actor,
                obj=dispute,
                agency=dispute.agency,
                action=DISPUTE_UPDATED,
                reason=reason,
                details=changed,
            )
    return dispute


def dispute_add_hearing(
    *, dispute_id: int, actor: User, held_on: dt.date, kind: str, notes: str = ""
) -> DisputeHearing:
    with transaction.atomic():
        visible = disputes_visible_to(actor).filter(pk=dispute_id).values("pk")
        dispute = Dispute.objects.select_for_update().filter(pk__in=visible).first()
        if dispute is None:
            raise NotFound(_("Sengketa tidak ditemukan."))
        if not _may_record_dispute(dispute, actor):
            raise PermissionDenied(_("Hanya petugas PPID atau Atasan PPID yang mencatat sengketa."))
        errors: dict[str, list[str]] = {}
        if kind not in DisputeHearing.Kind.values:
            errors["kind"] = [_("Pilih jenis sidang.")]
        if held_on is None or held_on > timezone.localdate(timezone=dispute.agency.tzinfo):
            errors["held_on"] = [_("Tanggal sidang tidak boleh kosong atau di masa depan.")]
        elif error := date_window_error(held_on, agency=dispute.agency):
            errors["held_on"] = [error]
        elif held_on < dispute.filed_on:
            errors["held_on"] = [_("Sidang tidak mungkin sebelum sengketa diajukan.")]
        if errors:
            raise ValidationError(errors)
        hearing = DisputeHearing.objects.create(
            dispute=dispute, held_on=held_on, kind=kind, notes=(notes or "").strip(), recorded_by=actor
        )
        audit_record(
            actor=actor,
            obj=dispute,
            agency=dispute.agency,
            action=DISPUTE_HEARING,
            details={"held_on": held_on.isoformat(), "kind": kind},
        )
    return hearing


# --- assignment (issue 16 point 2) -----------------------------------------------------------------------------
_OBJECTION_ASSIGNMENT = AssignmentCodes(
    OBJECTION_ASSIGN, OBJECTION_ASSIGNED_TO_YOU, OBJECTION_UNASSIGNED_FROM_YOU
)


def objection_assign(
    *, objection_id: int, actor: User, officer_id: int | None, reason: str = ""
) -> Objection:
    """The officer who prepares an open objection for the Atasan PPID: claimed or assigned as a request is
    (`ppid.assignment`). The Atasan still decides."""
    with transaction.atomic():
        objection = _lock_objection(objection_id, actor)
        check_open(objection, OPEN_OBJECTION_STATES)
        change_assignee(
            objection, actor=actor, officer_id=officer_id, reason=reason, codes=_OBJECTION_ASSIGNMENT
        )
    return objection


def objection_claim(*, objection_id: int, actor: User) -> Objection:
    """An officer who may handle an open, unassigned objection takes it."""
    return objection_assign(objection_id=objection_id, actor=actor, officer_id=actor.pk)


# --- the Atasan's order carried out (issue 16 point 6) -----------------------------------------------------------
def _open_order(objection: Objection, *, actor: User, at: dt.datetime) -> ObjectionOrder:
    """The obligation a granted (or partly granted) objection opens, in the decision's transaction: what the PPID
    must provide, by the comply-by date, from the objection's unit. Audited on the order."""
    assert objection.comply_by is not None  # objection_decide requires it for these outcomes
    order = ObjectionOrder.objects.create(
        objection=objection,
        agency=objection.agency,
        request=objection.request,
        unit=objection.unit,
        what=objection.order,
        due_date=objection.comply_by,
        opened_at=at,
    )
    audit_record(
        actor=actor,
        obj=order,
        agency=objection.agency,
        action=ORDER_OPENED,
        to_state=order.state,
        details={
            "objection": objection.pk,
            "request": objection.request_id,
            "unit": objection.unit_id,
            "outcome": objection.outcome,
            "due_date": order.due_date.isoformat(),
        },
    )
    return order


def check_order_comply(order: ObjectionOrder, actor: User | None) -> None:
    """Who may record that the order was carried out, and when: the officers and heads of the order's unit or of
    the PPID Utama (403 for the Atasan, auditors and administrators, who read it; 404 for the requester, who reads
    it as a citizen), while it is open (409)."""
    if actor is None or not (actor.is_superuser or is_staff_of(actor, order.agency)):
        raise NotFound(_("Putusan yang wajib dilaksanakan tidak ditemukan."))
    if not rules.is_handling_officer(order, actor):
        raise PermissionDenied(
            _(
                "Hanya petugas atau kepala unit yang wajib melaksanakan putusan (atau PPID Utama) yang dapat "
                "mencatatnya."
            )
        )
    if order.state != OrderState.OPEN:
        raise InvalidTransition(_("Putusan ini sudah tercatat dilaksanakan."), state=order.state)


@removes_files_it_wrote
def objection_order_comply(
    *, order_id: int, actor: User, statement: str, files: Iterable[UploadedFile[bytes]] = ()
) -> ObjectionOrder:
    """The unit records that it carried out the Atasan's order: what it sent (required) and the files, which the
    requester reads like response files. Audited on the order (late or not); the requester, the Atasan PPID and
    the unit's staff are told after commit."""
    files = list(files)
    with transaction.atomic():
        visible = orders_visible_to(actor).filter(pk=order_id).values("pk")
        order = (
            ObjectionOrder.objects.select_for_update(of=("self",))
            .select_related("agency", "objection", "objection__agency", "objection__request", "unit")
            .filter(pk__in=visible)
            .first()
        )
        if order is None:
            raise NotFound(_("Putusan yang wajib dilaksanakan tidak ditemukan."))
        check_order_comply(order, actor)
        statement = (statement or "").strip()
        errors: dict[str, list[str]] = {}
        if not statement:
            errors["statement"] = [_("Uraikan apa yang sudah diberikan kepada pemohon.")]
        file_errors: list[str] = []
        for uploaded in files:
            try:
                inspect_upload(uploaded)
            except ValidationError as exc:
                file_errors.extend(exc.messages)
        if file_errors:
            errors["files"] = file_errors
        if errors:
            raise ValidationError(errors)
        now = timezone.now()
        for uploaded in files:
            content_type, size, sha256 = inspect_upload(uploaded)
            stored = ObjectionOrderFile(
                order=order,
                original_name=(uploaded.name or "")[:255],
                content_type=content_type,
                size=size,
                sha256=sha256,
                uploaded_by=actor,
                uploaded_at=now,
            )
            store_file(stored, "file", uploaded)
            stored.save()
        before = order.state
        order.comply(by=actor, at=now, statement=statement)
        order.save(update_fields=["state", "complied_by", "complied_at", "statement"])
        audit_record(
            actor=actor,
            obj=order,
            agency=order.agency,
            action=ORDER_COMPLIED,
            from_state=before,
            to_state=order.state,
            reason=statement,
            details={
                "objection": order.objection_id,
                "files": len(files),
                "late": bool(order.complied_late),
            },
        )
        notify.order_complied(order, actor)
    return order


def objection_order_file_open(*, file_id: int, viewer: User) -> tuple[ObjectionOrderFile, FieldFile]:
    """Open a file sent in carrying out an order, for a person who sees the order, recording the access."""
    stored = order_files_visible_to(viewer).filter(pk=file_id).first()
    if stored is None:
        raise NotFound(_("Dokumen tidak ditemukan."))
    handle = stored.file.open("rb")  # a missing file fails here, before anything is recorded
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=stored,
            agency=stored.order.agency,
            action=ORDER_FILE_DOWNLOADED,
            details={"order": stored.order_id},
        )
    return stored, handle
