"""The CSV files as a spreadsheet program opens them: the Indonesian form of the pages' downloads, the API's
standard form, and no cell that a spreadsheet would run as a formula in either."""

import csv
import io

import pytest
import time_machine
from django.test import Client

from agencies.models import Unit
from tests.fixtures.scenario import AT, Scenario
from transparency.exports import COMPLIANCE_HEADER, OVERDUE_HEADER, csv_bytes

DASHBOARD = "/dasbor/diskominfo/"
STATS = "/api/v1/stats/requests/"
FORMULAS = ['=HYPERLINK("http://evil.example/x","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def scenario(world, file_request):
    return Scenario(world, file_request)


@pytest.fixture
def now():
    with time_machine.travel(AT, tick=False):
        yield


def rows_of(content: bytes, delimiter: str = ",") -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "a BOM, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def as_staff(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- 33: formulas are neutralised in every CSV ---------------------------------------------------------------------
@pytest.mark.parametrize("spreadsheet", [False, True])
def test_no_cell_starts_a_formula_and_numbers_stay_numbers(spreadsheet):
    rows = [["unit_name", "value"], *([text, -3] for text in FORMULAS)]
    parsed = rows_of(csv_bytes(rows, spreadsheet=spreadsheet), ";" if spreadsheet else ",")
    cells = [row[0] for row in parsed[2 if spreadsheet else 1 :]]
    assert cells == ["'" + text for text in FORMULAS]
    assert {row[1] for row in parsed[2 if spreadsheet else 1 :]} == {"-3"}  # a negative number is no formula


def test_a_unit_named_like_a_formula_is_text_in_the_page_download(scenario, now):
    w = scenario.world
    Unit.objects.filter(pk=w.pelaksana.pk).update(name='=HYPERLINK("http://evil.example/x","klik")')
    for url in (f"{DASHBOARD}kepatuhan.csv", f"{DASHBOARD}terlambat.csv"):
        for row in rows_of(as_staff(w.auditor).get(url).content, ";"):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (url, cell)
                assert not cell.startswith("-") or cell.lstrip("-").replace(",", "").isdigit(), (url, cell)
    text = as_staff(w.auditor).get(f"{DASHBOARD}kepatuhan.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text


# --- 18: the pages' downloads open in an Indonesian spreadsheet -----------------------------------------------------
def test_compliance_download_is_the_indonesian_spreadsheet_form(scenario, now):
    w = scenario.world
    rows = rows_of(as_staff(w.auditor).get(f"{DASHBOARD}kepatuhan.csv").content, ";")
    labels, codes, *data = rows
    assert codes == COMPLIANCE_HEADER  # the codes kept on the second header row
    assert labels[:4] == ["Badan publik", "Sejak", "Per waktu", "Unit"]
    assert labels[codes.index("on_time_rate")] == "Tingkat ketepatan waktu"
    assert all(label and label != code for label, code in zip(labels, codes, strict=True) if code != "id")
    utama = next(dict(zip(codes, r, strict=True)) for r in data if r[codes.index("unit")] == str(w.utama.pk))
    assert utama["on_time_rate"] == "66,67%"  # 4 of 6, as a percentage with a decimal comma
    assert utama["received"] == "5"


def test_overdue_download_is_the_indonesian_spreadsheet_form(scenario, now):
    labels, codes, *data = rows_of(
        as_staff(scenario.world.auditor).get(f"{DASHBOARD}terlambat.csv").content, ";"
    )
    assert codes == OVERDUE_HEADER
    assert labels[codes.index("due_date")] == "Batas waktu"
    assert [r[codes.index("number")] for r in data] == [
        scenario.c2.tracking_number,
        scenario.r5.registration_number,
    ]


def test_statistics_page_links_the_spreadsheet_form_and_the_api_keeps_its_own(scenario, now):
    client = Client()
    html = client.get("/statistik/diskominfo/", {"year": 2026}).content.decode()
    link = "/api/v1/stats/requests/?agency=diskominfo&amp;year=2026&amp;format=csv&amp;dialect=spreadsheet"
    assert link in html
    labels, codes, *data = rows_of(client.get(link.replace("&amp;", "&")).content, ";")
    assert labels[:3] == ["Badan publik", "Unit", "Awal periode"]
    assert codes[:3] == ["agency", "unit", "period_start"]
    whole = {r[codes.index("figure")]: r[codes.index("value")] for r in data if r[codes.index("month")] == ""}
    assert whole["requests.received"] == "7"
    share = whole["requests.extension_share"]
    assert share.endswith("%") and "." not in share  # a percentage with a decimal comma
    # The API's own CSV, as clients parse it: commas, the codes as the only header, fractions.
    standard = rows_of(client.get(STATS, {"agency": "diskominfo", "year": 2026, "format": "csv"}).content)
    assert standard[0][:3] == ["agency", "unit", "period_start"]
    fraction = {r[5]: r[6] for r in standard[1:] if r[4] == ""}["requests.extension_share"]
    assert float(fraction) * 100 == pytest.approx(float(share.rstrip("%").replace(",", ".")), abs=0.01)
    assert client.get(STATS, {"agency": "diskominfo", "format": "csv", "dialect": "excel"}).status_code == 400
