"""Writes of contributions across units (permintaan bahan, issue 16 point 4): ask, answer, decline, and copying an
answer's file into the request as a response file.

Every service checks in the house order: the caller sees the object (else NotFound), may act (PermissionDenied),
the state allows it (InvalidTransition), the payload is valid (ValidationError); then changes it in one
transaction with its audit row. The rows are recorded on the contribution, never on the request, so no case
timeline (the requester's least of all) lists them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Unit
from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from workcalendar.calendar import WorkingCalendar
from workcalendar.validators import date_window_error

from .. import notify, rules
from ..errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ..events import (
    CONTRIBUTION_ANSWER,
    CONTRIBUTION_ASK,
    CONTRIBUTION_ATTACH,
    CONTRIBUTION_DECLINE,
    CONTRIBUTION_FILE_DOWNLOADED,
)
from ..models import (
    OPEN_STATES,
    Contribution,
    ContributionFile,
    ContributionState,
    DocumentKind,
    InformationRequest,
    RequestDocument,
    RequestState,
)
from ..selectors import contribution_files_visible_to, contributions_visible_to, requests_seen_as_staff
from ..transitions import check_fsm_transition

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile
    from django.db.models.fields.files import FieldFile

    from accounts.models import User
    from accounts.types import AnyUser

__all__ = [
    "CONTRIBUTION_LEAD_WORKING_DAYS",
    "check_contribution_transition",
    "check_may_ask",
    "contribution_answer",
    "contribution_ask",
    "contribution_attach_to_response",
    "contribution_decline",
    "contribution_default_due_date",
    "contribution_file_open",
]

# The default internal due date: this many working days before the request's statutory due date.
CONTRIBUTION_LEAD_WORKING_DAYS = 3

_STATE_MESSAGES = {
    "answer": gettext_lazy("Permintaan bahan ini sudah dijawab atau ditolak."),
    "decline": gettext_lazy("Permintaan bahan ini sudah dijawab atau ditolak."),
}


def _text(value: str, field: str, required_message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: [required_message]})
    limit = settings.LONG_TEXT_MAX_CHARS
    if len(value) > limit:
        raise ValidationError({field: [_("Paling banyak %(limit)d karakter.") % {"limit": limit}]})
    return value


def contribution_default_due_date(
    info_request: InformationRequest, *, today: dt.date | None = None
) -> dt.date:
    """The statutory due date minus CONTRIBUTION_LEAD_WORKING_DAYS working days of the agency's calendar, never
    before today (a request already due or overdue needs its material today)."""
    calendar = WorkingCalendar(info_request.agency)
    today = today or calendar.local_date(timezone.now())
    day, counted = info_request.due_date, 0
    while counted < CONTRIBUTION_LEAD_WORKING_DAYS and day > today:
        day -= dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return max(day, today)


def _checked_due_date(info_request: InformationRequest, due_date: dt.date | None) -> dt.date:
    calendar = WorkingCalendar(info_request.agency)
    today = calendar.local_date(timezone.now())
    if due_date is None:
        return contribution_default_due_date(info_request, today=today)
    # On an overdue request, today is the latest day there is.
    latest = max(info_request.due_date, today)
    if due_date > latest:
        raise ValidationError(
            {
                "due_date": [
                    _(
                        "Batas waktu internal tidak boleh melewati batas waktu pemberitahuan tertulis permohonan "
                        "ini (%(due)s)."
                    )
                    % {"due": date_format(info_request.due_date, "DATE_FORMAT")}
                ]
            }
        )
    if due_date < today:
        raise ValidationError({"due_date": [_("Batas waktu internal tidak boleh sebelum hari ini.")]})
    error = date_window_error(due_date, planned=True, agency=info_request.agency)
    if error:
        raise ValidationError({"due_date": [error]})
    return due_date


def _asked_units(info_request: InformationRequest, units: Iterable[Unit | int]) -> list[Unit]:
    ids: list[int] = []
    for given in units:
        pk = given.pk if isinstance(given, Unit) else given
        if pk not in ids:
            ids.append(pk)
    if not ids:
        raise ValidationError({"units": [_("Pilih paling sedikit satu unit yang dimintai bahan.")]})
    found = {
        u.pk: u for u in Unit.objects.filter(pk__in=ids, agency_id=info_request.agency_id, is_active=True)
    }
    pending = set(
        Contribution.objects.filter(
            request=info_request, unit_id__in=ids, state=ContributionState.ASKED
        ).values_list("unit_id", flat=True)
    )
    errors: list[str] = []
    for pk in ids:
        unit = found.get(pk)
        if unit is None:
            # One answer for another agency's unit, an inactive one and an id that does not exist.
            errors.append(_("Unit tidak ditemukan di badan publik permohonan ini."))
        elif pk == info_request.unit_id:
            errors.append(
                _("%(unit)s sudah menangani permohonan ini; mintalah bahan dari unit lain.")
                % {"unit": unit.name}
            )
        elif pk in pending:
            errors.append(
                _("%(unit)s masih memiliki permintaan bahan yang belum dijawab untuk permohonan ini.")
                % {"unit": unit.name}
            )
    if errors:
        raise ValidationError({"units": errors})
    return [found[pk] for pk in ids]


def check_may_ask(info_request: InformationRequest, actor: AnyUser) -> None:
    """The role (403), then the state (409) of asking for material: the API asks before the payload."""
    if not rules.is_handling_officer(info_request, actor):
        raise PermissionDenied(
            _("Hanya petugas yang menangani permohonan ini yang dapat meminta bahan dari unit lain.")
        )
    if info_request.state not in OPEN_STATES:
        raise InvalidTransition(
            _("Bahan hanya dapat diminta selama permohonan belum dijawab."), state=info_request.state
        )


def contribution_ask(
    *,
    request_id: int,
    actor: User,
    units: Iterable[Unit | int],
    instructions: str,
    due_date: dt.date | None = None,
) -> list[Contribution]:
    """A handling officer of an open request (`rules.is_handling_officer`) asks one or several other units of the
    agency for material. Before: the actor sees the request as staff (else NotFound: its requester too), handles
    it (PermissionDenied), it is open (InvalidTransition), each unit is another active unit of the agency without
    an unanswered ask on this request, the instructions are given and `due_date` (default: the statutory due date
    minus 3 working days, not before today) is neither after the statutory due date nor before today
    (ValidationError). Changes: one contribution per unit, each with its audit row. The asked units' officers and
    heads are notified (rows now, hints after commit)."""
    with transaction.atomic():
        visible = requests_seen_as_staff(actor).filter(pk=request_id).values("pk")
        info_request = (
            InformationRequest.objects.select_for_update(of=("self",))
            .select_related("agency", "unit")
            .filter(pk=request_id, pk__in=visible)
            .first()
        )
        if info_request is None:
            raise NotFound(_("Permohonan tidak ditemukan."))
        check_may_ask(info_request, actor)
        text = _text(instructions, "instructions", _("Tuliskan petunjuk bahan yang diminta."))
        asked = _asked_units(info_request, units)
        due = _checked_due_date(info_request, due_date)
        now = timezone.now()
        created = []
        for unit in asked:
            contribution = Contribution.objects.create(
                request=info_request,
                agency=info_request.agency,
                unit=unit,
                asked_by=actor,
                asked_at=now,
                instructions=text,
                due_date=due,
            )
            audit_record(
                actor=actor,
                obj=contribution,
                agency=info_request.agency,
                action=CONTRIBUTION_ASK,
                to_state=contribution.state,
                details={"request": info_request.pk, "unit": unit.pk, "due_date": due.isoformat()},
            )
            notify.contribution_asked(contribution, actor)
            created.append(contribution)
    return created


def _lock_contribution(contribution_id: int, actor: AnyUser) -> Contribution:
    visible = contributions_visible_to(actor).filter(pk=contribution_id).values("pk")
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("agency", "unit", "request", "request__agency", "asked_by")
        .filter(pk=contribution_id, pk__in=visible)
        .first()
    )
    if contribution is None:
        raise NotFound(_("Permintaan bahan tidak ditemukan."))
    return contribution


def check_contribution_transition(contribution: Contribution, name: str, actor: AnyUser) -> None:
    """The role (403), then the state (409) of `answer` or `decline`: the API asks before the payload."""
    check_fsm_transition(
        contribution,
        name,
        actor,
        state_messages=_STATE_MESSAGES,
        denied_message=_(
            "Hanya petugas unit yang dimintai bahan atau PPID Utama yang dapat menjawab permintaan ini."
        ),
    )


@removes_files_it_wrote
def contribution_answer(
    *, contribution_id: int, actor: User, message: str, files: Iterable[UploadedFile[bytes]] = ()
) -> Contribution:
    """An officer or head of the asked unit (or of the PPID Utama) answers with a message and files (PDF, PNG,
    JPEG, checked by content). Before: visible (NotFound), may answer (PermissionDenied), still asked
    (InvalidTransition), a message and acceptable files (ValidationError). Changes: the answer, its files and the
    audit row (late or not). The officer who asked and the request's assignee are notified; the files stay
    internal until a handling officer attaches one to the response."""
    files = list(files)
    with transaction.atomic():
        contribution = _lock_contribution(contribution_id, actor)
        check_contribution_transition(contribution, "answer", actor)
        text = _text(message, "message", _("Tuliskan jawaban atas permintaan bahan."))
        errors: list[str] = []
        for uploaded in files:
            try:
                inspect_upload(uploaded)
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError({"files": errors})
        before = contribution.state
        contribution.answer(by=actor, at=timezone.now(), message=text)
        contribution.save(update_fields=["state", "answered_by", "answered_at", "message"])
        for uploaded in files:
            content_type, size, sha256 = inspect_upload(uploaded)
            stored = ContributionFile(
                contribution=contribution,
                original_name=(uploaded.name or "")[:255],
                content_type=content_type,
                size=size,
                sha256=sha256,
                uploaded_by=actor,
            )
            store_file(stored, "file", uploaded)
            stored.save()
        audit_record(
            actor=actor,
            obj=contribution,
            agency=contribution.agency,
            action=CONTRIBUTION_ANSWER,
            from_state=before,
            to_state=contribution.state,
            details={
                "request": contribution.request_id,
                "files": len(files),
                "late": contribution.answered_late,
            },
        )
        notify.contribution_replied(contribution, CONTRIBUTION_ANSWER, actor)
    return contribution


def contribution_decline(*, contribution_id: int, actor: User, reason: str) -> Contribution:
    """The asked unit (or the PPID Utama) declines with a reason. Before and after as `contribution_answer`; the
    reason is the audit row's, for staff only."""
    with transaction.atomic():
        contribution = _lock_contribution(contribution_id, actor)
        check_contribution_transition(contribution, "decline", actor)
        text = _text(reason, "reason", _("Tuliskan alasan penolakan permintaan bahan."))
        before = contribution.state
        contribution.decline(by=actor, at=timezone.now(), reason=text)
        contribution.save(update_fields=["state", "declined_by", "declined_at", "decline_reason"])
        audit_record(
            actor=actor,
            obj=contribution,
            agency=contribution.agency,
            action=CONTRIBUTION_DECLINE,
            from_state=before,
            to_state=contribution.state,
            reason=text,
            details={"request": contribution.request_id},
        )
        notify.contribution_replied(contribution, CONTRIBUTION_DECLINE, actor)
    return contribution


