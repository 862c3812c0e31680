"""The transparency pages in Chromium: the public statistics, the auditor's dashboard and the annual report.
Every page reached is checked by axe-core (no serious or critical violation) and for JavaScript errors."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}
EXCESS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _overdue_request(world):
    """A request filed 40 days ago and never answered: overdue now."""
    past = timezone.now() - dt.timedelta(days=40)
    with time_machine.travel(past, tick=False):
        return world.file_request()


def _chart_and_table(tab, chart_title: str):
    """The chart (an image named by its title) and the table with its numbers, both visible."""
    chart = tab.main.get_by_role("img", name=chart_title)
    assert chart.is_visible()
    table = tab.main.get_by_role("table", name=chart_title)
    assert table.is_visible()
    return chart, table


def test_anyone_reads_the_statistics_with_charts_and_tables(world, open_tab):
    world.refused_request()
    year = timezone.localdate().year
    tab = open_tab()
    tab.goto("/")
    tab.follow(tab.nav("Statistik"))
    assert tab.nav("Statistik").get_attribute("aria-current") == "page"
    page = tab.page
    page.get_by_label("Badan publik", exact=True).select_option(label=world.agency.name)
    page.get_by_label("Tahun", exact=True).fill(str(year))
    tab.follow(page.get_by_role("button", name="Tampilkan statistik"))
    assert world.agency.name in page.get_by_role("heading", level=2).filter(has_text=str(year)).inner_text()

    chart, table = _chart_and_table(tab, "Keputusan atas permohonan")
    assert "Ditolak: 1" in chart.locator("desc").text_content()
    refused = table.get_by_role("row").filter(has_text="Ditolak")
    assert refused.get_by_role("cell").inner_text() == "1"
    _chart_and_table(tab, "Permohonan diterima per bulan")
    assert tab.main.get_by_role("link", name="Permohonan (CSV)").is_visible()

    # A bad year is answered on the page, in Indonesian, with the input kept.
    page.get_by_label("Tahun", exact=True).fill("1999")
    tab.follow(page.get_by_role("button", name="Tampilkan statistik"))
    assert "Tahun paling awal 2000." in tab.main.get_by_role("alert").inner_text()
    assert page.get_by_label("Tahun", exact=True).input_value() == "1999"


def test_the_statistics_fit_a_phone(world, open_tab):
    world.refused_request()
    tab = open_tab(viewport=PHONE, is_mobile=True, has_touch=True)
    tab.goto(f"/statistik/{world.agency.slug}/")
    assert tab.page.evaluate(EXCESS) <= 0
    _chart_and_table(tab, "Waktu menjawab menurut kelas")


def test_the_auditor_reads_the_dashboard_and_the_annual_report(world, open_tab):
    overdue = _overdue_request(world)
    world.refused_request()
    year = timezone.localdate().year
    tab = log_in(open_tab(), "auditor")
    tab.follow(tab.nav("Dasbor"))  # one agency: straight to its dashboard
    page = tab.page
    assert page.get_by_role("heading", level=1).inner_text() == f"Dasbor kepatuhan {world.agency.name}"
    _chart_and_table(tab, "Tingkat ketepatan waktu per unit")
    compliance = tab.main.get_by_role(
        "table", name="Kepatuhan per unit: permohonan, keberatan, dan pengaduan"
    )
    assert compliance.is_visible()
    utama = compliance.get_by_role("row").filter(has_text=world.utama.name)
    assert utama.get_by_role("cell").nth(11).inner_text() == "1"  # overdue now

    overdue_table = tab.main.get_by_role("table", name="Perkara terbuka yang batas waktunya sudah lewat")
    tab.follow(overdue_table.get_by_role("link", name=overdue.registration_number))
    assert overdue.registration_number in page.get_by_role("heading", level=1).inner_text()

    page.go_back()
    tab.check()
    tab.follow(tab.main.get_by_role("link", name=str(year), exact=True))
    assert (
        page.get_by_role("heading", level=1).inner_text() == f"Laporan Layanan Informasi Publik Tahun {year}"
    )
    _chart_and_table(tab, "Waktu menjawab menurut kelas")
    assert page.locator("textarea").count() == 0  # read-only for the auditor
    pdf = tab.download(tab.main.get_by_role("link", name="Unduh PDF"))
    assert pdf.startswith(b"%PDF")


def test_the_administrator_writes_the_report_texts(world, open_tab):
    year = timezone.localdate().year
    tab = log_in(open_tab(), "admin")
    tab.goto(f"/dasbor/{world.agency.slug}/laporan/{year}/")
    page = tab.page
    page.get_by_label("A. Kebijakan pelayanan informasi publik").fill("Satu meja layanan dan dua petugas.")
    tab.follow(page.get_by_role("button", name="Simpan teks laporan"))
    assert f"Teks laporan tahunan {year} tersimpan." in tab.messages.inner_text()
    section_a = tab.main.locator("section[aria-labelledby=sec-a]")
    assert "Satu meja layanan dan dua petugas." in section_a.inner_text()


def test_the_ppid_publishes_the_report_and_a_visitor_reads_it(world, open_tab):
    last_year = timezone.localdate().year - 1  # only a year that has ended is published
    tab = log_in(open_tab(), "admin")
    tab.goto(f"/dasbor/{world.agency.slug}/laporan/{last_year}/")
    page = tab.page
    page.get_by_label("A. Kebijakan pelayanan informasi publik").fill("Satu meja layanan dan dua petugas.")
    page.get_by_label("B. Pelaksanaan pelayanan informasi publik").fill(
        "Layanan daring dibuka setiap hari kerja."
    )
    tab.follow(page.get_by_role("button", name="Simpan teks laporan"))
    publish = tab.main.locator("section[aria-labelledby=publish-h]")
    assert "Menerbitkan membekukan angka dan teks" in publish.inner_text()
    tab.follow(publish.get_by_role("button", name="Terbitkan laporan"))
    assert f"Laporan tahunan {last_year} diterbitkan" in tab.messages.inner_text()
    assert "Diterbitkan pada" in tab.main.locator("section[aria-labelledby=publication-h]").inner_text()

    visitor = open_tab()  # not logged in
    visitor.goto(f"/statistik/{world.agency.slug}/")
    visitor.follow(visitor.main.get_by_role("link", name="Laporan tahunan yang diterbitkan"))
    reports = visitor.main.get_by_role("table", name=f"Laporan tahunan {world.agency.name}")
    visitor.follow(reports.get_by_role("link", name=f"Laporan tahun {last_year}", exact=True))
    assert (
        visitor.page.get_by_role("heading", level=1).inner_text()
        == f"Laporan Layanan Informasi Publik Tahun {last_year}"
    )
    section_a = visitor.main.locator("section[aria-labelledby=sec-a]")
    assert "Satu meja layanan dan dua petugas." in section_a.inner_text()
    _chart_and_table(visitor, "Waktu menjawab menurut kelas")
    pdf = visitor.download(visitor.main.get_by_role("link", name="Unduh PDF"))
    assert pdf.startswith(b"%PDF")
