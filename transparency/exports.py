"""Statistics as rows for a spreadsheet: one row per figure and month, in long ("tidy") form. Also the auditors'
compliance table and overdue list as rows, and the CSV encoding every download uses (`csv_bytes`).

Two forms of the same rows, both UTF-8 with a BOM:

- standard (the API's default, parsed by clients): `,` separators, the header of codes, numbers with a decimal
  point, rates and shares as fractions 0 to 1;
- spreadsheet (`spreadsheet=True`: the pages' downloads, and the API's ``dialect=spreadsheet``), for a
  spreadsheet program set to Indonesian: `;` separators, a first header row in Indonesian and the codes kept in
  a second header row, decimal comma, rates and shares as percentages ("66,67%").

In both, a text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is neutralised with a leading apostrophe (`neutralise`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from .definitions import DEFINITIONS, definition_for
from .statistics import BANDS

HEADER = ["agency", "unit", "period_start", "period_end", "month", "figure", "value", "definition"]
# The figures of transparency.selectors.compliance_by_unit, one column each (aging: one per band).
COMPLIANCE_FIELDS = [
    "received",
    "answered",
    "answered_on_time",
    "answered_late",
    "overdue_in_period",
    "on_time_rate",
    "extended",
    "extension_rate",
    "objected",
    "objection_rate",
    "open",
    *(f"aging_{label}" for label, _low, _high in BANDS),
    "overdue",
    "max_overdue_working_days",
    "objections_overdue",
    "complaints_open",
    "complaints_overdue",
    # Material asked of the unit (issue 16 point 4) answered after, or still owed past, its internal due date.
    "contributions_late",
    # The register's freshness (issue 18 point 2).
    "dip_published",
    "dip_berkala",
    "dip_berkala_overdue",
]
COMPLIANCE_HEADER = ["agency", "since", "at", "unit", "unit_name", "unit_code", *COMPLIANCE_FIELDS]
# The cases of transparency.selectors.overdue_cases: codes, numbers and dates, never a person.
OVERDUE_HEADER = [
    "agency",
    "at",
    "kind",
    "id",
    "number",
    "unit",
    "unit_name",
    "state",
    "clock",
    "due_date",
    "overdue_working_days",
    "received_on",
]


# The Indonesian heading of every column code (the spreadsheet form's first header row). Letters and files for
# Indonesian spreadsheets are in Indonesian, whatever the page's language; the codes follow on the second row.
HEADER_LABELS = {
    "agency": "Badan publik",
    "unit": "Unit",
    "period_start": "Awal periode",
    "period_end": "Akhir periode",
    "month": "Bulan",
    "figure": "Angka",
    "value": "Nilai",
    "definition": "Definisi",
    "since": "Sejak",
    "at": "Per waktu",
    "unit_name": "Nama unit",
    "unit_code": "Kode unit",
    "received": "Permohonan diterima",
    "answered": "Sudah dijawab",
    "answered_on_time": "Dijawab tepat waktu",
    "answered_late": "Dijawab terlambat",
    "overdue_in_period": "Terlambat dalam periode",
    "on_time_rate": "Tingkat ketepatan waktu",
    "extended": "Diperpanjang",
    "extension_rate": "Tingkat perpanjangan",
    "objected": "Diajukan keberatan",
    "objection_rate": "Tingkat keberatan",
    "open": "Masih terbuka",
    **{f"aging_{label}": f"Umur {label} hari kerja" for label, _low, _high in BANDS},
    "overdue": "Terlambat saat ini",
    "max_overdue_working_days": "Keterlambatan terlama (hari kerja)",
    "objections_overdue": "Keberatan terlambat",
    "complaints_open": "Pengaduan terbuka",
    "complaints_overdue": "Pengaduan terlambat",
    "contributions_late": "Permintaan bahan terlambat",
    "dip_published": "Informasi publik diumumkan",
    "dip_berkala": "Informasi berkala diumumkan",
    "dip_berkala_overdue": "Informasi berkala lewat jadwal pembaruan",
    "kind": "Jenis",
    "id": "ID",
    "number": "Nomor",
    "state": "Status",
    "clock": "Tenggat",
    "due_date": "Batas waktu",
    "overdue_working_days": "Terlambat (hari kerja)",
    "received_on": "Tanggal diterima",
}
# Columns (and, in the long form, figures) that hold a fraction 0 to 1, shown as a percentage in spreadsheets.
_FRACTION_SUFFIXES = ("_rate", "_share")
# Text a spreadsheet would run as a formula (CSV injection): OWASP's list of leading characters.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula, made plain text with a leading apostrophe.
    Numbers stay numbers (a negative number is not text and is not touched)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _decimal_comma(value) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    return str(value).replace(".", ",")


def _percent(value) -> object:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    return f"{float(value) * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def _spreadsheet_row(header: list[str], row: list) -> list:
    figure = row[header.index("figure")] if "figure" in header else ""
    cells = []
    for code, value in zip(header, row, strict=False):
        value = neutralise(value)
        fraction = code.endswith(_FRACTION_SUFFIXES) or (
            code == "value" and isinstance(figure, str) and figure.endswith(_FRACTION_SUFFIXES)
        )
        cells.append(_percent(value) if fraction else _decimal_comma(value))
    return cells


def csv_bytes(
    rows: Iterable[Iterable], *, spreadsheet: bool = False, labels: dict[str, str] | None = None
) -> bytes:
    """UTF-8 CSV with a BOM, so that spreadsheet programs read the Indonesian text as UTF-8. The first row is
    the header of codes. Every CSV the system produces is written here (see the module's docstring). `labels`
    words the codes of the first row for a spreadsheet, where HEADER_LABELS does not."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    rows = [list(row) for row in rows]
    if not spreadsheet:
        csv.writer(buffer).writerows([neutralise(cell) for cell in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    writer = csv.writer(buffer, delimiter=";")
    if rows:
        header = [str(code) for code in rows[0]]
        words = {**HEADER_LABELS, **(labels or {})}
        writer.writerow([words.get(code, code) for code in header])
        writer.writerow(header)
        writer.writerows(_spreadsheet_row(header, row) for row in rows[1:])
    return buffer.getvalue().encode("utf-8")


def _flatten(figures: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in figures.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{path}.")
        else:
            yield path, value


def _cell(value) -> object:
    return "" if value is None else value


def statistics_rows(stats: dict) -> list[list]:
    """The header, then every figure of the whole period (with its definition) and of each month."""
    scope, period = stats["scope"], stats["period"]
    lead = [scope["agency"] or "", scope["unit"] or "", period["start"], period["end"]]
    rows = [list(HEADER)]
    for path, value in _flatten(stats["figures"]):
        key = definition_for(path)
        rows.append([*lead, "", path, _cell(value), str(DEFINITIONS[key][1]) if key else ""])
    for month in stats["by_month"]:
        for path, value in _flatten(month["figures"]):
            rows.append([*lead, month["month"], path, _cell(value), ""])
    return rows


def _compliance_values(figures: dict) -> list:
    aging = figures["aging"]
    values = {**figures, **{f"aging_{label}": aging[label] for label, _low, _high in BANDS}}
    return [_cell(values[field]) for field in COMPLIANCE_FIELDS]


def compliance_rows(data: dict) -> list[list]:
    """The header, one row per unit of compliance_by_unit (the unit columns empty for complaints not yet
    dispositioned to a unit), then the agency's totals with ``total`` as its unit."""
    lead = [data["agency"], data["since"], data["at"]]
    rows = [list(COMPLIANCE_HEADER)]
    for unit in data["units"]:
        rows.append(
            [
                *lead,
                _cell(unit["unit"]),
                _cell(unit["unit_name"]),
                _cell(unit["unit_code"]),
                *_compliance_values(unit),
            ]
        )
    rows.append([*lead, "total", "", "", *_compliance_values(data["totals"])])
    return rows


def overdue_rows(data: dict) -> list[list]:
    """The header, then one row per case of overdue_cases (one page of it, or several added together)."""
    lead = [data["agency"], data["at"]]
    rows = [list(OVERDUE_HEADER)]
    for case in data["results"]:
        rows.append([*lead, *(_cell(case[field]) for field in OVERDUE_HEADER[2:])])
    return rows