@removes_files_it_wrote
def contribution_attach_to_response(*, file_id: int, actor: User) -> RequestDocument:
    """A handling officer copies a file of an answer into the request as a response file (`RequestDocument`,
    kind response_file): from then on whoever sees the request, its requester included, sees the copy (and only
    the copy: the contribution stays internal). Before: the file is visible (NotFound), the actor handles the
    request (PermissionDenied), the request is neither completed nor withdrawn and the file not attached yet
    (InvalidTransition). Changes: the copy and the audit row, on the contribution."""
    with transaction.atomic():
        visible = contribution_files_visible_to(actor).filter(pk=file_id).values("pk")
        source = (
            ContributionFile.objects.select_for_update(of=("self",))
            .select_related(
                "contribution__agency", "contribution__request__agency", "contribution__request__unit"
            )
            .filter(pk=file_id, pk__in=visible)
            .first()
        )
        if source is None:
            raise NotFound(_("Berkas tidak ditemukan."))
        info_request = source.contribution.request
        if not rules.is_handling_officer(info_request, actor):
            raise PermissionDenied(
                _("Hanya petugas yang menangani permohonan ini yang dapat melampirkan bahan ke jawaban.")
            )
        if info_request.state in (RequestState.COMPLETED, RequestState.WITHDRAWN):
            raise InvalidTransition(
                _("Permohonan yang sudah selesai atau dicabut tidak dapat diberi berkas jawaban baru."),
                state=info_request.state,
            )
        if source.attached_as_id is not None:
            raise InvalidTransition(_("Berkas ini sudah dilampirkan ke jawaban."), state=info_request.state)
        document = RequestDocument(
            request=info_request,
            kind=DocumentKind.RESPONSE_FILE,
            original_name=source.original_name,
            content_type=source.content_type,
            size=source.size,
            sha256=source.sha256,
            uploaded_by=actor,
        )
        with source.file.open("rb") as handle:
            store_file(document, "file", File(handle, name=source.original_name))
        document.save()
        source.attached_as = document
        source.save(update_fields=["attached_as"])
        audit_record(
            actor=actor,
            obj=source.contribution,
            agency=source.contribution.agency,
            action=CONTRIBUTION_ATTACH,
            from_state=source.contribution.state,
            to_state=source.contribution.state,
            details={"request": info_request.pk, "file": source.pk, "document": document.pk},
        )
    return document


def contribution_file_open(*, file_id: int, viewer: AnyUser) -> tuple[ContributionFile, FieldFile]:
    """Open a file of an answer for someone who sees the contribution, recording the access."""
    source = contribution_files_visible_to(viewer).filter(pk=file_id).first()
    if source is None:
        raise NotFound(_("Berkas tidak ditemukan."))
    handle = source.file.open("rb")  # a missing file fails here, before anything is recorded
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=source,
            agency=source.contribution.agency,
            action=CONTRIBUTION_FILE_DOWNLOADED,
            details={"contribution": source.contribution_id},
        )
    return source, handle
