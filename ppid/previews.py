"""Letters as they would be issued, without issuing them.

The officer's form is run through the very service that will issue the letter, inside a transaction that is
then rolled back. The preview is therefore made by the same checks, deadlines and wording as the real letter,
and nothing of it stays: no state change, no audit row, no notification, no e-mail (after-commit callbacks are
dropped with the rollback) and no stored file (response files are not passed in; the notice does not list
them). Errors are the service's own: NotFound, InvalidTransition and ValidationError.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from . import letters, services


def _dry_run(run: Callable[[], object], render: Callable[[object], bytes]) -> bytes:
    with transaction.atomic():
        obj = run()
        pdf = render(obj)
        transaction.set_rollback(True)
    return pdf


# Previews issue the letter, even where approval before issue would keep an officer's as a draft: the letter shown
# is the one the head's approval will issue, and the rollback keeps nothing of it.
def preview_extension_letter(*, request_id, actor, reason: str) -> bytes:
    return _dry_run(
        lambda: services.issue_extension(request_id=request_id, actor=actor, reason=reason),
        lambda obj: letters.render_extension_letter(obj, viewer=actor, preview=True),
    )


def preview_notice(*, request_id, actor, **notice) -> bytes:
    return _dry_run(
        lambda: services.issue_response(request_id=request_id, actor=actor, files=(), notice=notice),
        lambda obj: letters.render_notice(obj, viewer=actor, preview=True),
    )


def preview_draft(*, request_id, actor) -> tuple[bytes, str]:
    """The pending draft's letter as its approval would issue it, and its kind; NotFound without one."""
    from .approval import decode_payload, pending_draft
    from .errors import NotFound
    from .models import DraftKind, InformationRequest

    info_request = InformationRequest.objects.filter(pk=request_id).first()
    draft = pending_draft(info_request) if info_request is not None else None
    if draft is None:
        raise NotFound("")
    payload = decode_payload(draft.payload)
    if draft.kind == DraftKind.EXTEND:
        pdf = preview_extension_letter(
            request_id=request_id, actor=actor, reason=str(payload.get("reason", ""))
        )
    else:
        pdf = preview_notice(request_id=request_id, actor=actor, **payload)
    return pdf, draft.kind


def preview_objection_decision(*, objection_id, actor, **decision) -> bytes:
    return _dry_run(
        lambda: services.objection_decide(objection_id=objection_id, actor=actor, **decision),
        lambda obj: letters.render_objection_decision(obj, viewer=actor, preview=True),
    )
