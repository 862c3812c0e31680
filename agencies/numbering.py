"""Registration numbers: unique per agency, series and year, without gaps even under concurrency.

The counter row is locked (SELECT ... FOR UPDATE) inside the transaction that creates the case, so a number
is either used by a committed case or rolled back with it: no gaps, no duplicates.
"""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_FIELDS = {"seq", "year", "month", "month_roman", "unit", "agency"}


def render_number(fmt: str, *, seq: int, year: int, month: int, unit: str, agency: str) -> str:
    return fmt.format(seq=seq, year=year, month=month, month_roman=ROMAN[month - 1], unit=unit, agency=agency)


def validate_number_format(fmt: str, field: str = "registration_number_format") -> None:
    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(fmt) if name is not None}
    except ValueError as exc:
        raise ValidationError({field: _("Format nomor tidak valid.")}) from exc
    unknown = names - _FIELDS
    if unknown:
        raise ValidationError(
            {field: _("Unsur tidak dikenal: %(names)s.") % {"names": ", ".join(sorted(unknown))}}
        )
    if not {"seq", "year"} <= names:
        raise ValidationError({field: _("Format nomor wajib memuat {seq} dan {year}.")})
    try:
        render_number(fmt, seq=1, year=2026, month=4, unit="PPID", agency="x")
    except (ValueError, KeyError, IndexError) as exc:
        raise ValidationError({field: _("Format nomor tidak valid.")}) from exc


def next_sequence(*, agency, series: str, year: int) -> int:
    """The next number of a series. Call inside transaction.atomic(): the counter row stays locked until
    the caller's transaction ends."""
    from .models import RegistrationCounter

    RegistrationCounter.objects.bulk_create(
        [RegistrationCounter(agency=agency, series=series, year=year, last_value=0)], ignore_conflicts=True
    )
    counter = RegistrationCounter.objects.select_for_update().get(agency=agency, series=series, year=year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return counter.last_value
