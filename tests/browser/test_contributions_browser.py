"""Issue 16 point 4 in Chromium: the Utama officer asks Dinas Kesehatan and Dinas Pendidikan for material from the
request page; the Dinas Kesehatan officer answers from /kerja/bahan/ with a file; the Utama officer attaches the
file to the response. Every page passes axe-core (`Tab.check`)."""

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"


def test_utama_asks_two_units_and_the_pelaksana_officer_answers_from_its_page(world, open_tab, tmp_path):
    from agencies.models import StaffRole
    from ppid.models import Contribution, ContributionState, RequestDocument
    from tests.factories import UnitFactory, make_staff

    disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    make_staff(disdik, StaffRole.OFFICER, username="disdik")
    obj = world.file_request()
    tab = open_tab()
    page = tab.page

    log_in(tab, "petugas")
    tab.goto(obj.get_absolute_url()).check()
    section = page.locator("section[aria-labelledby=bahan-h]")
    section.get_by_text("Minta bahan dari unit lain").click()
    section.get_by_label("PPID Pelaksana Dinas Kesehatan").check()
    section.get_by_label("PPID Pelaksana Dinas Pendidikan").check()
    section.get_by_label("Petunjuk: bahan apa yang diperlukan").fill("Data penerima bantuan per kecamatan.")
    tab.follow(section.get_by_role("button", name="Kirim permintaan bahan"))
    assert "Permintaan bahan terkirim" in tab.messages.inner_text()
    assert Contribution.objects.filter(state=ContributionState.ASKED).count() == 2
    assert page.locator("section[aria-labelledby=bahan-h] li.card").count() == 2
    log_out(tab)

    log_in(tab, "pelaksana")
    tab.goto("/kerja/bahan/").check()
    rows = tab.main.get_by_role("row").filter(has_text=obj.registration_number)
    assert rows.count() == 1  # only the one asked of Dinas Kesehatan
    tab.follow(rows.get_by_role("link"))
    assert "Data penerima bantuan per kecamatan." in tab.text()
    page.get_by_label("Jawaban").fill("Terlampir rekap per kecamatan.")
    upload = tmp_path / "rekap.pdf"
    upload.write_bytes(PDF)
    page.get_by_label("Berkas (PDF, PNG, atau JPEG; boleh lebih dari satu)").set_input_files(str(upload))
    tab.follow(page.get_by_role("button", name="Kirim jawaban"))
    assert "Jawaban terkirim" in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Dijawab"
    log_out(tab)

    log_in(tab, "petugas")
    tab.goto(obj.get_absolute_url()).check()
    section = page.locator("section[aria-labelledby=bahan-h]")
    assert "Terlampir rekap per kecamatan." in section.inner_text()
    tab.follow(section.get_by_role("button", name="Lampirkan rekap.pdf ke jawaban"))
    assert "pemohon dapat melihat berkas ini" in tab.messages.inner_text()
    assert RequestDocument.objects.get().original_name == "rekap.pdf"
    tab.finish()
