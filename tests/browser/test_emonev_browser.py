"""The PPID builds the e-Monev evidence pack in Chromium; the test opens the downloaded ZIP and checks every
PDF's size and first-page text."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from standards.emonev import MAX_PDF_BYTES
from tests.helpers import log_in
from tests.register_helpers import in_force_dik, published_item
from tests.standards.test_emonev import seed_saq
from tests.standards.test_standards import publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_ppid_builds_the_evidence_pack(world, open_tab):
    seed_saq()
    published_item(world)
    in_force_dik(world)
    publish(world)
    tab = log_in(open_tab(), "kepala")
    tab.goto("/kerja/e-monev/")
    tab.check()
    assert "Nilai mandiri" in tab.text() and "Informasi serta merta" in tab.text()
    data = tab.download(tab.main.get_by_role("link", name="Unduh data dukung (ZIP)"))
    assert tab.suggested_filename == "data-dukung-e-monev-diskominfo-2025.zip"
    archive = zipfile.ZipFile(io.BytesIO(data))
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert "index.csv" in archive.namelist() and len(pdfs) >= 5
    titles = {
        "dip_list": "Daftar Informasi Publik",
        "dik_list": "Daftar informasi yang dikecualikan",
        "maklumat": "Maklumat pelayanan informasi publik",
        "statistics": "Statistik layanan informasi publik",
        "page_register": "Tampilan halaman publik daftar informasi",
    }
    for name in pdfs:
        content = archive.read(name)
        assert len(content) <= MAX_PDF_BYTES, name
        first = PdfReader(io.BytesIO(content)).pages[0].extract_text()
        kind = name.split("-", 1)[1].removesuffix(".pdf")
        if kind in titles:
            assert titles[kind].lower() in first.lower(), (name, first[:200])
        else:
            assert first.strip(), name
