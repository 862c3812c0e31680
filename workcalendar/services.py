"""Writes to the holiday calendar. Every change is audited with who and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from audit.services import audit_record

from .events import HOLIDAY_CREATED, HOLIDAY_DELETED, HOLIDAY_UPDATED
from .models import Holiday
from .selectors import can_edit_holiday
from .validators import date_window_error

if TYPE_CHECKING:
    from accounts.models import User


def _snapshot(holiday: Holiday) -> dict[str, Any]:
    data = model_to_dict(holiday, fields=["date", "name", "kind", "decree", "province_code", "agency"])
    data["date"] = holiday.date.isoformat()
    return data


def holiday_save(*, actor: User, holiday: Holiday, reason: str = "") -> Holiday:
    """Create or update a holiday the actor may edit. `holiday` has passed full_clean()."""
    if not can_edit_holiday(actor, holiday):
        raise PermissionDenied(_("Anda tidak berwenang mengubah hari libur ini."))
    if error := date_window_error(holiday.date, planned=True):
        raise ValidationError({"date": [error]})
    creating = holiday.pk is None
    with transaction.atomic():
        before = None if creating else _snapshot(Holiday.objects.select_for_update().get(pk=holiday.pk))
        if not creating and before != _snapshot(holiday):
            holiday.source = "administrator"  # re-seeding from the library leaves a corrected day alone
        holiday.save()
        audit_record(
            actor=actor,
            obj=holiday,
            agency=holiday.agency,
            reason=reason,
            action=HOLIDAY_CREATED if creating else HOLIDAY_UPDATED,
            details={"before": before, "after": _snapshot(holiday)},
        )
    return holiday


def holiday_delete(*, actor: User, holiday: Holiday, reason: str = "") -> None:
    if not can_edit_holiday(actor, holiday):
        raise PermissionDenied(_("Anda tidak berwenang menghapus hari libur ini."))
    with transaction.atomic():
        audit_record(
            actor=actor,
            obj=holiday,
            agency=holiday.agency,
            action=HOLIDAY_DELETED,
            reason=reason,
            details={"before": _snapshot(holiday)},
        )
        holiday.delete()
