"""Writing internal notes. Notes are append-only: there is no edit and no delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from audit.services import audit_record

from .events import NOTE_ADDED
from .models import CaseNote
from .selectors import may_see_notes

if TYPE_CHECKING:
    from accounts.models import User


def note_add(*, case: models.Model, author: User, text: str) -> CaseNote:
    """Add an internal note to `case` (which has an `agency`). Before: the author sees the case as staff
    (`may_see_notes`; else 404, as if the case did not exist) and the text is not empty and not over
    `LONG_TEXT_MAX_CHARS` (else ValidationError on `text`). Changes: one note and its audit row, recorded on the
    note (so no case timeline shows it) with the text as its staff-only reason. Nothing is sent."""
    if not may_see_notes(author, case):
        raise Http404
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Tuliskan isi catatan internal.")]})
    limit = settings.LONG_TEXT_MAX_CHARS
    if len(text) > limit:
        raise ValidationError(
            {"text": [_("Catatan internal paling banyak %(limit)d karakter.") % {"limit": limit}]}
        )
    agency = getattr(case, "agency")  # noqa: B009  # every case model has one; models.Model does not say so
    with transaction.atomic():
        note = CaseNote.objects.create(
            content_type=ContentType.objects.get_for_model(case),
            object_id=case.pk,
            agency=agency,
            author=author,
            text=text,
        )
        audit_record(
            actor=author,
            obj=note,
            action=NOTE_ADDED,
            agency=agency,
            reason=text,
            # Ids only: which case the note is on, for the trail's readers.
            details={
                "case_type": f"{note.content_type.app_label}.{note.content_type.model}",
                "case_id": case.pk,
            },
        )
    return note
