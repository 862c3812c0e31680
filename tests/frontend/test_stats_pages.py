"""The public statistics pages (/statistik/): what a visitor reads there, against the scenario of
tests/fixtures/scenario.py (Diskominfo on Monday 4 May 2026, 10:00 WIB) and against the figures computed
by transparency.statistics."""

import csv
import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest
import time_machine

from agencies.models import Agency
from tests.fixtures.scenario import AT, SECRETS, Scenario
from transparency.statistics import complaint_statistics, request_statistics
from workcalendar.models import Holiday

URL = "/statistik/"


class _Tables(HTMLParser):
    """Every <table> of a page: its caption and its rows of cell texts (row header cells included), without the
    rows of its <thead>."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self._stack: list[dict] = []
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._stack.append({"caption": "", "rows": []})
        elif not self._stack:
            return
        elif tag == "caption":
            self._caption = []
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self._stack[-1]["rows"].append([])
        elif tag in ("td", "th") and not self._in_head:
            self._cell = []

    def handle_endtag(self, tag):
        if not self._stack:
            return
        if tag == "table":
            self.tables.append(self._stack.pop())
        elif tag == "thead":
            self._in_head = False
        elif tag == "caption" and self._caption is not None:
            self._stack[-1]["caption"] = " ".join("".join(self._caption).split())
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._stack[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption.append(data)


def tables(html: str) -> dict[str, list[list[str]]]:
    """{caption: rows of the body and foot} of every table on the page."""
    parser = _Tables()
    parser.feed(html)
    return {t["caption"]: t["rows"] for t in parser.tables}


def table(html: str, caption: str) -> dict[str, str]:
    """A table of (label, value) rows as a dict."""
    return {row[0]: row[1] for row in tables(html)[caption]}


@pytest.fixture
def scenario(world, file_request):
    """Requests, objections, a dispute and complaints of Diskominfo from 13 March to 4 May 2026."""
    return Scenario(world, file_request)


@pytest.fixture
def now():
    with time_machine.travel(AT, tick=False):
        yield


def _page(client, path=URL, **params) -> str:
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_numbers_shown_are_those_of_the_scenario(scenario, client, now):
    html = _page(client, "/statistik/diskominfo/", year=2026)
    assert table(html, "Keputusan atas permohonan") == {
        "Diterima seluruhnya": "1",  # r1
        "Diterima sebagian": "1",  # r3
        "Ditolak": "1",  # r2
        "Informasi tidak dikuasai": "1",  # r6
        "Informasi belum didokumentasikan": "0",
        "Informasi sudah diumumkan": "0",  # answered from the register (issue 18)
    }
    months = table(html, "Permohonan diterima per bulan")
    assert (months["Mar 2026"], months["Apr 2026"], months["Mei 2026"], months["Jan 2026"]) == (
        "4",
        "2",
        "1",
        "0",
    )
    # Working days 3 (r1), 10 (r2), 17 (r3), 11 (r6).
    assert table(html, "Waktu menjawab menurut kelas") == {
        "0–5 hari kerja": "1",
        "6–10 hari kerja": "1",
        "11–17 hari kerja": "2",
        ">17 hari kerja": "0",
    }
    # 2 of (4 answered + r5 open past 10 working days) within 10; "within 17 (with extension)" counts extended
    # requests only (issue 14 point 8): r3, extended and answered on day 17, is 1 of 1.
    assert table(html, "Bagian yang dijawab tepat waktu") == {
        "Dalam 10 hari kerja": "40,0%",
        "Dalam 17 hari kerja (dengan perpanjangan)": "100,0%",
    }
    refusals = table(html, "Alasan penolakan")
    assert (refusals["a. menghambat proses penegakan hukum"], refusals["h. mengungkap rahasia pribadi"]) == (
        "1",
        "1",
    )
    categories = table(html, "Pengaduan menurut kategori")
    assert (categories["Kesehatan"], categories["Perizinan"], categories["Perilaku petugas"]) == (
        "2",
        "1",
        "1",
    )
    assert table(html, "Sebaran penilaian pelapor") == {
        "Nilai 1": "0",
        "Nilai 2": "1",
        "Nilai 3": "0",
        "Nilai 4": "1",
        "Nilai 5": "0",
    }
    tiles = dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd class=\"stat-value\">([^<]+)</dd>", html))
    assert tiles["Permohonan diterima"] == "7"
    assert tiles["Median waktu menjawab"] == "10 hari kerja"
    assert tiles["Pengaduan diterima"] == "4"
    assert tiles["Penilaian pelapor"] == "3,00 dari 5"


def test_every_table_equals_the_statistics_computed_apart(scenario, client, now):
    agency = scenario.world.agency
    html = _page(client, "/statistik/diskominfo/", year=2026)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    req = request_statistics(agency, start=start, end=end, at=AT)["figures"]
    cmp = complaint_statistics(agency, start=start, end=end, at=AT)["figures"]["complaints"]
    expected = {
        "Permohonan menurut status": req["requests"]["by_state"],
        "Permohonan menurut saluran": req["requests"]["by_channel"],
        "Keputusan atas permohonan": req["requests"]["decisions"],
        "Alasan penolakan": req["requests"]["refusal_grounds"],
        "Tanggapan atas keberatan": req["objections"]["by_outcome"],
        "Ketepatan waktu tanggapan": req["objections"]["response_timeliness"],
        "Putusan sengketa": req["disputes"]["by_result"],
        "Pengaduan menurut kategori": cmp["by_category"],
        "Pengaduan menurut status": cmp["by_state"],
    }
    for caption, counts in expected.items():
        shown = table(html, caption)
        assert list(shown.values()) == [str(n) for n in counts.values()], caption


def test_each_chart_is_an_svg_image_with_a_title_and_its_table(scenario, client, now):
    html = _page(client, "/statistik/diskominfo/", year=2026)
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", html, flags=re.S)
    assert len(svgs) >= 10
    captions = set(tables(html))
    for svg in svgs:
        assert 'role="img"' in svg
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
        title = re.search(rf'<title id="{labelled_by}">([^<]+)</title>', svg).group(1)
        described_by = re.search(r'aria-describedby="([^"]+)"', svg).group(1)
        assert f'<desc id="{described_by}">' in svg
        assert title in captions  # the same numbers in a table captioned like the chart
    decisions = next(s for s in svgs if '<title id="req-decision-title">' in s)
    # Values are written as text beside the bars, not told by colour.
    assert re.search(r'class="chart-value"[^>]*>1</text>', decisions)
    assert "Ditolak: 1" in decisions
    assert "<script" not in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


def test_definitions_as_of_and_source_are_shown(scenario, client, now):
    html = _page(client, "/statistik/diskominfo/", year=2026)
    assert "Jumlah permohonan informasi publik yang diterima dalam periode, dari semua saluran." in html
    assert "Nilai tengah waktu menjawab dalam hari kerja" in html  # the median's own definition
    assert "Keadaan per" in html and "4 Mei 2026, 10.00" in html
    assert "dihitung langsung dari data perkara" in html


def test_a_year_without_holidays_carries_the_warning(world, client, now):
    Holiday.objects.filter(date__year=2025).delete()
    html = _page(client, "/statistik/diskominfo/", year=2025)
    assert "Belum ada data hari libur untuk tahun 2025" in html


def test_downloads_are_the_public_api_files_of_the_same_figures(scenario, client, now):
    html = _page(client, "/statistik/diskominfo/", year=2026)
    links = re.findall(r'href="(/api/v1/stats/[^"]+)"', html)
    csv_link = (
        "/api/v1/stats/requests/?agency=diskominfo&amp;year=2026&amp;format=csv&amp;dialect=spreadsheet"
    )
    assert csv_link in links
    assert "/api/v1/stats/complaints/?agency=diskominfo&amp;year=2026&amp;format=json" in links
    response = client.get(csv_link.replace("&amp;", "&"))
    assert response["Content-Type"].startswith("text/csv")
    # The spreadsheet form: Indonesian headers on the first row, the codes on the second, `;` separators.
    lines = response.content.decode("utf-8-sig").split("\r\n", 1)[1]
    rows = list(csv.DictReader(io.StringIO(lines), delimiter=";"))
    whole = {r["figure"]: r["value"] for r in rows if r["month"] == ""}
    assert whole["requests.received"] == "7"
    assert whole["requests.decisions.rejected"] == table(html, "Keputusan atas permohonan")["Ditolak"]


def test_a_range_of_days_across_every_agency(scenario, client, now):
    html = _page(client, URL, start="2026-03-13", end="2026-03-13")
    assert "Semua badan publik" in html
    assert re.search(r"<dt>Permohonan diterima</dt>\s*<dd class=\"stat-value\">4</dd>", html)  # r1 r2 r4 r7
    assert "year=" not in "".join(re.findall(r'href="(/api/v1/stats/[^"]+)"', html))
    assert "start=2026-03-13&amp;end=2026-03-13" in html


def test_the_form_picks_the_agency_and_the_path_agency_is_the_default(scenario, client, now):
    html = _page(client, URL, agency="dinas-lain", year=2026)
    assert '<option value="dinas-lain" selected>' in html
    assert re.search(r"<dt>Permohonan diterima</dt>\s*<dd class=\"stat-value\">1</dd>", html)  # r7
    html = _page(client, "/statistik/diskominfo/")  # the current year by default
    assert '<option value="diskominfo" selected>' in html
    assert "1 Januari 2026" in html and "31 Desember 2026" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "dua ribu"}, "Tahun harus berupa angka, misalnya 2026."),
        ({"year": "1999"}, "Tahun paling awal 2000."),
        ({"year": "2026", "start": "2026-01-01", "end": "2026-02-01"}, "Pilih tahun atau rentang tanggal"),
        ({"start": "2026-01-01"}, "Isi tanggal awal dan tanggal akhir bersama-sama"),
        ({"start": "2026-13-01", "end": "2026-12-31"}, "Tanggal tidak valid: gunakan format TTTT-BB-HH."),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "Tanggal akhir tidak boleh sebelum tanggal awal."),
        ({"start": "2020-01-01", "end": "2026-12-31"}, "Periode paling lama 5 tahun."),
        ({"start": "1900-01-01", "end": "1900-01-02"}, "Tanggal di luar jangkauan"),
        ({"agency": "tidak-ada"}, "Pilih badan publik dari daftar."),
    ],
)
def test_bad_input_is_answered_in_indonesian_with_the_input_kept(world, client, params, message):
    html = _page(client, URL, **params)
    assert 'class="error-summary" role="alert"' in html
    assert message in html
    assert "stat-value" not in html  # no figures for a period that was not understood
    for value in params.values():
        if value != "tidak-ada":
            assert f'value="{value}"' in html


def test_unknown_or_inactive_agency_in_the_path_is_not_found(world, client):
    assert client.get("/statistik/tidak-ada/").status_code == 404
    Agency.objects.filter(pk=world.other_agency.pk).update(is_active=False)
    assert client.get("/statistik/dinas-lain/").status_code == 404
    assert 'value="dinas-lain"' not in _page(client, URL)


def test_no_personal_data_on_the_public_page(scenario, client, now):
    html = _page(client, "/statistik/diskominfo/", year=2026) + _page(client, URL, year=2026)
    for secret in SECRETS:
        assert secret not in html, secret
    assert "@" not in re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html)


def test_the_statistics_are_linked_from_the_home_page_and_the_navigation(world, client):
    home = _page(client, "/")
    assert 'href="/statistik/"' in home
    html = _page(client, URL)
    assert re.search(r'<a href="/statistik/" aria-current="page">Statistik</a>', html)
    html = _page(client, "/statistik/diskominfo/")
    assert re.search(r'<a href="/statistik/" aria-current="page">Statistik</a>', html)
