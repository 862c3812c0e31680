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
the texts come from AnnualReport. Publishing (transparency.services.annual_report_publish) freezes this data as
it is at that moment (`annual_report_snapshot`); the public page and PDF render that snapshot
(`published_report_view`, `render_published_report_pdf`), never the live figures. Like the letters of
ppid/letters.py the PDF is always in Indonesian, rendered under the agency's time zone, and WeasyPrint fetches
nothing but ``data:`` URLs.
"""

from __future__ import annotations

import copy
import datetime as dt
import json

from django.core.serializers.json import DjangoJSONEncoder
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
from skm.ikm import DEFINITION as IKM_DEFINITION
from skm.ikm import ikm_table

from . import definitions
from .facts import order_implementation
from .models import AnnualReport
from .statistics import BANDS, request_statistics

DUE_MONTH, DUE_DAY = 3, 31  # SLIP21 Pasal 56: three months after the fiscal year
TEXT_SECTIONS = {
    "a": "policy_text",
    "b": "implementation_text",
    "e": "obstacles_text",
    "f": "recommendations_text",
}


def submission_due(year: int) -> dt.date:
    return dt.date(year + 1, DUE_MONTH, DUE_DAY)


def section_titles() -> dict[str, str]:
    """The headings of sections a to f in the active language."""
    return {
        "a": _("Gambaran umum kebijakan pelayanan informasi publik"),
        "b": _("Gambaran umum pelaksanaan pelayanan informasi publik"),
        "c": _("Rincian pelayanan informasi publik"),
        "d": _("Rincian penyelesaian sengketa informasi publik"),
        "e": _("Kendala eksternal dan internal"),
        "f": _("Rekomendasi dan rencana tindak lanjut"),
    }


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

    titles = section_titles()

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
            "a": {"title": titles["a"], "text": text("a")},
            "b": {"title": titles["b"], "text": text("b")},
            "c": {
                "title": titles["c"],
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
                # Grounds cited in partial grants count with those of refusals (UU 14/2008 Pasal 12: reasons).
                "refused": {
                    "count": decisions[Decision.REJECTED],
                    "by_ground": {
                        letter: n + req["partial_grounds"].get(letter, 0)
                        for letter, n in req["refusal_grounds"].items()
                    },
                },
                "notice_timeliness": req["notice_timeliness"],
                "not_held": decisions[Decision.NOT_HELD],
                "not_documented": decisions[Decision.NOT_DOCUMENTED],
                "answered_from_register": req["answered_from_register"],
            },
            "d": {
                "title": titles["d"],
                "objections": {
                    "received": obj["received"],
                    "by_ground": obj["by_ground"],
                    "by_state": obj["by_state"],
                    "responses": obj["by_outcome"],
                    "settled_by_agreement": obj["settled_by_agreement"],
                    "response_timeliness": obj["response_timeliness"],
                    # A granted or partly granted objection obliges the PPID to provide: the response's implementation.
                    "responses_to_implement": obj["by_outcome"][ObjectionOutcome.GRANTED]
                    + obj["by_outcome"][ObjectionOutcome.PARTIALLY_GRANTED],
                    # How the Atasan's orders were carried out (issue 16 point 6). Snapshots published before
                    # orders existed have no such key; the templates show the rows only when it is there.
                    "orders": order_implementation(agency, today=today, start=start, end=end),
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
            "e": {"title": titles["e"], "text": text("e")},
            "f": {"title": titles["f"], "text": text("f")},
        },
        "definitions": stats["definitions"],
        # The satisfaction survey of the year (skm.ikm, aggregate only); snapshots published before have none.
        "ikm": {
            "definition": str(IKM_DEFINITION),
            "rows": [row.as_dict() for row in ikm_table(agency, year=year)],
        },
    }


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    """The counts in the order of the choices (then any other code): a published snapshot comes back from
    PostgreSQL's jsonb with its keys reordered."""
    labels = dict(choices)
    order = [code for code in labels if code in counts] + [code for code in counts if code not in labels]
    return [(str(labels.get(code, code)), counts[code]) for code in order]


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
        "ikm": data.get("ikm"),
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
        "mediation": _labelled(
            d["mediation"],
            [
                *MediationResult.choices,
                ("none", _("Tanpa mediasi")),
                ("pending", _("Mediasi belum ada hasil")),
            ],
        ),
        "adjudication": _labelled(
            d["adjudication"], [*DisputeResult.choices, ("pending", _("Belum diputus"))]
        ),
        "courts": _labelled(d["lawsuits"]["by_court"], Court.choices),
        "by_band": [(label, time["by_band"][label]) for label, *_bounds in BANDS],
        "within_10_share": _percent(time["within_10_share"]),
        "within_17_share": _percent(time["within_17_share"]),
    }


