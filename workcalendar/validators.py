"""The one window every date a person enters must fall in: forms, serializers and services all ask here.

A day before 1 January 2008 (UU 14/2008, the law every case here is under) cannot be the day a request,
objection, complaint or dispute step happened; nor can a day after today. Days that are planned (holidays,
deadlines to comply by, the ends of a query's range) may lie ahead, at most `PLANNING_YEARS` years. Dates
outside the window are refused with a message in the user's language, before anything is stored: a year-0001
"received" date would otherwise break every working-day count that reads it (the readers clamp to the same
window as well, for rows stored before this check, see transparency.workdays).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EARLIEST = dt.date(2008, 1, 1)
PLANNING_YEARS = 10


def latest(*, planned: bool, today: dt.date | None = None) -> dt.date:
    """The last day the window allows: today, or for planned days the end of the year `PLANNING_YEARS` on."""
    today = today or timezone.localdate()
    return dt.date(today.year + PLANNING_YEARS, 12, 31) if planned else today


def _local_date(value: dt.date | dt.datetime, tz) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            # Year 1 or 9999 in a far zone cannot be converted: it is outside the window either way.
            try:
                return value.astimezone(tz or timezone.get_current_timezone()).date()
            except OverflowError:
                return value.date()
        return value.date()
    return value


def date_window_error(
    value: dt.date | dt.datetime | None, *, planned: bool = False, agency=None, future_message=None
) -> str | None:
    """The message for a date outside the window (None when it is inside, or when there is no date). `planned`:
    a day that may lie ahead (a holiday, a deadline, the end of a range). `agency`: whose "today" counts.
    `future_message`: the field's own words for a day after today."""
    if value is None:
        return None
    tz = agency.tzinfo if agency is not None else None
    day = _local_date(value, tz)
    today = timezone.localdate(timezone=tz)
    if day < EARLIEST:
        return _("Tanggal tidak boleh sebelum %(date)s.") % {"date": date_format(EARLIEST, "j F Y")}
    last = latest(planned=planned, today=today)
    if day > last:
        if not planned:
            return str(future_message or _("Tanggal tidak boleh di masa depan."))
        return _("Tanggal paling lambat %(date)s.") % {"date": date_format(last, "j F Y")}
    return None


def check_date_window(value, *, planned: bool = False, agency=None, future_message=None) -> None:
    """`date_window_error` as a ValidationError (code ``date_window``)."""
    error = date_window_error(value, planned=planned, agency=agency, future_message=future_message)
    if error:
        raise ValidationError(error, code="date_window")


def window_errors(
    fields: dict, *, planned: frozenset[str] = frozenset(), agency=None
) -> dict[str, list[str]]:
    """The window's message per field name, for a service that checks several dates at once."""
    errors = {}
    for name, value in fields.items():
        error = date_window_error(value, planned=name in planned, agency=agency)
        if error:
            errors[name] = [error]
    return errors


@deconstructible
class DateWindowValidator:
    """For a form field, a DRF field (DRF runs Django validators) or a model's clean()."""

    def __init__(self, *, planned: bool = False, future_message=None):
        self.planned, self.future_message = planned, future_message

    def __call__(self, value) -> None:
        check_date_window(value, planned=self.planned, future_message=self.future_message)

    def __eq__(self, other) -> bool:
        return isinstance(other, DateWindowValidator) and (other.planned, other.future_message) == (
            self.planned,
            self.future_message,
        )

    def __hash__(self) -> int:
        return hash(self.planned)


past_date = DateWindowValidator()
planned_date = DateWindowValidator(planned=True)
# The day something was received: the words the services already use for a day ahead.
received_date = DateWindowValidator(
    future_message=gettext_lazy("Tanggal penerimaan tidak boleh di masa depan.")
)
incident_date = DateWindowValidator(
    future_message=gettext_lazy("Tanggal kejadian tidak boleh di masa depan.")
)
