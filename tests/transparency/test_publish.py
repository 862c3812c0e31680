"""Publishing the annual report (Perki 1/2021 Pasal 56: available to the public at any time): who may, for which
year, with which texts; the frozen version the public reads; corrections with a reason; the audit trail."""

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader

from agencies.models import StaffRole
from audit.models import Event
from ppid.errors import NotFound, PermissionDenied, ValidationError
from tests.factories import make_staff
from tests.fixtures.scenario import SECRETS
from tests.helpers import WIB, at
from transparency.models import AnnualReport
from transparency.report import (
    annual_report_data,
    as_json,
    published_report_view,
    render_annual_report_pdf,
    render_published_report_pdf,
)
from transparency.services import annual_report_publish, annual_report_save

POLICY = "Satu meja layanan, dua petugas, anggaran Rp 50 juta."
IMPLEMENTATION = "Layanan daring dan luring dibuka setiap hari kerja."
PUBLICATIONS = ("annual_report.published", "annual_report.republished")


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def _write_texts(w, **extra):
    annual_report_save(
        agency=w.agency,
        year=2026,
        actor=w.head,
        policy_text=POLICY,
        implementation_text=IMPLEMENTATION,
        **extra,
    )


def test_publishing_freezes_the_figures_and_texts_of_that_moment(scenario, file_request):
    w = scenario.world
    with at(2027, 2, 1, 9):
        _write_texts(w, obstacles_text="Arsip belum digital.")
        report = annual_report_publish(agency=w.agency, year=2026, actor=w.head)
        live = annual_report_data(w.agency, 2026)
    assert report.published_at == dt.datetime(2027, 2, 1, 9, tzinfo=WIB)
    assert report.published_by == w.head
    report.refresh_from_db()
    snapshot = report.published_data
    # Exactly the report as it read then: the same figures and texts as the staff's page at that moment.
    assert snapshot == as_json(annual_report_data(w.agency, 2026, at=report.published_at))
    assert snapshot["sections"]["c"] == as_json(live)["sections"]["c"]
    assert json.loads(json.dumps(snapshot)) == snapshot  # plain JSON, nothing to convert back
    assert snapshot["sections"]["c"]["requests_received"] == 7
    assert snapshot["sections"]["a"]["text"] == POLICY
    assert snapshot["sections"]["e"]["text"] == "Arsip belum digital."
    assert snapshot["period_complete"] is True
    event = Event.objects.get(action="annual_report.published")
    assert (event.actor, event.reason, event.details) == (w.head, "", {"year": 2026})

    # A case received in 2026 but registered after publication, and a changed text, reach the draft only.
    with at(2026, 12, 30, 10):
        file_request()
    with at(2027, 2, 2, 9):
        annual_report_save(agency=w.agency, year=2026, actor=w.head, policy_text="Teks kebijakan dikoreksi.")
        draft = annual_report_data(w.agency, 2026)
    assert draft["sections"]["c"]["requests_received"] == 8
    assert draft["sections"]["a"]["text"] == "Teks kebijakan dikoreksi."
    report.refresh_from_db()
    assert report.published_data == snapshot
    assert report.published_at == dt.datetime(2027, 2, 1, 9, tzinfo=WIB)
    public = published_report_view(report.published_data)
    assert public["sections"]["c"]["requests_received"] == 7 and public["sections"]["a"]["text"] == POLICY


def test_publishing_again_is_a_correction_that_needs_a_reason(scenario, file_request):
    w = scenario.world
    with at(2027, 2, 1, 9):
        _write_texts(w)
        annual_report_publish(agency=w.agency, year=2026, actor=w.head, reason="Penerbitan pertama.")
    with at(2026, 12, 30, 10):
        file_request()
    with at(2027, 2, 3, 9), pytest.raises(ValidationError) as exc:
        annual_report_publish(agency=w.agency, year=2026, actor=w.admin, reason="   ")
    assert "tuliskan alasan penerbitan ulang" in exc.value.message_dict["reason"][0]
    report = AnnualReport.objects.get()
    assert report.published_data["sections"]["c"]["requests_received"] == 7
    assert report.published_by == w.head
    assert not Event.objects.filter(action="annual_report.republished").exists()

    with at(2027, 2, 3, 10):
        annual_report_publish(
            agency=w.agency, year=2026, actor=w.admin, reason="Satu permohonan Desember belum tercatat."
        )
    report.refresh_from_db()
    assert report.published_data["sections"]["c"]["requests_received"] == 8
    assert (report.published_by, report.published_at) == (w.admin, dt.datetime(2027, 2, 3, 10, tzinfo=WIB))
    first = Event.objects.for_object(report).get(action="annual_report.published")
    second = Event.objects.for_object(report).get(action="annual_report.republished")
    assert (first.actor, first.reason) == (w.head, "Penerbitan pertama.")
    assert (second.actor, second.reason, second.details) == (
        w.admin,
        "Satu permohonan Desember belum tercatat.",
        {"year": 2026},
    )
    for event in Event.objects.filter(action__startswith="annual_report."):
        assert POLICY not in json.dumps(event.details) and IMPLEMENTATION not in json.dumps(event.details)