def as_json(data: dict) -> dict:
    """`data` exactly as a JSONField gives it back (dates as ISO strings, choice codes as plain strings)."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def annual_report_snapshot(agency: Agency, year: int, *, at: dt.datetime) -> dict:
    """What publishing freezes: annual_report_data at `at`, in Indonesian (the report's official language),
    as stored. Figures are counts and codes; the texts are the PPID's, checked for NIK-shaped numbers when
    saved."""
    with translation.override("id"):
        return as_json(annual_report_data(agency, year, at=at))


def published_report_view(snapshot: dict) -> dict:
    """A stored snapshot ready for annual_report_tables and the templates: its figures, texts and warnings as
    published; only the section headings and the definitions of the figures follow the active language."""
    data = copy.deepcopy(snapshot)
    for letter, title in section_titles().items():
        data["sections"][letter]["title"] = title
    current = definitions.rendered()
    data["definitions"] = {key: current.get(key, value) for key, value in data.get("definitions", {}).items()}
    return data


def _without_titles(data: dict) -> dict:
    return {
        letter: {k: v for k, v in section.items() if k != "title"}
        for letter, section in data["sections"].items()
    }


def differs_from_published(snapshot: dict, data: dict) -> bool:
    """Whether the draft (annual_report_data now) has other figures or texts than the published snapshot."""
    return _without_titles(as_json(data)) != _without_titles(snapshot)


def render_annual_report_pdf_from(
    agency: Agency, data: dict, *, generated_on: dt.datetime, published_at: dt.datetime | None = None
) -> bytes:
    """`data` (annual_report_data, or a published snapshot through published_report_view) as an A4 PDF in
    Indonesian. Build `data` under translation.override("id") too, so that its headings match the labels."""
    with translation.override("id"), timezone.override(agency.tzinfo):
        context = {
            "agency": agency,
            "report": data,
            **annual_report_tables(data),
            "submission_due": dt.date.fromisoformat(data["submission_due"]),
            "generated_on": generated_on.astimezone(agency.tzinfo),
            "published_at": published_at.astimezone(agency.tzinfo) if published_at else None,
        }
        html = render_to_string("transparency/report/annual_report.html", context)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def render_annual_report_pdf(agency: Agency, year: int, *, at: dt.datetime | None = None) -> bytes:
    """The report (the live draft) as an A4 PDF in Indonesian."""
    at = at or timezone.now()
    with translation.override("id"), timezone.override(agency.tzinfo):
        data = annual_report_data(agency, year, at=at)
    return render_annual_report_pdf_from(agency, data, generated_on=at)


def render_published_report_pdf(report: AnnualReport) -> bytes:
    """The published version of a report as an A4 PDF: the snapshot, not today's figures."""
    with translation.override("id"):
        data = published_report_view(report.published_data)
    return render_annual_report_pdf_from(
        report.agency,
        data,
        generated_on=dt.datetime.fromisoformat(data["as_of"]),
        published_at=report.published_at,
    )


def published_reports(agency: Agency):
    """The agency's published annual reports, newest year first (only the columns the list shows)."""
    return AnnualReport.objects.published().filter(agency=agency).only("pk", "agency", "year", "published_at")


def published_report(agency: Agency, year: int) -> AnnualReport | None:
    return AnnualReport.objects.published().filter(agency=agency, year=year).select_related("agency").first()


def publication_status(agency: Agency, year: int) -> dict:
    """Whether the report of the year is published, and when (last): for the API's report output."""
    published_at = (
        AnnualReport.objects.published()
        .filter(agency=agency, year=year)
        .values_list("published_at", flat=True)
        .first()
    )
    return {"published": published_at is not None, "published_at": published_at and published_at.isoformat()}
