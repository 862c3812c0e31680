"""The auditors' dashboard (/dasbor/) and the annual report pages, against the scenario of
tests/fixtures/scenario.py on Monday 4 May 2026, 10:00 WIB: who may see them, the numbers they show, the
CSV downloads, and the PPID's texts of the report."""

import csv
import io
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model

from audit.models import Event
from tests.fixtures.scenario import AT, SECRETS, Scenario
from tests.frontend.test_stats_pages import table, tables
from transparency.exports import COMPLIANCE_HEADER, OVERDUE_HEADER
from transparency.models import AnnualReport
from transparency.selectors import compliance_by_unit

DASHBOARD = "/dasbor/diskominfo/"
REPORT = "/dasbor/diskominfo/laporan/2026/"
COMPLIANCE_CAPTION = "Kepatuhan per unit: permohonan, keberatan, dan pengaduan"
OVERDUE_CAPTION = "Perkara terbuka yang batas waktunya sudah lewat"


@pytest.fixture
def scenario(world, file_request):
    return Scenario(world, file_request)


@pytest.fixture
def now():
    with time_machine.travel(AT, tick=False):
        yield


@pytest.fixture
def as_user(client):
    def log_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return log_in


def _csv(response) -> list[dict]:
    """The spreadsheet form: `;`, a row of Indonesian headers, then the codes as the header of the rows."""
    lines = response.content.decode("utf-8-sig").split("\r\n", 1)[1]
    return list(csv.DictReader(io.StringIO(lines), delimiter=";"))


# --- who sees what ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 404),
        ("citizen", 404),
        ("outsider", 404),
        ("officer", 404),
        ("pelaksana_officer", 404),
        ("atasan", 404),
        ("head", 404),
        ("auditor", 200),
        ("admin", 200),
    ],
)
def test_the_dashboard_is_for_auditors_and_administrators(scenario, as_user, now, role, status):
    client = as_user(getattr(scenario.world, role) if role else None)
    for url in (DASHBOARD, f"{DASHBOARD}kepatuhan.csv", f"{DASHBOARD}terlambat.csv"):
        assert client.get(url).status_code == status, url


def test_another_agency_or_an_unknown_one_is_not_found(scenario, as_user, now):
    client = as_user(scenario.world.auditor)
    assert client.get("/dasbor/dinas-lain/").status_code == 404
    assert client.get("/dasbor/tidak-ada/").status_code == 404
    assert client.get("/dasbor/dinas-lain/laporan/2026/").status_code == 404
    root = get_user_model().objects.create_superuser("root", "root@example.id", "sandi-yang-panjang-9")
    assert as_user(root).get("/dasbor/dinas-lain/").status_code == 200


def test_the_dashboard_index(scenario, as_user, now):
    w = scenario.world
    for user in (None, w.citizen, w.officer, w.atasan):
        assert as_user(user).get("/dasbor/").status_code == 404
    # An auditor of one agency goes straight to its dashboard.
    response = as_user(w.auditor).get("/dasbor/")
    assert (response.status_code, response["Location"]) == (302, DASHBOARD)
    # The PPID prepares the report but reads no compliance: the index offers the reports.
    html = as_user(w.head).get("/dasbor/").content.decode()
    assert 'href="/dasbor/diskominfo/laporan/2026/"' in html
    assert 'href="/dasbor/diskominfo/"' not in html


def test_the_dashboard_link_in_the_navigation(scenario, as_user, now):
    w = scenario.world
    link = re.compile(r'<a href="/dasbor/"[^>]*>Dasbor</a>')
    for user in (w.auditor, w.admin, w.head):
        assert link.search(as_user(user).get("/").content.decode()), user
    for user in (None, w.citizen, w.officer, w.outsider):
        assert not link.search(as_user(user).get("/").content.decode()), user
    html = as_user(w.auditor).get(DASHBOARD).content.decode()
    assert re.search(r'<a href="/dasbor/" aria-current="page">Dasbor</a>', html)


# --- compliance ---------------------------------------------------------------------------------------------------
def test_compliance_per_unit_as_computed_by_the_selector(scenario, as_user, now):
    w = scenario.world
    html = as_user(w.auditor).get(DASHBOARD).content.decode()
    rows = tables(html)[COMPLIANCE_CAPTION]
    by_unit = {row[0]: row for row in rows}
    utama, pelaksana = by_unit[w.utama.name], by_unit[w.pelaksana.name]
    # Received, answered, on time, late, overdue in period, on-time rate (worked out in test_compliance.py).
    assert utama[1:7] == ["5", "2", "2", "0", "1", "66,7%"]
    assert pelaksana[1:7] == ["2", "2", "1", "1", "0", "50,0%"]
    assert (utama[12], utama[13]) == ("1", "11")  # overdue now, by 11 working days
    unassigned = by_unit["Belum didisposisikan ke unit"]
    assert unassigned[-2:] == ["1", "1"]  # the anonymous complaint nobody verified
    total = by_unit["Jumlah"]
    assert (total[1], total[3], total[6]) == ("7", "3", "60,0%")
    # Every count equals the selector's, computed apart.
    data = compliance_by_unit(w.agency, AT)
    for unit in data["units"]:
        row = by_unit[unit["unit_name"] or "Belum didisposisikan ke unit"]
        assert row[1] == str(unit["received"]) and row[12] == str(unit["overdue"])
        assert row[-2:] == [str(unit["complaints_open"]), str(unit["complaints_overdue"])]


