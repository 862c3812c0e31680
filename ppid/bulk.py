"""Bulk actions on a selection of requests (issue 16 point 8): what would happen to each, then doing it.

Each case goes through its own service: the preview runs it inside a transaction that is rolled back (as
`ppid.previews` does for letters), so it says exactly what the service would do or why it would refuse; the run
calls it for real, one transaction per case, so a case that fails leaves the others done, each with its own audit
row. A case the actor cannot see is "not found", whether or not it exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import services
from .errors import InvalidTransition, NotFound
from .models import InformationRequest
from .selectors import requests_seen_as_staff

if TYPE_CHECKING:
    from accounts.models import User
    from agencies.models import Unit

MAX_SELECTION = 100


class BulkAction:
    ASSIGN = "assign"
    FORWARD = "forward"
    COMPLETE = "complete"
    EXPORT = "export"
    ALL = (ASSIGN, FORWARD, COMPLETE, EXPORT)


@dataclass(frozen=True)
class BulkOutcome:
    """One case of a selection: its id, the request when the actor sees it, and what happens (or why not)."""

    request_id: int
    request: InformationRequest | None
    ok: bool
    message: str


@dataclass(frozen=True)
class BulkParams:
    officer: User | None = None  # assign: None releases
    unit: Unit | None = None  # forward
    text: str = ""  # assign: the reason; forward: the note


def _error_text(error: Exception) -> str:
    if isinstance(error, NotFound):
        return _("Tidak ditemukan.")
    if isinstance(error, ValidationError):
        return " ".join(str(m) for m in error.messages)
    if isinstance(error, InvalidTransition):
        return error.message
    return str(error) or _("Anda tidak berwenang melakukan tindakan ini pada permohonan ini.")


def _runner(action: str, actor: User, params: BulkParams) -> Callable[[int], InformationRequest]:
    if action == BulkAction.ASSIGN:
        officer_id = params.officer.pk if params.officer is not None else None
        return lambda pk: services.information_request_assign(
            request_id=pk, actor=actor, officer_id=officer_id, reason=params.text
        )
    if action == BulkAction.FORWARD:
        return lambda pk: services.information_request_forward(
            request_id=pk, actor=actor, unit=params.unit, note=params.text
        )
    if action == BulkAction.COMPLETE:
        return lambda pk: services.information_request_complete(request_id=pk, actor=actor)
    raise ValueError(action)


def _will_do(action: str, params: BulkParams) -> str:
    if action == BulkAction.ASSIGN:
        if params.officer is None:
            return _("Penugasan dilepas.")
        name = params.officer.get_full_name() or params.officer.username
        return _("Ditugaskan kepada %(name)s.") % {"name": name}
    if action == BulkAction.FORWARD:
        return _("Diteruskan ke %(unit)s.") % {"unit": params.unit.name if params.unit else ""}
    if action == BulkAction.COMPLETE:
        return _("Ditandai selesai.")
    return _("Dimasukkan ke berkas CSV.")


def _selection(ids: Iterable[int], actor: User) -> tuple[list[int], dict[int, InformationRequest]]:
    """The ids in the order given, once each and at most MAX_SELECTION; the requests among them the actor sees as
    staff (never their own filings: a bulk action is the queue's)."""
    unique = list(dict.fromkeys(ids))[:MAX_SELECTION]
    visible = requests_seen_as_staff(actor).select_related("assigned_to").filter(pk__in=unique)
    return unique, {r.pk: r for r in visible}


def bulk_preview(*, action: str, ids: Iterable[int], actor: User, params: BulkParams) -> list[BulkOutcome]:
    """What `bulk_run` would do to each case, without doing it: every service runs and is rolled back."""
    unique, found = _selection(ids, actor)
    if action == BulkAction.EXPORT:
        missing = _error_text(NotFound())
        return [
            BulkOutcome(pk, found.get(pk), pk in found, _will_do(action, params) if pk in found else missing)
            for pk in unique
        ]
    run = _runner(action, actor, params)
    outcomes = []
    for pk in unique:
        if pk not in found:
            outcomes.append(BulkOutcome(pk, None, False, _error_text(NotFound())))
            continue
        try:
            with transaction.atomic():
                run(pk)
                transaction.set_rollback(True)
        except (NotFound, PermissionDenied, InvalidTransition, ValidationError) as error:
            outcomes.append(BulkOutcome(pk, found[pk], False, _error_text(error)))
        else:
            outcomes.append(BulkOutcome(pk, found[pk], True, _will_do(action, params)))
    return outcomes


def bulk_run(*, action: str, ids: Iterable[int], actor: User, params: BulkParams) -> list[BulkOutcome]:
    """Each case through its own service, each in its own transaction with its own audit row: one that fails is
    reported with the reason and leaves the others done. Export changes nothing (the caller writes the file)."""
    unique, found = _selection(ids, actor)
    if action == BulkAction.EXPORT:
        return bulk_preview(action=action, ids=unique, actor=actor, params=params)
    run = _runner(action, actor, params)
    outcomes = []
    for pk in unique:
        if pk not in found:
            outcomes.append(BulkOutcome(pk, None, False, _error_text(NotFound())))
            continue
        try:
            done = run(pk)
        except (NotFound, PermissionDenied, InvalidTransition, ValidationError) as error:
            outcomes.append(BulkOutcome(pk, found[pk], False, _error_text(error)))
        else:
            outcomes.append(BulkOutcome(pk, done, True, _will_do(action, params)))
    return outcomes
