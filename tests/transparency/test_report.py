"""The annual report (Perki 1/2021 Pasal 56): its structure and totals, the PPID's texts, the PDF."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from agencies.models import StaffRole
from audit.models import Event
from ppid.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import make_staff
from tests.fixtures.scenario import AT
from tests.helpers import WIB, at
from transparency.models import AnnualReport
from transparency.report import annual_report_data, render_annual_report_pdf
from transparency.services import annual_report_save


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_report_follows_pasal_56_with_the_year_totals(scenario):
    report = annual_report_data(scenario.world.agency, 2026, at=AT)
    assert list(report["sections"]) == ["a", "b", "c", "d", "e", "f"]
    assert (report["year"], report["submission_due"]) == (2026, "2027-03-31")
    assert report["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert report["period_complete"] is False and report["prepared"] is False
    c = report["sections"]["c"]
    assert c["requests_received"] == 7
    assert (c["answered"], c["pending"], c["withdrawn"], c["extensions"]) == (4, 2, 1, 1)
    time = c["time_per_request"]
    assert (time["median"], time["p90"], time["max"]) == (10, 17, 17)
    assert time["by_band"] == {"0-5": 1, "6-10": 1, "11-17": 2, ">17": 0}
    assert time["by_decision"]["rejected"]["median"] == 10
    assert c["granted_whole_or_part"]["total"] == 2
    assert (c["granted_whole_or_part"]["granted"], c["granted_whole_or_part"]["partially_granted"]) == (1, 1)
    assert c["refused"]["count"] == 1
    # The refusal's grounds and those cited in the partial grant (h), counted together.
    assert {k: v for k, v in c["refused"]["by_ground"].items() if v} == {"a": 1, "h": 2}
    assert (c["not_held"], c["not_documented"]) == (1, 0)
    d = report["sections"]["d"]
    assert d["objections"]["received"] == 2
    assert d["objections"]["responses"] == {
        "granted": 0,
        "upheld": 1,
        "inadmissible": 0,
        "partially_granted": 0,
    }
    assert d["objections"]["responses_to_implement"] == 0
    assert d["ki_applications"] == 1
    assert d["mediation"]["failed"] == 1
    assert d["adjudication"]["agency_won"] == 1
    assert (d["ki_decisions_decided"], d["ki_decisions_complied"]) == (1, 0)
    assert d["lawsuits"] == {"total": 0, "by_court": {"ptun": 0, "pn": 0}, "kasasi": 0}
    for letter in "abef":
        assert report["sections"][letter]["text"] == ""
    # The report counts the year exactly, not as of a summary refresh.
    assert report["as_of"] == AT.isoformat()


def test_the_ppid_writes_the_texts_and_it_is_audited(scenario):
    w = scenario.world
    with at(2027, 3, 10, 9):  # before 31 March, for the year just ended
        report = annual_report_save(
            agency=w.agency,
            year=2026,
            actor=w.head,
            policy_text="Dua petugas, satu meja layanan, anggaran Rp 50 juta.",
            obstacles_text="Arsip belum digital.",
        )
        data = annual_report_data(w.agency, 2026)
    assert data["prepared"] and data["period_complete"]
    assert data["sections"]["a"]["text"].startswith("Dua petugas")
    assert data["sections"]["e"]["text"] == "Arsip belum digital."
    assert data["sections"]["b"]["text"] == ""
    event = Event.objects.for_object(report).get()
    assert event.action == "annual_report.saved" and event.actor == w.head
    assert event.details == {"year": 2026, "created": True, "sections": ["policy_text", "obstacles_text"]}
    assert "Dua petugas" not in str(event.details) and not event.reason
    with at(2027, 3, 11, 9):
        annual_report_save(
            agency=w.agency, year=2026, actor=w.admin, recommendations_text="Digitalisasi arsip."
        )
        annual_report_save(
            agency=w.agency, year=2026, actor=w.admin, recommendations_text="Digitalisasi arsip."
        )
    report.refresh_from_db()
    assert (report.policy_text[:11], report.recommendations_text) == ("Dua petugas", "Digitalisasi arsip.")
    assert report.updated_by == w.admin
    assert Event.objects.for_object(report).count() == 2  # the unchanged second save records nothing
    assert AnnualReport.objects.count() == 1


def test_who_may_write_the_report(scenario):
    w = scenario.world
    pelaksana_head = make_staff(w.pelaksana, StaffRole.PPID, username="kepala-pelaksana")
    for person in (w.officer, w.pelaksana_officer, w.atasan, w.auditor, pelaksana_head):
        with pytest.raises(PermissionDenied):
            annual_report_save(agency=w.agency, year=2026, actor=person, policy_text="x")
    for person in (w.citizen, w.outsider):
        with pytest.raises(NotFound):
            annual_report_save(agency=w.agency, year=2026, actor=person, policy_text="x")
    assert not AnnualReport.objects.exists()


@pytest.mark.parametrize(
    ("year", "texts", "field"),
    [
        (2027, {"policy_text": "x"}, "year"),  # a year that has not begun
        (1999, {"policy_text": "x"}, "year"),
        (2026, {"policy_text": "NIK pemohon 3273015505900001"}, "policy_text"),
        (2026, {"obstacles_text": "x" * 20_001}, "obstacles_text"),
        (2026, {"budget": "x"}, "budget"),
    ],
)
def test_invalid_report_texts(scenario, year, texts, field):
    with at(2026, 11, 1, 9), pytest.raises(ValidationError) as exc:
        annual_report_save(agency=scenario.world.agency, year=year, actor=scenario.world.head, **texts)
    assert field in exc.value.message_dict
    assert not AnnualReport.objects.exists()


def test_the_pdf(scenario):
    w = scenario.world
    with at(2027, 2, 1, 9):
        annual_report_save(
            agency=w.agency, year=2026, actor=w.head, implementation_text="Layanan daring dibuka."
        )
        text = pdf_text(render_annual_report_pdf(w.agency, 2026, at=dt.datetime(2027, 2, 1, 9, tzinfo=WIB)))
    flat = " ".join(text.split())
    assert "LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2026" in flat
    for heading in (
        "A. Gambaran umum kebijakan",
        "B. Gambaran umum pelaksanaan",
        "C. Rincian pelayanan",
        "D. Rincian penyelesaian sengketa",
        "E. Kendala",
        "F. Rekomendasi",
    ):
        assert heading in flat, heading
    assert "Layanan daring dibuka." in flat
    assert "Permohonan diterima 7" in flat
    assert "Permohonan ditolak 1" in flat
    assert "Pasal 17 huruf h: mengungkap rahasia pribadi 2" in flat
    assert "Sengketa diajukan 1" in flat
    assert "31 Maret 2027" in flat
    assert "Belum diisi oleh PPID." in flat  # the policy section is still empty
