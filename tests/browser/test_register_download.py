"""Issue 16 point 9 in Chromium: an officer goes from the staff home to the register books, downloads the Buku
Register Permohonan as XLSX, and the workbook opens (openpyxl) with the request in its rows."""

import io

import pytest
from openpyxl import load_workbook

from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_request_register_downloads_as_a_workbook_that_opens(world, file_request, open_tab):
    request = file_request(information_requested="Rencana kerja dan anggaran Diskominfo 2026")
    tab = log_in(open_tab(), "petugas")
    assert tab.page.url.endswith("/kerja/")
    tab.follow(tab.main.get_by_role("link", name="Buku register permohonan dan keberatan"))
    tab.page.get_by_label("Buku register").select_option("requests")
    tab.page.get_by_label("Berkas").select_option("xlsx")
    content = tab.download(tab.main.get_by_role("button", name="Unduh"))
    assert tab.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert request.registration_number in cells
    assert any("Rencana kerja dan anggaran Diskominfo 2026" in cell for cell in cells)
