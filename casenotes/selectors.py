"""Reading internal notes. Who may read and write a case's notes is the case app's rule: the staff who see the
case as staff (never through their own filing), which each case app registers for its model with
`register_note_reach` from `AppConfig.ready`, since casenotes sits above the case apps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import CaseNote

if TYPE_CHECKING:
    from accounts.types import AnyUser

# `reach(user)`: the cases of one model this user sees as staff of the case's agency, without their own filings.
NoteReach = Callable[["AnyUser"], "QuerySet[Any]"]
_reach: dict[type[models.Model], NoteReach] = {}


def register_note_reach(model: type[models.Model], reach: NoteReach) -> None:
    """Called by a case app from `AppConfig.ready`: the notes of `model`'s cases are for `reach(user)`'s users."""
    _reach[model] = reach


def may_see_notes(user: AnyUser, case: models.Model) -> bool:
    """Staff who see the case as staff read and write its notes. Nobody else does, the requester or reporter
    least of all, even when they are staff of the agency themselves; a case type without a rule has no notes."""
    if not getattr(user, "is_authenticated", False):
        return False
    reach = _reach.get(type(case))
    return reach is not None and reach(user).filter(pk=case.pk).exists()


def notes_for(case: models.Model) -> QuerySet[CaseNote]:
    """The notes of one case, oldest first, with their authors. Unscoped: check `may_see_notes` first."""
    return CaseNote.objects.select_related("author").filter(
        content_type=ContentType.objects.get_for_model(case), object_id=case.pk
    )
