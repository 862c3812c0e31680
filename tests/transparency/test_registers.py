"""Issue 16 point 9: the Buku Register Permohonan and the Register Keberatan, in the prescribed columns, per unit
and period, as XLSX, CSV (`;`, Indonesian headers), JSON and PDF; the requester's address and contacts only for
those who may see them; every download in the audit trail; nobody outside the agency's staff."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from rest_framework.test import APIClient

from audit.models import Event
from ppid import services as s
from tests.helpers import at

pytestmark = pytest.mark.django_db

URL = "/api/v1/registers/requests/"
OBJECTIONS = "/api/v1/registers/objections/"
PERIOD = {"agency": "diskominfo", "from": "2026-11-01", "to": "2026-11-30"}


def api(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def cases(world, file_request):
    """November 2026: one request answered in part with a fee, one forwarded to Dinas Kesehatan, an objection to
    the first, and a ground-b objection without a request; one request from October outside the period."""
    with at(2026, 10, 20, 10):
        file_request(information_requested="Dokumen bulan Oktober")
    with at(2026, 11, 2, 10):
        answered = file_request(information_requested="Daftar penerima beasiswa 2025")
        forwarded = file_request(user=world.other_citizen, information_requested="Data tenaga kesehatan 2025")
    with at(2026, 11, 3, 10):
        s.information_request_forward(
            request_id=forwarded.pk, actor=world.officer, unit=world.pelaksana, note="Data di Dinas Kesehatan"
        )
        s.information_request_process(request_id=answered.pk, actor=world.officer)
        s.information_request_respond(
            request_id=answered.pk,
            actor=world.officer,
            decision="partially_granted",
            exemption_grounds=["h"],
            consequence_test="NIK penerima adalah data pribadi.",
            provided_information="Nama penerima per sekolah.",
            redactions="Kolom NIK dihitamkan (Pasal 17 huruf h).",
            fee_amount=15000,
            fee_details="Fotokopi 30 lembar, bayar tunai di loket",
        )
    with at(2026, 11, 4, 10):
        objection = s.objection_file(
            requester=world.citizen,
            request_id=answered.pk,
            grounds=["a"],
            reason="NIK dapat dihitamkan saja.",
        )
        periodic = s.objection_file_periodic(
            requester=world.other_citizen,
            agency=world.agency,
            unit=world.pelaksana,
            information="Laporan keuangan 2025",
            reason="Tidak diumumkan.",
        )
    return {"answered": answered, "forwarded": forwarded, "objection": objection, "periodic": periodic}


def test_the_officer_downloads_the_request_register_as_xlsx_in_the_prescribed_columns(world, cases):
    resp = api(world.officer).get(URL, {**PERIOD, "format": "xlsx"})
    assert resp.status_code == 200
    assert resp["Content-Disposition"] == (
        'attachment; filename="register-permohonan-diskominfo-20261101-20261130.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(resp.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Buku Register Permohonan Informasi Publik"] + [None] * (len(rows[0]) - 1)
    header = rows[3]
    for column in (
        "Nomor registrasi",
        "Tanggal permohonan",
        "Nama pemohon",
        "Alamat",
        "Rincian informasi yang dibutuhkan",
        "Tujuan penggunaan informasi",
        "Keputusan",
        "Alasan penolakan",
        "Tanggal pemberitahuan tertulis",
        "Biaya dan cara pembayaran",
    ):
        assert column in header, column
    body = [dict(zip(header, row, strict=True)) for row in rows[4:]]
    assert [r["Nomor registrasi"] for r in body] == [
        cases["answered"].registration_number,
        cases["forwarded"].registration_number,
    ]  # October's request is outside the period
    first = body[0]
    assert first["Nama pemohon"] == "Siti" and first["Alamat"] == "Jl. Contoh No. 1, Bandung"
    assert first["Keputusan"] == "Diterima sebagian"
    assert "mengungkap rahasia pribadi" in first["Alasan penolakan"]
    assert first["Biaya dan cara pembayaran"] == "Rp 15.000 (Fotokopi 30 lembar, bayar tunai di loket)"
    assert first["Tanggal permohonan"].date() == dt.date(2026, 11, 2)  # a real date in the workbook
    assert first["Status informasi (dikuasai / tidak dikuasai / belum didokumentasikan)"] == "Dikuasai"


def test_an_auditor_gets_the_register_without_addresses_and_the_download_is_recorded(world, cases):
    resp = api(world.auditor).get(URL, PERIOD)
    assert resp.status_code == 200
    rows = resp.json()["rows"]
    assert len(rows) == 2 and all(r["requester_address"] == "" and r["requester_contact"] == "" for r in rows)
    assert rows[0]["requester_name"] == "Siti"
    event = Event.objects.get(action="register.exported", actor=world.auditor)
    assert event.details["rows"] == 2 and event.details["rows_with_contacts"] == 0
    api(world.officer).get(URL, PERIOD)
    assert (
        Event.objects.get(action="register.exported", actor=world.officer).details["rows_with_contacts"] == 2
    )


def test_a_pelaksana_officer_gets_only_the_units_cases_and_a_unit_filter_narrows(world, cases):
    rows = api(world.pelaksana_officer).get(URL, PERIOD).json()["rows"]
    assert [r["registration_number"] for r in rows] == [cases["forwarded"].registration_number]
    rows = api(world.officer).get(URL, {**PERIOD, "unit": world.pelaksana.pk}).json()["rows"]
    assert [r["registration_number"] for r in rows] == [cases["forwarded"].registration_number]


@pytest.mark.parametrize("who", ["citizen", "other_citizen", "outsider"])
def test_anyone_outside_the_agencys_staff_gets_404_and_nothing_is_recorded(world, cases, who):
    for url in (URL, OBJECTIONS):
        assert api(getattr(world, who)).get(url, PERIOD).status_code == 404
    assert not Event.objects.filter(action="register.exported").exists()


def test_anonymous_callers_are_refused(world, cases):
    assert api(None).get(URL, PERIOD).status_code in (401, 403)


def test_the_csv_is_for_a_spreadsheet_in_indonesian(world, cases):
    resp = api(world.officer).get(URL, {**PERIOD, "format": "csv"})
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/csv")
    lines = resp.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[:3] == ["No.", "Nomor registrasi", "Tanggal permohonan"]
    assert lines[1].split(";")[:3] == ["no", "registration_number", "received_on"]
    assert "02-11-2026" in lines[2]


def test_the_objection_register_names_the_request_or_the_periodic_information(world, cases):
    body = api(world.atasan).get(OBJECTIONS, PERIOD).json()
    rows = {r["registration_number"]: r for r in body["rows"]}
    to_request = rows[cases["objection"].registration_number]
    assert to_request["request_number"] == cases["answered"].registration_number
    assert to_request["grounds"].startswith("a. penolakan")
    assert to_request["requester_address"] == "Jl. Contoh No. 1, Bandung"  # the Atasan may see it
    periodic = rows[cases["periodic"].registration_number]
    assert periodic["request_number"] == "-" and periodic["information_requested"] == "Laporan keuangan 2025"
    assert [c["code"] for c in body["columns"]][:3] == ["no", "registration_number", "received_on"]


def test_the_pdf_is_the_printable_book(world, cases):
    resp = api(world.officer).get(OBJECTIONS, {**PERIOD, "format": "pdf"})
    assert resp.status_code == 200 and resp.content.startswith(b"%PDF-")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(resp.content)).pages)
    assert "REGISTER KEBERATAN" in text and cases["objection"].registration_number in text


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"from": "2026-11-30", "to": "2026-11-01"}, "end"),
        ({"unit": 999999}, "unit"),
        ({"format": "docx"}, "format"),
    ],
)
def test_bad_parameters_get_a_clear_400_and_record_nothing(world, cases, params, field):
    resp = api(world.officer).get(URL, {**PERIOD, **params})
    assert resp.status_code == 400 and field in resp.json()["errors"], resp.content
    assert not Event.objects.filter(action="register.exported").exists()


# --- the page ---------------------------------------------------------------------------------------------------
def test_staff_download_the_register_from_their_work_page(client, world, cases):
    from django.urls import reverse

    client.force_login(world.officer)
    assert reverse("frontend:registers") in client.get(reverse("frontend:work")).content.decode()
    page = client.get(reverse("frontend:registers"))
    assert page.status_code == 200 and "Register Keberatan" in page.content.decode()
    resp = client.get(
        reverse("frontend:registers"),
        {
            "kind": "requests",
            "agency": world.agency.pk,
            "start": "2026-11-01",
            "end": "2026-11-30",
            "file_format": "xlsx",
        },
    )
    assert resp.status_code == 200
    sheet = load_workbook(io.BytesIO(resp.content)).active
    numbers = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert numbers == [cases["answered"].registration_number, cases["forwarded"].registration_number]
    bad = client.get(
        reverse("frontend:registers"),
        {
            "kind": "requests",
            "agency": world.agency.pk,
            "start": "2026-11-30",
            "end": "2026-11-01",
            "file_format": "csv",
        },
    )
    assert (
        bad.status_code == 200 and "Tanggal akhir tidak boleh sebelum tanggal awal." in bad.content.decode()
    )
    client.force_login(world.citizen)
    assert client.get(reverse("frontend:registers")).status_code == 404
