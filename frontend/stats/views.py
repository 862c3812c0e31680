"""The public transparency statistics (UU 14/2008 Pasal 12): open to everyone, counts and codes only.

Thin: the form checks the period (rules shared with the API in transparency.params), transparency.statistics
counts, and this module only puts labels on the codes for the charts and tables. The downloads are the public
API's own CSV and JSON.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from agencies.selectors import active_agencies
from complaints.models import ComplaintCategory, ComplaintState
from ppid.models import Channel, Decision, DisputeResult, ExemptionGround, ObjectionOutcome, RequestState
from transparency.params import period_bounds
from transparency.statistics import BANDS, complaint_statistics, request_statistics

from ..templatetags.charts import format_number, format_percent
from .forms import StatisticsForm


@dataclass
class Figure:
    """One chart and its table, with what its numbers mean."""

    id: str
    title: str
    rows: list[tuple[str, int | float | None]]
    definitions: list[dict] = field(default_factory=list)
    percent: bool = False
    columns: bool = False
    label_header: str = ""


@dataclass
class Tile:
    """A headline number."""

    label: str
    display: str
    definition: str = ""


def labelled(counts: dict, choices, extra: dict | None = None) -> list[tuple[str, int]]:
    """The counts of a figure in the order of its codes, each with its label in the active language."""
    labels = {**dict(choices), **(extra or {})}
    return [(str(labels.get(code, code)), value) for code, value in counts.items()]


def band_rows(bands: dict) -> list[tuple[str, int]]:
    return [
        (_("%(band)s hari kerja") % {"band": label.replace("-", "–")}, bands[label]) for label, *_r in BANDS
    ]


def clock_labels() -> dict[str, str]:
    return {
        "on_time": _("Tepat waktu"),
        "late": _("Terlambat"),
        "pending": _("Belum jatuh tempo"),
        "not_applicable": _("Tidak berlaku"),
    }


def month_rows(stats: dict, section: str, figure: str) -> list[tuple[str, int]]:
    return [
        (
            formats.date_format(dt.date.fromisoformat(f"{m['month']}-01"), "M Y"),
            m["figures"][section][figure],
        )
        for m in stats["by_month"]
    ]


def _days(value) -> str:
    return _("tidak ada data") if value is None else _("%(n)s hari kerja") % {"n": format_number(value)}


def _share(value) -> str:
    return _("tidak ada data") if value is None else format_percent(value)


class _Definitions:
    def __init__(self, stats: dict):
        self.all = stats["definitions"]

    def __call__(self, *keys: str) -> list[dict]:
        return [self.all[k] for k in keys if k in self.all]

    def label(self, key: str) -> str:
        return self.all[key]["label"]

    def text(self, key: str) -> str:
        return self.all[key]["definition"]


def request_view(stats: dict) -> dict:
    """Headline numbers and charts of request_statistics."""
    d = _Definitions(stats)
    req, obj, dsp = (stats["figures"][k] for k in ("requests", "objections", "disputes"))
    time = req["response_time"]
    tiles = [
        Tile(d.label("requests.received"), format_number(req["received"]), d.text("requests.received")),
        Tile(d.label("requests.answered"), format_number(req["answered"]), d.text("requests.answered")),
        Tile(d.label("requests.pending"), format_number(req["pending"]), d.text("requests.pending")),
        Tile(
            d.label("requests.pending_past_due"),
            format_number(req["pending_past_due"]),
            d.text("requests.pending_past_due"),
        ),
        Tile(
            d.label("requests.response_time.within_10_share"),
            _share(time["within_10_share"]),
            d.text("requests.response_time.within_10_share"),
        ),
        Tile(
            d.label("requests.response_time.median"),
            _days(time["median"]),
            d.text("requests.response_time.median"),
        ),
        Tile(
            d.label("requests.granted_whole_or_part"),
            format_number(req["granted_whole_or_part"]),
            d.text("requests.granted_whole_or_part"),
        ),
        Tile(
            d.label("requests.answered_from_register"),
            format_number(req["answered_from_register"]),
            d.text("requests.answered_from_register"),
        ),
        Tile(d.label("objections.received"), format_number(obj["received"]), d.text("objections.received")),
        Tile(d.label("disputes.filed"), format_number(dsp["filed"]), d.text("disputes.filed")),
    ]
    requests = [
        Figure(
            "req-month",
            _("Permohonan diterima per bulan"),
            month_rows(stats, "requests", "received"),
            d("requests.received"),
            columns=True,
            label_header=_("Bulan"),
        ),
        Figure(
            "req-decision",
            d.label("requests.decisions"),
            labelled(req["decisions"], Decision.choices),
            d("requests.decisions", "requests.granted_whole_or_part", "requests.answered_from_register"),
            label_header=_("Keputusan"),
        ),
        Figure(
            "req-on-time",
            _("Bagian yang dijawab tepat waktu"),
            [
                (_("Dalam 10 hari kerja"), time["within_10_share"]),
                (_("Dalam 17 hari kerja (dengan perpanjangan)"), time["within_17_share"]),
            ],
            d("requests.response_time.within_10_share", "requests.response_time.within_17_share"),
            percent=True,
            label_header=_("Batas waktu"),
        ),
        Figure(
            "req-time",
            d.label("requests.response_time.bands"),
            band_rows(time["bands"]),
            d("requests.response_time", "requests.response_time.bands"),
            label_header=_("Waktu menjawab"),
        ),
        Figure(
            "req-state",
            d.label("requests.by_state"),
            labelled(req["by_state"], RequestState.choices),
            d("requests.by_state"),
            label_header=_("Status"),
        ),
        Figure(
            "req-channel",
            d.label("requests.by_channel"),
            labelled(req["by_channel"], Channel.choices),
            d("requests.by_channel"),
            label_header=_("Saluran"),
        ),
        Figure(
            "req-refusal",
            d.label("requests.refusal_grounds"),
            labelled(req["refusal_grounds"], ExemptionGround.choices),
            d("requests.refusal_grounds"),
            label_header=_("Alasan (UU 14/2008 Pasal 17)"),
        ),
    ]
    disputes = [
        Figure(
            "obj-outcome",
            d.label("objections.by_outcome"),
            labelled(obj["by_outcome"], ObjectionOutcome.choices),
            d("objections.by_outcome"),
            label_header=_("Tanggapan"),
        ),
        Figure(
            "obj-timeliness",
            d.label("objections.response_timeliness"),
            labelled(obj["response_timeliness"], clock_labels().items()),
            d("objections.response_timeliness"),
            label_header=_("Ketepatan waktu"),
        ),
        Figure(
            "dsp-result",
            d.label("disputes.by_result"),
            labelled(dsp["by_result"], DisputeResult.choices, {"pending": _("Belum diputus")}),
            d("disputes.by_result"),
            label_header=_("Hasil"),
        ),
    ]
    return {
        "tiles": tiles,
        "groups": [(_("Permohonan informasi"), requests), (_("Keberatan dan sengketa"), disputes)],
    }


def complaint_view(stats: dict) -> dict:
    """Headline numbers and charts of complaint_statistics."""
    d = _Definitions(stats)
    cmp = stats["figures"]["complaints"]
    rating = cmp["rating"]
    average = (
        _("tidak ada data")
        if rating["average"] is None
        else _("%(average)s dari 5") % {"average": formats.number_format(rating["average"], 2)}
    )
    tiles = [
        Tile(d.label("complaints.received"), format_number(cmp["received"]), d.text("complaints.received")),
        Tile(
            d.label("complaints.anonymous"), format_number(cmp["anonymous"]), d.text("complaints.anonymous")
        ),
        Tile(
            _("Penyelesaian tepat waktu"),
            _share(cmp["resolution"]["on_time_share"]),
            d.text("complaints.resolution"),
        ),
        Tile(d.label("complaints.rating"), average, d.text("complaints.rating")),
    ]
    figures = [
        Figure(
            "cmp-month",
            _("Pengaduan diterima per bulan"),
            month_rows(stats, "complaints", "received"),
            d("complaints.received"),
            columns=True,
            label_header=_("Bulan"),
        ),
        Figure(
            "cmp-category",
            d.label("complaints.by_category"),
            labelled(cmp["by_category"], ComplaintCategory.choices),
            d("complaints.by_category"),
            label_header=_("Kategori"),
        ),
        Figure(
            "cmp-state",
            d.label("complaints.by_state"),
            labelled(cmp["by_state"], ComplaintState.choices),
            d("complaints.by_state"),
            label_header=_("Status"),
        ),
        Figure(
            "cmp-clocks",
            _("Bagian pengaduan ditangani tepat waktu"),
            [
                (d.label("complaints.verification"), cmp["verification"]["on_time_share"]),
                (d.label("complaints.followup"), cmp["followup"]["on_time_share"]),
                (d.label("complaints.resolution"), cmp["resolution"]["on_time_share"]),
            ],
            d("complaints.verification", "complaints.followup", "complaints.resolution"),
            percent=True,
            label_header=_("Tahap"),
        ),
        Figure(
            "cmp-rating",
            _("Sebaran penilaian pelapor"),
            [(_("Nilai %(score)s") % {"score": score}, n) for score, n in rating["by_score"].items()],
            d("complaints.rating"),
            label_header=_("Nilai"),
        ),
    ]
    return {"tiles": tiles, "groups": [(_("Pengaduan pelayanan publik"), figures)]}


def _download_query(agency, start: dt.date, end: dt.date) -> dict:
    query = {"agency": agency.slug} if agency else {}
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        query["year"] = start.year
    else:
        query.update(start=start.isoformat(), end=end.isoformat())
    return query


def downloads(agency, start: dt.date, end: dt.date) -> list[tuple[str, str, str]]:
    """(what, format, address) of the public API's files with the same figures."""
    query = _download_query(agency, start, end)
    links = []
    for name, what in (("api:stats-requests", _("Permohonan")), ("api:stats-complaints", _("Pengaduan"))):
        for fmt, extra in (("csv", {"dialect": "spreadsheet"}), ("json", {})):
            # The page's CSV is the spreadsheet form (`;`, Indonesian headers, decimal comma, percentages).
            address = f"{reverse(name)}?{urlencode({**query, 'format': fmt, **extra})}"
            links.append((what, fmt.upper(), address))
    return links


@require_GET
def statistics(request, agency: str | None = None):
    """/statistik/ (every agency, or the one chosen in the form) and /statistik/<agency>/."""
    path_agency = get_object_or_404(active_agencies(), slug=agency) if agency else None
    data = request.GET.copy()
    if path_agency is not None and "agency" not in data:
        data["agency"] = path_agency.slug
    form = StatisticsForm(data)
    context = {"form": form, "path_agency": path_agency}
    if form.is_valid():
        chosen = form.cleaned_data["agency"]
        start, end = period_bounds(
            chosen,
            year=form.cleaned_data["year"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
        requests = request_statistics(chosen, start=start, end=end)
        complaints = complaint_statistics(chosen, start=start, end=end)
        context.update(
            agency=chosen,
            start=start,
            end=end,
            requests=requests,
            complaints=complaints,
            request_view=request_view(requests),
            complaint_view=complaint_view(complaints),
            warnings=list(dict.fromkeys(requests["warnings"] + complaints["warnings"])),
            downloads=downloads(chosen, start, end),
            zone=chosen.time_zone if chosen else None,
        )
    return render(request, "frontend/stats/statistics.html", context)
