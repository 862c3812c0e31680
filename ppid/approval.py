"""Approval before issue (issue 16 point 5), the part the request services and pages share: whether a caller's
notice or extension must wait for the unit head, the draft it becomes, and what a viewer may see of it.

With the agency's `approval_before_issue` on, an officer's `respond` or `extend` is validated exactly as the
issuing service validates it and then stored as a `ResponseDraft` (one pending per request); nothing is issued,
the request's state does not change. The unit head (role `ppid` of the request's unit, or of the PPID Utama,
`rules.is_unit_head`) issues directly and is recorded as the approver. Drafts, their files and their audit rows
(recorded on the draft, not on the request) are for the staff who see the request as staff, never its requester.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from agencies.uploads import inspect_upload, store_file
from audit.services import audit_record
from notifications.services import notify, queue_changed

from .errors import InvalidTransition, NotFound, PermissionDenied
from .events import REQUEST_DRAFT_SUBMITTED, REQUEST_DRAFT_SUPERSEDED, REQUEST_DRAFT_WAITING
from .models import (
    DocumentKind,
    DraftFile,
    DraftKind,
    DraftState,
    InformationRequest,
    RequestDocument,
    ResponseDraft,
)
from .rules import is_unit_head
from .selectors import requests_seen_as_staff

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User
    from accounts.types import AnyUser

# The dates of a notice's payload, stored as ISO strings in the draft's JSON.
_DATE_FIELDS = ("provision_on", "documented_by")


def approval_required(info_request: InformationRequest, actor: User) -> bool:
    """An officer's letter waits for the head when the agency asks for approval; a unit head issues it."""
    return bool(info_request.agency.approval_before_issue) and not is_unit_head(info_request, actor)


def pending_draft(info_request: InformationRequest, *, lock: bool = False) -> ResponseDraft | None:
    qs = ResponseDraft.objects.filter(request=info_request, state=DraftState.PENDING)
    if lock:
        qs = qs.select_for_update()
    return qs.select_related("drafted_by").first()


def encode_payload(data: Mapping[str, Any]) -> dict[str, Any]:
    """The validated keyword arguments of the issuing service, as JSON."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, Decimal):
            out[key] = str(value)
        else:
            out[key] = value
    return out


def decode_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments back, dates as dates (the issuing service checks them again)."""
    out = dict(payload)
    for key in _DATE_FIELDS:
        if isinstance(out.get(key), str) and out[key]:
            out[key] = dt.date.fromisoformat(out[key])
    return out


def approvers(info_request: InformationRequest) -> list[User]:
    """Who is told a draft waits: the request's unit heads; a unit without one falls to the PPID Utama's."""
    heads = staff_with_roles(unit=info_request.unit, roles=[StaffRole.PPID])
    if heads:
        return heads
    return [
        u
        for u in staff_with_roles(agency=info_request.agency, roles=[StaffRole.PPID])
        if is_unit_head(info_request, u)
    ]


def check_no_pending_draft(info_request: InformationRequest) -> None:
    """One pending draft per request at a time (409): the head decides it first."""
    if pending_draft(info_request, lock=True) is not None:
        raise InvalidTransition(
            _(
                "Permohonan ini sudah memiliki rancangan surat yang menunggu persetujuan kepala unit; tunggu "
                "keputusannya sebelum mengajukan rancangan lain."
            ),
            state=info_request.state,
        )


def supersede_pending(info_request: InformationRequest, *, actor: User, kind: str) -> ResponseDraft | None:
    """A letter issued directly (by the head, or with approval off) replaces a pending draft of its kind; a notice
    also ends a pending extension. Audited on the draft. Returns the draft it replaced."""
    draft = pending_draft(info_request, lock=True)
    if draft is None or (draft.kind != kind and kind != DraftKind.RESPOND):
        return None
    decide(draft, actor=actor, state=DraftState.SUPERSEDED)
    audit_record(
        actor=actor,
        obj=draft,
        agency=info_request.agency,
        action=REQUEST_DRAFT_SUPERSEDED,
        from_state=DraftState.PENDING,
        to_state=DraftState.SUPERSEDED,
        details={"request": info_request.pk, "kind": draft.kind},
    )
    return draft


