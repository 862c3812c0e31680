"""Registration numbers: unique per agency, series and year, without gaps even under concurrency.

The counter row is locked (SELECT ... FOR UPDATE) inside the transaction that creates the case, so a number
is either used by a committed case or rolled back with it: no gaps, no duplicates.
"""

import datetime as dt
import re
import string
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_FIELDS = {"seq", "year", "month", "month_roman", "unit", "agency"}
# Letter numbers (issue 17) also carry the archival classification code of the letter's kind.
_LETTER_FIELDS = _FIELDS | {"klasifikasi"}
LONGEST_CLASSIFICATION_CODE = 30
# The length of the fields numbers are stored in (InformationRequest.registration_number,
# Objection.registration_number, Complaint.tracking_number use it), per agency setting that formats them.
NUMBER_MAX_LENGTH = 100
NUMBER_FORMAT_SETTINGS = {
    "registration_number_format": NUMBER_MAX_LENGTH,
    "objection_number_format": NUMBER_MAX_LENGTH,
    "complaint_number_format": NUMBER_MAX_LENGTH,
    "letter_number_format": NUMBER_MAX_LENGTH,
}
# The longest values a number can be made of: the largest sequence RegistrationCounter.last_value (a
# PositiveIntegerField) holds, a four-digit year, the longest unit code (Unit.code) and agency code (slug).
LARGEST_SEQUENCE = 2_147_483_647
LARGEST_YEAR = 9999
LONGEST_UNIT_CODE = 20
LONGEST_AGENCY_SLUG = 60
# A format spec's width and precision (the only parts that can make a field long) are read before anything is
# rendered, so that "{seq:0999999999d}" is refused without building a gigabyte string.
_SPEC_SIZES = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?[a-zA-Z%]?$")


def render_number(
    fmt: str, *, seq: int, year: int, month: int, unit: str, agency: str, klasifikasi: str | None = None
) -> str:
    values = {"seq": seq, "year": year, "month": month, "month_roman": ROMAN[month - 1], "unit": unit}
    if klasifikasi is None:
        return fmt.format(agency=agency, **values)
    # A letter whose kind has no classification code yet reads without it, not with an empty element.
    number = fmt.format(agency=agency, klasifikasi=klasifikasi, **values)
    return re.sub(r"([/.\-])\1+", r"\1", number).strip("/.-")


def validate_number_format(
    fmt: str, field: str = "registration_number_format", *, agency_slug: str = ""
) -> None:
    """The format's elements are known, it holds {seq} and {year}, and every number it renders fits the
    field: with the largest sequence, the longest unit code, any month, and the agency's code (the longest
    possible one when not known yet)."""
    invalid = ValidationError({field: _("Format nomor tidak valid.")})
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise invalid from exc
    names = {name for _text, name, _spec, _conv in parsed if name is not None}
    limit = NUMBER_FORMAT_SETTINGS.get(field, NUMBER_MAX_LENGTH)
    too_long = ValidationError(
        {
            field: _(
                "Nomor dengan format ini bisa lebih panjang dari %(max)s karakter (dengan nomor urut terbesar "
                "dan kode unit terpanjang). Persingkat formatnya."
            )
            % {"max": limit}
        }
    )
    for _text, name, spec, _conv in parsed:
        if name is None or not spec:
            continue
        sizes = _SPEC_SIZES.match(spec)
        if "{" in spec or sizes is None:
            raise invalid
        if any(int(sizes[part] or 0) > limit for part in ("width", "precision")):
            raise too_long
    letter = field == "letter_number_format"
    unknown = names - (_LETTER_FIELDS if letter else _FIELDS)
    if unknown:
        raise ValidationError(
            {field: _("Unsur tidak dikenal: %(names)s.") % {"names": ", ".join(sorted(unknown))}}
        )
    if not {"seq", "year"} <= names:
        raise ValidationError({field: _("Format nomor wajib memuat {seq} dan {year}.")})
    try:
        longest = max(
            len(
                render_number(
                    fmt,
                    seq=LARGEST_SEQUENCE,
                    year=LARGEST_YEAR,
                    month=month,
                    unit="W" * LONGEST_UNIT_CODE,
                    agency=agency_slug or "w" * LONGEST_AGENCY_SLUG,
                    klasifikasi="K" * LONGEST_CLASSIFICATION_CODE if letter else None,
                )
            )
            for month in range(1, 13)
        )
    except (ValueError, KeyError, IndexError) as exc:
        raise invalid from exc
    if longest > limit:
        raise too_long
    if letter and "unit" not in names:
        # Letter numbers run per unit: without the unit's code, two units would issue the same number.
        raise ValidationError(
            {field: _("Format nomor surat wajib memuat {unit}: nomor surat berurutan per unit.")}
        )


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


class IssuedNumber(NamedTuple):
    number: str
    year: int
    sequence: int


def issue_number(
    *,
    agency,
    series: str,
    fmt: str,
    at: dt.datetime,
    unit_code: str = "",
    klasifikasi: str | None = None,
) -> IssuedNumber:
    """The next number of a series, rendered with the agency's format: the year and month are those of `at`
    in the agency's time zone. Call inside transaction.atomic() (see next_sequence). `klasifikasi` is for letter
    numbers, whose series are per unit (`letter.<unit id>`)."""
    local = at.astimezone(agency.tzinfo)
    seq = next_sequence(agency=agency, series=series, year=local.year)
    number = render_number(
        fmt,
        seq=seq,
        year=local.year,
        month=local.month,
        unit=unit_code,
        agency=agency.slug,
        klasifikasi=klasifikasi,
    )
    return IssuedNumber(number, local.year, seq)