def test_charts_and_definitions_on_the_dashboard(scenario, as_user, now):
    html = as_user(scenario.world.auditor).get(DASHBOARD).content.decode()
    assert len(re.findall(r'<svg [^>]*role="img"', html)) == 3
    assert '<title id="chart-on-time-title">Tingkat ketepatan waktu per unit</title>' in html
    assert table(html, "Tingkat ketepatan waktu per unit") == {
        scenario.world.utama.name: "66,7%",
        scenario.world.pelaksana.name: "50,0%",
    }
    assert table(html, "Umur permohonan terbuka, semua unit") == {
        "0–5 hari kerja": "1",
        "6–10 hari kerja": "0",
        "11–17 hari kerja": "0",
        ">17 hari kerja": "1",
    }
    assert "dibagi (permohonan yang sudah dijawab + permohonan belum dijawab" in html  # on_time_rate


def test_since_changes_the_rates_and_bad_input_is_shown(scenario, as_user, now):
    w = scenario.world
    client = as_user(w.auditor)
    html = client.get(DASHBOARD, {"since": "2026-04-01"}).content.decode()
    utama = next(r for r in tables(html)[COMPLIANCE_CAPTION] if r[0] == w.utama.name)
    assert utama[1:3] == ["2", "0"]  # r5 and r8 only
    response = client.get(DASHBOARD, {"since": "1900-01-01", "unit": "999999"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tanggal di luar jangkauan" in html and "Pilih unit dari daftar." in html
    assert 'value="1900-01-01"' in html
    assert COMPLIANCE_CAPTION not in html
    assert client.get(f"{DASHBOARD}kepatuhan.csv", {"since": "kemarin"}).status_code == 400


# --- overdue ------------------------------------------------------------------------------------------------------
def test_overdue_cases_link_to_their_pages(scenario, as_user, now):
    client = as_user(scenario.world.auditor)
    html = client.get(DASHBOARD).content.decode()
    rows = tables(html)[OVERDUE_CAPTION]
    # The anonymous complaint (verification due 18 March) before r5 (due 16 April): longest overdue first.
    assert [r[0] for r in rows] == [scenario.c2.tracking_number, scenario.r5.registration_number]
    assert rows[1][1:5] == ["Permohonan", scenario.world.utama.name, "Terdaftar", "Pemberitahuan tertulis"]
    assert rows[1][6] == "11"
    assert f'href="/permohonan/{scenario.r5.pk}/"' in html
    assert f'href="/pengaduan/{scenario.c2.pk}/"' in html
    assert client.get(f"/permohonan/{scenario.r5.pk}/").status_code == 200
    # A page number past the end, or not a number, shows a page that exists.
    for page in ("99", "x", "0"):
        html = client.get(DASHBOARD, {"halaman": page}).content.decode()
        assert len(tables(html)[OVERDUE_CAPTION]) == 2, page
    # One unit's overdue cases.
    html = client.get(DASHBOARD, {"unit": scenario.world.utama.pk}).content.decode()
    rows = tables(html)[OVERDUE_CAPTION]
    assert [r[0] for r in rows] == [scenario.r5.registration_number]


# --- CSV ------------------------------------------------------------------------------------------------------------
def test_compliance_csv(scenario, as_user, now):
    w = scenario.world
    response = as_user(w.auditor).get(f"{DASHBOARD}kepatuhan.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="kepatuhan-diskominfo-sejak-2026-01-01.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    rows = _csv(response)
    assert list(rows[0]) == COMPLIANCE_HEADER
    utama = next(r for r in rows if r["unit"] == str(w.utama.pk))
    assert (utama["received"], utama["on_time_rate"], utama["max_overdue_working_days"]) == (
        "5",
        "66,67%",
        "11",
    )
    assert (utama["aging_0-5"], utama["aging_>17"]) == ("1", "1")
    assert rows[-1]["unit"] == "total" and rows[-1]["received"] == "7"
    text = response.content.decode("utf-8-sig")
    for secret in SECRETS:
        assert secret not in text


def test_overdue_csv_lists_every_case(scenario, as_user, now):
    response = as_user(scenario.world.auditor).get(f"{DASHBOARD}terlambat.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="terlambat-diskominfo-2026-05-04.csv"'
    rows = _csv(response)
    assert list(rows[0]) == OVERDUE_HEADER
    assert [(r["kind"], r["number"]) for r in rows] == [
        ("complaint", scenario.c2.tracking_number),
        ("request", scenario.r5.registration_number),
    ]
    assert rows[1]["overdue_working_days"] == "11" and rows[1]["due_date"] == "2026-04-16"
    text = response.content.decode("utf-8-sig")
    for secret in SECRETS:
        assert secret not in text
    one_unit = _csv(
        as_user(scenario.world.auditor).get(f"{DASHBOARD}terlambat.csv", {"unit": scenario.world.utama.pk})
    )
    assert [r["number"] for r in one_unit] == [scenario.r5.registration_number]


# --- the annual report ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 404), ("citizen", 404), ("outsider", 404), ("officer", 200), ("atasan", 200), ("auditor", 200)],
)
def test_who_reads_the_annual_report(scenario, as_user, now, role, status):
    client = as_user(getattr(scenario.world, role) if role else None)
    assert client.get(REPORT).status_code == status
    assert client.get(f"{REPORT}pdf/").status_code == status


def test_the_report_shows_the_pasal_56_sections_and_figures(scenario, as_user, now):
    html = as_user(scenario.world.auditor).get(REPORT).content.decode()
    for letter in "ABCDEF":
        assert re.search(rf'<h2 id="sec-{letter.lower()}">{letter}\. ', html), letter
    requests = table(html, "1. Jumlah permohonan informasi publik")
    assert requests["Permohonan diterima"] == "7"
    assert (requests["Sudah dijawab (pemberitahuan tertulis)"], requests["Dicabut"]) == ("4", "1")
    refused = table(html, "4. Permohonan yang ditolak beserta alasannya")
    assert refused["Permohonan ditolak"] == "1"
    assert refused["Pasal 17 huruf h: mengungkap rahasia pribadi"] == "2"  # the partial grant's ground too
    times = tables(html)["Waktu menjawab menurut keputusan, dalam hari kerja"]
    assert times[-1] == ["Semua permohonan yang dijawab", "4", "10", "17", "17"]
    assert table(html, "2. Permohonan penyelesaian sengketa ke Komisi Informasi") == {
        "Sengketa diajukan": "1"
    }
    assert 'role="img"' in html and "Waktu menjawab menurut kelas" in html
    assert "Tahun 2026 belum berakhir" in html
    for secret in SECRETS:
        assert secret not in html


def test_the_auditor_reads_the_report_without_a_form_and_may_not_post(scenario, as_user, now):
    client = as_user(scenario.world.auditor)
    html = client.get(REPORT).content.decode()
    assert "<textarea" not in html and "Simpan teks laporan" not in html
    response = client.post(REPORT, {"policy_text": "Diubah auditor."})
    assert response.status_code == 403
    assert not AnnualReport.objects.exists()


def test_the_ppid_saves_the_texts(scenario, as_user, now):
    w = scenario.world
    client = as_user(w.head)
    assert "<textarea" in client.get(REPORT).content.decode()
    texts = {
        "policy_text": "Satu meja layanan, dua petugas, anggaran Rp 50 juta.",
        "implementation_text": "",
        "obstacles_text": "Jaringan internet sering terputus.",
        "recommendations_text": "Menambah petugas.",
    }
    response = client.post(REPORT, texts, follow=True)
    assert response.redirect_chain == [(REPORT + "#main", 302)]  # the success message, at the top
    html = response.content.decode()
    assert "Teks laporan tahunan 2026 tersimpan." in html
    assert "Jaringan internet sering terputus." in html  # shown in section E and kept in the form
    report = AnnualReport.objects.get(agency=w.agency, year=2026)
    assert report.policy_text == texts["policy_text"] and report.updated_by == w.head
    event = Event.objects.get(action="annual_report.saved")
    assert event.actor == w.head
    # A reader sees the texts in the report.
    assert "Menambah petugas." in as_user(w.auditor).get(REPORT).content.decode()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Pemohon NIK 3273015505900001 ditolak.",
            "Teks laporan tidak boleh memuat NIK atau nomor serupa NIK.",
        ),
        ("x" * 20_001, "paling banyak 20000 karakter"),
    ],
)
def test_bad_texts_are_shown_again_and_nothing_is_saved(scenario, as_user, now, text, message):
    client = as_user(scenario.world.admin)
    response = client.post(REPORT, {"policy_text": text, "obstacles_text": "Kendala tetap ditulis."})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary" role="alert"' in html and message in html
    assert text[:60] in html and "Kendala tetap ditulis." in html  # the input is kept
    assert not AnnualReport.objects.exists()
    assert not Event.objects.filter(action="annual_report.saved").exists()


def test_years_without_a_report_and_the_pdf(scenario, as_user, now):
    client = as_user(scenario.world.auditor)
    assert client.get("/dasbor/diskominfo/laporan/2027/").status_code == 404  # not begun
    assert client.get("/dasbor/diskominfo/laporan/1999/").status_code == 404
    assert client.get("/dasbor/diskominfo/laporan/2027/pdf/").status_code == 404
    response = client.get(f"{REPORT}pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="laporan-layanan-informasi-diskominfo-2026.pdf"'
    )
