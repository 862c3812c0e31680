"""Bar charts drawn on the server as inline SVG, each with the same numbers in a table beside it.

    {% load charts %}
    {% bar_chart rows chart_id="req-month" title=_("Permohonan per bulan") columns=True %}

`rows` is a list of (label, value): a count, or with ``percent=True`` a share from 0 to 1 (``None`` when there
is nothing to divide by). The SVG has role="img", a <title> that names it and a <desc> that lists every value,
and each bar carries its label and value as text, so nothing is told by colour alone. No JavaScript, no
external assets.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()

WIDTH = 300  # the viewBox; the picture scales to its box (app.css caps its width), about 1:1 on a phone
LABEL_LINE = 18  # horizontal bars: a 14-unit label line
BAR = 16
VALUE_ROOM = 62  # room right of the longest bar for its value ("100,0%")
WRAP = 36  # characters of a label line
PLOT_TOP, PLOT_HEIGHT, COLUMN_LABEL_LINE = 22, 140, 14


def format_number(value) -> str:
    """A count in the active language's format (1.234 in Indonesian)."""
    return formats.number_format(value, force_grouping=True)


def format_percent(value) -> str:
    """A share from 0 to 1 as a percentage with one decimal (66,7% in Indonesian)."""
    return f"{formats.number_format(round(value * 100, 1), 1)}%"


def _missing() -> str:
    """A dash for the eye and words for a screen reader, in a table cell without a value."""
    return format_html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>', _("tidak ada data")
    )


@register.filter(name="count")
def count_filter(value) -> str:
    return _missing() if value is None else format_number(value)


@register.filter(name="share")
def share_filter(value) -> str:
    return _missing() if value is None else format_percent(value)


def _display(value, percent: bool) -> str:
    """The value written beside a bar and in the chart's table: plain text."""
    if value is None:
        return _("tidak ada data")
    return format_percent(value) if percent else format_number(value)


@register.filter
def iso_datetime(value: str | None):
    """An ISO 8601 moment from a statistics dict, as a datetime the `date` filter can show."""
    return dt.datetime.fromisoformat(value) if value else None


@register.filter
def iso_date(value: str | None):
    return dt.date.fromisoformat(value) if value else None


@dataclass
class Bar:
    label: str
    value: float | int | None
    display: str
    lines: list[tuple[float, str]]  # (y, text) of the label's lines
    x: float
    y: float
    width: float
    height: float
    value_x: float
    value_y: float


def _horizontal(rows) -> tuple[list[Bar], float]:
    """Each label on its own line(s) above its bar: long Indonesian labels wrap instead of shrinking."""
    bars, y, room = [], 0.0, WIDTH - VALUE_ROOM
    for label, value, display, scaled in rows:
        lines = textwrap.wrap(label, WRAP) or [""]
        label_lines = [(y + 14 + i * LABEL_LINE, line) for i, line in enumerate(lines)]
        bar_y = y + len(lines) * LABEL_LINE + 4
        width = max(room * scaled, 2 if value else 0)
        bars.append(Bar(label, value, display, label_lines, 0, bar_y, width, BAR, width + 6, bar_y + BAR - 3))
        y = bar_y + BAR + 14
    return bars, y


def _vertical(rows) -> tuple[list[Bar], float]:
    """Columns for a series in time (months): the label under each column, one word a line, the value above
    it. A later line repeating the column before (the year of "Feb 2026") is left out."""
    slot = WIDTH / max(len(rows), 1)
    width = slot * 0.6
    bottom = PLOT_TOP + PLOT_HEIGHT
    bars, deepest, previous = [], 1, []
    for i, (label, value, display, scaled) in enumerate(rows):
        height = max(PLOT_HEIGHT * scaled, 2 if value else 0)
        x = i * slot + (slot - width) / 2
        words = label.split() or [""]
        lines = words[:1] if words[1:] == previous[1:] else words
        previous = words
        deepest = max(deepest, len(lines))
        label_lines = [(bottom + 16 + j * COLUMN_LABEL_LINE, line) for j, line in enumerate(lines)]
        top = bottom - height
        bars.append(Bar(label, value, display, label_lines, x, top, width, height, x + width / 2, top - 5))
    return bars, bottom + 8 + deepest * COLUMN_LABEL_LINE + 4


@register.inclusion_tag("frontend/charts/bar_chart.html")
def bar_chart(
    rows,
    chart_id: str,
    title: str,
    *,
    percent: bool = False,
    columns: bool = False,
    label_header: str = "",
    value_header: str = "",
    caption: str = "",
    table: bool = True,
) -> dict:
    rows = [(str(label), value) for label, value in rows]
    values = [v for _label, v in rows if v is not None]
    top = 1 if percent else max([*values, 0])
    prepared = [
        (label, value, _display(value, percent), (value or 0) / top if top else 0) for label, value in rows
    ]
    # Time series with few enough points read best as columns; many months fall back to labelled bars.
    vertical = columns and 0 < len(rows) <= 12
    bars, height = (_vertical if vertical else _horizontal)(prepared)
    return {
        "id": chart_id,
        "title": title,
        "summary": "; ".join(f"{label}: {display}" for label, _v, display, _s in prepared),
        "bars": bars,
        "vertical": vertical,
        "width": WIDTH,
        "height": round(height),
        "baseline": PLOT_TOP + PLOT_HEIGHT,
        "track": WIDTH - VALUE_ROOM,
        "empty": not any(values),
        "label_header": label_header or _("Kategori"),
        "value_header": value_header or (_("Persentase") if percent else _("Jumlah")),
        "caption": caption or title,
        "table": table,
    }
