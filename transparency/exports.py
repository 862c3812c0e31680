"""Statistics as rows for a spreadsheet: one row per figure and month, in long ("tidy") form. Also the auditors'
compliance table and overdue list as rows, and the CSV encoding every download uses."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

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


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """UTF-8 CSV with a BOM, so that spreadsheet programs read the Indonesian text as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer).writerows(rows)
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