@pytest.mark.parametrize(
    ("moment", "year", "message"),
    [
        ((2026, 11, 1, 9), 2026, "baru dapat diterbitkan setelah tahun itu berakhir, mulai 1 Januari 2027"),
        ((2027, 2, 1, 9), 2027, "baru dapat diterbitkan setelah tahun itu berakhir, mulai 1 Januari 2028"),
        ((2027, 2, 1, 9), 2028, "baru dapat diterbitkan setelah tahun itu berakhir"),
        ((2027, 2, 1, 9), 1999, "Tahun laporan paling awal 2000."),
    ],
)
def test_only_a_year_that_has_ended_is_published(scenario, moment, year, message):
    w = scenario.world
    with at(*moment):
        _write_texts(w)
        with pytest.raises(ValidationError) as exc:
            annual_report_publish(agency=w.agency, year=year, actor=w.head)
    assert message in exc.value.message_dict["year"][0]
    assert not AnnualReport.objects.published().exists()
    assert not Event.objects.filter(action="annual_report.published").exists()


def test_the_policy_and_implementation_sections_are_required(scenario):
    w = scenario.world
    with at(2027, 2, 1, 9), pytest.raises(ValidationError) as exc:
        annual_report_publish(agency=w.agency, year=2026, actor=w.head)  # nothing written yet
    assert exc.value.message_dict == {
        "policy_text": [
            "Bagian A (kebijakan pelayanan informasi publik) harus diisi sebelum laporan diterbitkan."
        ],
        "implementation_text": [
            "Bagian B (pelaksanaan pelayanan informasi publik) harus diisi sebelum laporan diterbitkan."
        ],
    }
    with at(2027, 2, 1, 9):
        annual_report_save(agency=w.agency, year=2026, actor=w.head, policy_text=POLICY, obstacles_text="x")
        with pytest.raises(ValidationError) as exc:
            annual_report_publish(agency=w.agency, year=2026, actor=w.head)
    assert list(exc.value.message_dict) == ["implementation_text"]
    assert not AnnualReport.objects.published().exists()
    assert not Event.objects.filter(action__in=PUBLICATIONS).exists()


def test_who_may_publish(scenario):
    w = scenario.world
    pelaksana_head = make_staff(w.pelaksana, StaffRole.PPID, username="kepala-pelaksana")
    with at(2027, 2, 1, 9):
        _write_texts(w)
        for person in (w.officer, w.pelaksana_officer, w.atasan, w.auditor, pelaksana_head):
            with pytest.raises(PermissionDenied):
                annual_report_publish(agency=w.agency, year=2026, actor=person)
        for person in (w.citizen, w.outsider):
            with pytest.raises(NotFound):
                annual_report_publish(agency=w.agency, year=2026, actor=person)
        assert not AnnualReport.objects.published().exists()
        annual_report_publish(agency=w.agency, year=2026, actor=w.admin)
    assert AnnualReport.objects.get().published_by == w.admin


def test_a_reason_with_a_nik_is_refused(scenario):
    w = scenario.world
    with at(2027, 2, 1, 9):
        _write_texts(w)
        with pytest.raises(ValidationError) as exc:
            annual_report_publish(agency=w.agency, year=2026, actor=w.head, reason="NIK 3273015505900001")
    assert "reason" in exc.value.message_dict
    assert not AnnualReport.objects.published().exists()


def test_the_published_pdf_is_the_snapshot_and_the_draft_pdf_is_live(scenario, file_request):
    w = scenario.world
    with at(2027, 2, 1, 9):
        _write_texts(w)
        annual_report_publish(agency=w.agency, year=2026, actor=w.head)
    with at(2026, 12, 30, 10):
        file_request()
    with at(2027, 2, 2, 9):
        published = pdf_text(render_published_report_pdf(AnnualReport.objects.get()))
        draft = pdf_text(render_annual_report_pdf(w.agency, 2026))
    assert "LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2026" in published
    assert "Permohonan diterima 7" in published and "Permohonan diterima 8" in draft
    assert "Diterbitkan pada 1 Februari 2027 09.00 WIB" in published
    assert "Angka dihitung dari sistem pada 1 Februari 2027 09.00 WIB" in published
    assert POLICY in published and "A. Gambaran umum kebijakan" in published
    assert "Diterbitkan pada" not in draft
    for secret in SECRETS:
        assert secret not in published


def test_the_api_says_whether_the_report_is_published(scenario, client):
    w = scenario.world
    url = "/api/v1/stats/annual-report/?agency=diskominfo&year=2026"
    with at(2027, 2, 1, 9):
        client.force_login(w.auditor)
        assert client.get(url).json()["published"] is False
        _write_texts(w)
        annual_report_publish(agency=w.agency, year=2026, actor=w.head)
        body = client.get(url).json()
    assert body["published"] is True
    assert dt.datetime.fromisoformat(body["published_at"]) == dt.datetime(2027, 2, 1, 9, tzinfo=WIB)
