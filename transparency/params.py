"""The rules of the transparency queries, shared by the API (api/stats.py) and the pages (frontend/): which days
and years may be asked for, how a period is chosen (a year, or a start and an end), the default period, which
years have an annual report, and the names of the downloaded files. Each check returns its message (or None), so
that a DRF serializer and a Django form show the same words."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Unit

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_PERIOD_DAYS = 5 * 366
DATE_INVALID = _("Tanggal tidak valid: gunakan format TTTT-BB-HH.")


def date_error(value: dt.date) -> str | None:
    """A day outside the years any figure can cover."""
    if not dt.date(FIRST_YEAR, 1, 1) <= value <= dt.date(LAST_YEAR, 12, 31):
        return _("Tanggal di luar jangkauan (%(first)s–%(last)s).") % {"first": FIRST_YEAR, "last": LAST_YEAR}
    return None


class PeriodError(NamedTuple):
    field: str  # "year" or "end"
    code: str  # "together", "both", "order" or "too_long": a page may word its own message
    message: str


def period_error(*, year: int | None, start: dt.date | None, end: dt.date | None) -> PeriodError | None:
    """The first thing wrong with a choice of period: a year, or a start and an end."""
    if (start is None) != (end is None):
        return PeriodError("end", "together", _("Isi start dan end bersama-sama."))
    if start is not None and year is not None:
        return PeriodError("year", "both", _("Pilih tahun atau rentang tanggal, bukan keduanya."))
    if start is not None and start > end:
        return PeriodError("end", "order", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
    if start is not None and (end - start).days > MAX_PERIOD_DAYS:
        return PeriodError("end", "too_long", _("Periode paling lama 5 tahun."))
    return None


def period_bounds(
    agency: Agency | None,
    *,
    year: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """The first and last day of receipt of a checked period; without one, the current year (in the agency's
    time zone, or the site's for every agency together)."""
    if start is not None and end is not None:
        return start, end
    year = year or timezone.localdate(timezone=agency.tzinfo if agency else None).year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def report_year_error(agency: Agency, year: int) -> str | None:
    """An annual report exists for a year that has begun (in the agency's time zone)."""
    if year > timezone.localdate(timezone=agency.tzinfo).year:
        return _("Laporan tahunan hanya untuk tahun yang sudah dimulai.")
    return None


def statistics_filename(
    kind: str, agency: Agency | None, unit: Unit | None, start: dt.date, end: dt.date
) -> str:
    """The stem of a statistics download, e.g. ``statistik-permohonan-diskominfo-2026-01-01-2026-12-31``."""
    name = f"statistik-{kind}-{(unit and unit.agency.slug) or (agency and agency.slug) or 'semua'}"
    return name + f"{f'-unit{unit.pk}' if unit else ''}-{start}-{end}"


def annual_report_filename(agency: Agency, year: int) -> str:
    return f"laporan-layanan-informasi-{agency.slug}-{year}.pdf"
