"""The unit head's decisions on a draft letter (issue 16 point 5): approve, which issues it through the very service
an officer's call would have run, or return it to its drafter with a reason. `ppid.approval` holds the drafts'
rules; `information_request_respond` and `information_request_extend` stage them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from notifications.services import notify, queue_changed

from ..approval import check_may_decide, decide, decode_payload
from ..errors import ValidationError
from ..events import REQUEST_DRAFT_APPROVED, REQUEST_DRAFT_RETURNED
from ..models import DraftKind, DraftState, InformationRequest, ResponseDraft
from .requests import _lock_visible, issue_extension, issue_response

if TYPE_CHECKING:
    from accounts.models import User

__all__ = ["information_request_approve", "information_request_return"]


def _tell_drafter(draft: ResponseDraft, info_request: InformationRequest, *, kind: str, actor: User) -> None:
    notify(
        recipients=[draft.drafted_by],
        kind=kind,
        obj=info_request,
        agency=info_request.agency,
        state=info_request.state,
        url=draft.get_absolute_url(),
        exclude=actor,
    )


def information_request_approve(*, request_id: int, actor: User) -> InformationRequest:
    """The unit head (role `ppid` of the request's unit, or of the PPID Utama) approves the pending draft: the
    notice or extension is issued by the real service, with its checks again (the state may have moved on: 409;
    a date in the past now: 400), recorded with its drafter and its approver, and sent to the requester. The draft
    is approved, audited on itself; the drafter is told after commit."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        draft = check_may_decide(info_request, actor, lock=True)
        payload = decode_payload(draft.payload)
        if draft.kind == DraftKind.RESPOND:
            issued = issue_response(request_id=info_request.pk, actor=actor, notice=payload, draft=draft)
        else:
            issued = issue_extension(
                request_id=info_request.pk, actor=actor, reason=str(payload.get("reason", "")), draft=draft
            )
        decide(draft, actor=actor, state=DraftState.APPROVED)
        audit_record(
            actor=actor,
            obj=draft,
            agency=info_request.agency,
            action=REQUEST_DRAFT_APPROVED,
            from_state=DraftState.PENDING,
            to_state=DraftState.APPROVED,
            details={"request": info_request.pk, "kind": draft.kind, "drafted_by": draft.drafted_by_id},
        )
        _tell_drafter(draft, issued, kind=REQUEST_DRAFT_APPROVED, actor=actor)
    return issued


def information_request_return(*, request_id: int, actor: User, reason: str) -> InformationRequest:
    """The unit head sends the pending draft back to its drafter with a reason (required). Nothing is issued and
    the request's state does not change; the officer may draft again. Audited on the draft, the reason for staff
    only; the drafter is told after commit."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        draft = check_may_decide(info_request, actor, lock=True)
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(
                {"reason": [_("Tuliskan alasan rancangan dikembalikan, agar petugas dapat memperbaikinya.")]}
            )
        decide(draft, actor=actor, state=DraftState.RETURNED, reason=reason)
        audit_record(
            actor=actor,
            obj=draft,
            agency=info_request.agency,
            action=REQUEST_DRAFT_RETURNED,
            from_state=DraftState.PENDING,
            to_state=DraftState.RETURNED,
            reason=reason,
            details={"request": info_request.pk, "kind": draft.kind, "drafted_by": draft.drafted_by_id},
        )
        _tell_drafter(draft, info_request, kind=REQUEST_DRAFT_RETURNED, actor=actor)
        queue_changed(unit_ids=[info_request.unit_id], obj=info_request, state=info_request.state)
    return info_request
