"""The annual report (Laporan Layanan Informasi Publik) of an agency and year in the structure of Perki 1/2021
Pasal 56 (ppid-law.md part 8.2), due by 31 March of the following year:

  a. policy (facilities, staff, budget) — text by the PPID
  b. implementation — text by the PPID
  c. requests: the number, the time per request by class, granted in whole or in part, refused with reasons
  d. disputes: objections and the responses, applications to the Komisi Informasi, mediation and adjudication
     results and their implementation, lawsuits, court results
  e. obstacles — text by the PPID
  f. recommendations — text by the PPID

The figures are counted live from the cases (an official document: exact, not as of the last summary refresh);
the texts come from AnnualReport. Like the letters of ppid/letters.py the PDF is always in Indonesian, rendered
under the agency's time zone, and WeasyPrint fetches nothing but ``data:`` URLs.
"""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from agencies.models import Agency
from ppid.models import (
    Channel,
    Court,
    Decision,
    DisputeResult,
    ExemptionGround,
    MediationResult,
    ObjectionGround,
    ObjectionOutcome,
)

from .models import AnnualReport
from .statistics import request_statistics

DUE_MONTH, DUE_DAY = 3, 31  # SLIP21 Pasal 56: three months after the fiscal year
TEXT_SECTIONS = {
    "a": "policy_text",
    "b": "implementation_text",
    "e": "obstacles_text",
    "f": "recommendations_text",
}


def submission_due(year: int) -> dt.date:
    return dt.date(year + 1, DUE_MONTH, DUE_DAY)


def annual_report_data(agency: Agency, year: int, *, at: dt.datetime | None = None) -> dict:
    """The report as data: sections a to f with their figures and texts (JSON-serialisable)."""
    at = at or timezone.now()
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    stats = request_statistics(agency, start=start, end=end, at=at, source="live")
    saved = AnnualReport.objects.filter(agency=agency, year=year).first()
    req, obj, dsp = (stats["figures"][k] for k in ("requests", "objections", "disputes"))
    decisions = req["decisions"]
    time = req["response_time"]
    appeals = dsp["appeals"]
    today = at.astimezone(agency.tzinfo).date()

    def text(letter: str) -> str:
        return getattr(saved, TEXT_SECTIONS[letter]) if saved else ""

    return {
        "agency": {"slug": agency.slug, "name": agency.name},
        "year": year,
        "period": stats["period"],
        "as_of": stats["as_of"],
        "period_complete": today > end,
        "submission_due": submission_due(year).isoformat(),
        "prepared": saved is not None,
        "updated_at": saved.updated_at.isoformat() if saved else None,
        "legal_basis": "UU 14/2008 Pasal 12; Perki 1/2021 Pasal 56",
        "warnings": stats["warnings"],
        "sections": {
            "a": {"title": _("Gambaran umum kebijakan pelayanan informasi publik"), "text": text("a")},
            "b": {"title": _("Gambaran umum pelaksanaan pelayanan informasi publik"), "text": text("b")},
            "c": {
                "title": _("Rincian pelayanan informasi publik"),
                "requests_received": req["received"],
                "by_channel": req["by_channel"],
                "by_state": req["by_state"],
                "answered": req["answered"],
                "pending": req["pending"],
                "withdrawn": req["withdrawn"],
                "time_per_request": {
                    "median": time["median"],
                    "p90": time["p90"],
                    "max": time["max"],
                    "within_10": time["within_10"],
                    "within_10_share": time["within_10_share"],
                    "within_17": time["within_17"],
                    "within_17_share": time["within_17_share"],
                    "by_band": time["bands"],
                    "by_decision": time["by_decision"],
                },
                "extensions": req["extensions"],
                "granted_whole_or_part": {
                    "total": req["granted_whole_or_part"],
                    "granted": decisions[Decision.GRANTED],
                    "partially_granted": decisions[Decision.PARTIALLY_GRANTED],
                    "partial_grounds": req["partial_grounds"],
                },
                "refused": {"count": decisions[Decision.REJECTED], "by_ground": req["refusal_grounds"]},
                "not_held": decisions[Decision.NOT_HELD],
                "not_documented": decisions[Decision.NOT_DOCUMENTED],
            },
            "d": {
                "title": _("Rincian penyelesaian sengketa informasi publik"),
                "objections": {
                    "received": obj["received"],
                    "by_ground": obj["by_ground"],
                    "by_state": obj["by_state"],
                    "responses": obj["by_outcome"],
                    "settled_by_agreement": obj["settled_by_agreement"],
                    "response_timeliness": obj["response_timeliness"],
                    # A granted objection obliges the PPID to provide: the response's implementation.
                    "responses_to_implement": obj["by_outcome"][ObjectionOutcome.GRANTED],
                },
                "ki_applications": dsp["filed"],
                "mediation": dsp["mediation"],
                "adjudication": dsp["by_result"],
                "ki_decisions_decided": dsp["decided"],
                "ki_decisions_complied": dsp["complied"],
                "lawsuits": {
                    "total": sum(appeals.values()),
                    "by_court": appeals,
                    "kasasi": dsp["kasasi_filed"],
                },
                "court_decisions_received": dsp["court_decisions_received"],
            },
            "e": {"title": _("Kendala eksternal dan internal"), "text": text("e")},
            "f": {"title": _("Rekomendasi dan rencana tindak lanjut"), "text": text("f")},
        },
        "definitions": stats["definitions"],
    }


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    labels = dict(choices)
    return [(str(labels.get(code, code)), n) for code, n in counts.items()]


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}".replace(".", ",") + "%"


def annual_report_tables(data: dict) -> dict:
    """The figures of annual_report_data as labelled rows in the active language: what the PDF and the web page
    show under sections C and D."""
    c, d = data["sections"]["c"], data["sections"]["d"]
    time = c["time_per_request"]
    return {
        "c": c,
        "d": d,
        "time": time,
        "by_channel": _labelled(c["by_channel"], Channel.choices),
        "by_decision": [(str(label), time["by_decision"][code]) for code, label in Decision.choices],
        "refusal_grounds": [
            (letter, str(label).removeprefix(f"{letter}. "), c["refused"]["by_ground"][letter])
            for letter, label in ExemptionGround.choices
        ],
        "objection_grounds": [
            (letter, str(label).removeprefix(f"{letter}. "), d["objections"]["by_ground"][letter])
            for letter, label in ObjectionGround.choices
        ],
        "objection_responses": _labelled(d["objections"]["responses"], ObjectionOutcome.choices),
        "mediation": _labelled(d["mediation"], [*MediationResult.choices, ("none", _("Tanpa mediasi"))]),
        "adjudication": _labelled(
            d["adjudication"], [*DisputeResult.choices, ("pending", _("Belum diputus"))]
        ),
        "courts": _labelled(d["lawsuits"]["by_court"], Court.choices),
        "within_10_share": _percent(time["within_10_share"]),
        "within_17_share": _percent(time["within_17_share"]),
    }


def render_annual_report_pdf(agency: Agency, year: int, *, at: dt.datetime | None = None) -> bytes:
    """The report as an A4 PDF in Indonesian."""
    with translation.override("id"), timezone.override(agency.tzinfo):
        data = annual_report_data(agency, year, at=at)
        context = {
            "agency": agency,
            "report": data,
            **annual_report_tables(data),
            "submission_due": dt.date.fromisoformat(data["submission_due"]),
            "generated_on": (at or timezone.now()).astimezone(agency.tzinfo),
        }
        html = render_to_string("transparency/report/annual_report.html", context)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