def attach_staged_files(draft: ResponseDraft, info_request: InformationRequest) -> int:
    """An approved notice's staged files become the request's response files, over the same stored files."""
    staged = list(draft.files.all())
    for item in staged:
        RequestDocument.objects.create(
            request=info_request,
            kind=DocumentKind.RESPONSE_FILE,
            file=item.file.name,
            original_name=item.original_name,
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
            uploaded_by=draft.drafted_by,
        )
    return len(staged)


def stage_draft(
    info_request: InformationRequest,
    *,
    kind: str,
    actor: User,
    payload: Mapping[str, Any],
    files: Iterable[UploadedFile[bytes]] = (),
) -> ResponseDraft:
    """Store the officer's validated letter as the request's pending draft, with its files (checked already),
    inside the caller's transaction, after its permission, state and payload checks; the request is locked.
    Audited on the draft; the heads are told after commit."""
    check_no_pending_draft(info_request)
    draft = ResponseDraft.objects.create(
        request=info_request, kind=kind, payload=encode_payload(payload), drafted_by=actor
    )
    for uploaded in files:
        content_type, size, sha256 = inspect_upload(uploaded)
        staged = DraftFile(
            draft=draft,
            original_name=(uploaded.name or "")[:255],
            content_type=content_type,
            size=size,
            sha256=sha256,
        )
        store_file(staged, "file", uploaded)
        staged.save()
    audit_record(
        actor=actor,
        obj=draft,
        agency=info_request.agency,
        action=REQUEST_DRAFT_SUBMITTED,
        to_state=DraftState.PENDING,
        details={"request": info_request.pk, "kind": kind, "files": draft.files.count()},
    )
    notify(
        recipients=approvers(info_request),
        kind=REQUEST_DRAFT_WAITING,
        obj=info_request,
        agency=info_request.agency,
        state=info_request.state,
        url=draft.get_absolute_url(),
        exclude=actor,
    )
    queue_changed(unit_ids=[info_request.unit_id], obj=info_request, state=info_request.state)
    return draft


def decide(draft: ResponseDraft, *, actor: User, state: str, reason: str = "") -> None:
    draft.state, draft.decided_by, draft.decided_at = state, actor, timezone.now()
    draft.return_reason = reason
    draft.save(update_fields=["state", "decided_by", "decided_at", "return_reason"])


def latest_draft(info_request: InformationRequest) -> ResponseDraft | None:
    return (
        ResponseDraft.objects.filter(request=info_request)
        .select_related("drafted_by", "decided_by")
        .order_by("-drafted_at", "-id")
        .first()
    )


def approval_state_of(info_request: InformationRequest, draft: ResponseDraft | None) -> str | None:
    """ "pending" while a draft waits, "returned" while the latest draft came back and nothing was issued after it,
    else None. A request that is no longer open has none."""
    if draft is None or not info_request.is_open:
        return None
    if draft.state == DraftState.PENDING:
        return "pending"
    if draft.state == DraftState.RETURNED:
        issued_after = (
            info_request.extended_at is not None
            and info_request.extended_at >= (draft.decided_at or draft.drafted_at)
            if draft.kind == DraftKind.EXTEND
            else info_request.responded_at is not None
        )
        return None if issued_after else "returned"
    return None


def check_may_decide(
    info_request: InformationRequest, actor: AnyUser, *, lock: bool = False
) -> ResponseDraft:
    """Who may approve or return the request's pending draft, in the house order: drafts do not exist for anyone
    who does not see the request as staff, its requester included (NotFound, 404); only its unit head decides
    (PermissionDenied, 403); there must be a pending draft (InvalidTransition, 409). Returns the draft."""
    if not may_see_drafts(info_request, actor):
        raise NotFound(_("Permohonan tidak ditemukan."))
    if not is_unit_head(info_request, actor):
        raise PermissionDenied(
            _("Hanya kepala unit (PPID) yang menangani permohonan ini yang dapat menyetujui rancangan surat.")
        )
    draft = pending_draft(info_request, lock=lock)
    if draft is None:
        raise InvalidTransition(
            _("Tidak ada rancangan surat yang menunggu persetujuan pada permohonan ini."),
            state=info_request.state,
        )
    return draft


def may_see_drafts(info_request: InformationRequest, user: AnyUser) -> bool:
    """The staff who see the request as staff (as for internal notes); never its requester."""
    if not getattr(user, "is_authenticated", False):
        return False
    return requests_seen_as_staff(user).filter(pk=info_request.pk).exists()
