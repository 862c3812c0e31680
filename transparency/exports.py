"""Statistics as rows for a spreadsheet: one row per figure and month, in long ("tidy") form."""

from __future__ import annotations

from collections.abc import Iterator

from .definitions import DEFINITIONS, definition_for

HEADER = ["agency", "unit", "period_start", "period_end", "month", "figure", "value", "definition"]


def _flatten(figures: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    for key, value in figures.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{path}.")
        else:
            yield path, value


def statistics_rows(stats: dict) -> list[list]:
    """The header, then every figure of the whole period (with its definition) and of each month."""
    scope, period = stats["scope"], stats["period"]
    lead = [scope["agency"] or "", scope["unit"] or "", period["start"], period["end"]]
    rows = [list(HEADER)]
    for path, value in _flatten(stats["figures"]):
        key = definition_for(path)
        rows.append(
            [*lead, "", path, "" if value is None else value, str(DEFINITIONS[key][1]) if key else ""]
        )
    for month in stats["by_month"]:
        for path, value in _flatten(month["figures"]):
            rows.append([*lead, month["month"], path, "" if value is None else value, ""])
    return rows
