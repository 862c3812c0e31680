"""Issue 18 in Chromium: a Pelaksana officer drafts a berkala item with a PDF from the staff pages and asks for
review; the PPID Utama's officer finds it under "menunggu diumumkan" and publishes it; the item is then public (the
public API returns it with its file). Every page passes axe-core (`Tab.check`)."""

import pytest

from tests.helpers import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
TITLE = "Laporan Realisasi Anggaran Dinas Kesehatan Semester I 2026"


def test_a_pelaksana_drafts_a_berkala_item_and_the_utama_publishes_it(world, open_tab, tmp_path):
    from dip.models import DipItem, ItemState

    tab = open_tab()
    page = tab.page

    log_in(tab, "pelaksana")
    tab.goto("/kerja/")
    tab.follow(tab.main.get_by_role("link", name="Daftar informasi publik (DIP)"))
    tab.follow(tab.main.get_by_role("link", name="Tambah informasi publik"))
    page.get_by_label("Judul informasi").fill(TITLE)
    page.get_by_label("Ringkasan isi informasi").fill("Realisasi pendapatan dan belanja semester pertama.")
    page.get_by_label("Kategori").select_option("berkala")
    page.get_by_label("Penanggung jawab pembuatan/penerbitan informasi").fill("Sekretaris Dinas Kesehatan")
    page.get_by_label("Waktu pembuatan").fill("2026-07-15")
    page.get_by_label("Tempat pembuatan").fill("Kota Contoh")
    page.get_by_label("Bentuk informasi yang tersedia").select_option("softcopy")
    page.get_by_label("Jangka waktu penyimpanan (retensi arsip)").fill("10 tahun")
    page.get_by_label("Kata kunci").fill("anggaran, LRA")
    upload = tmp_path / "lra-semester-1.pdf"
    upload.write_bytes(PDF)
    page.get_by_label("Berkas (PDF, PNG, JPEG, XLSX, atau DOCX; boleh lebih dari satu)").set_input_files(
        str(upload)
    )
    tab.follow(page.get_by_role("button", name="Simpan draf"))
    assert "Draf tersimpan" in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Draf"
    assert "lra-semester-1.pdf" in tab.text()
    tab.follow(page.get_by_role("button", name="Ajukan untuk diumumkan"))
    assert "Diajukan ke PPID Utama" in tab.messages.inner_text()
    item = DipItem.objects.get()
    log_out(tab)
    # Not public while a draft (the tab's session is anonymous now).
    assert page.request.get(f"{tab.base_url}/api/v1/dip/{item.pk}/").status == 404

    log_in(tab, "petugas")
    tab.goto("/kerja/informasi/")
    assert "1 informasi menunggu diumumkan" in tab.text()
    tab.follow(tab.main.get_by_role("link", name="Lihat"))
    tab.follow(tab.main.get_by_role("link", name=TITLE))
    tab.follow(page.get_by_role("button", name="Umumkan", exact=True))
    assert "Informasi diumumkan" in tab.messages.inner_text()
    assert page.locator(".status-line .badge-state").inner_text() == "Diumumkan"
    item.refresh_from_db()
    assert item.state == ItemState.PUBLISHED and item.next_update_due is not None

    log_out(tab)
    public = page.request.get(f"{tab.base_url}/api/v1/dip/?agency=diskominfo&q=anggaran")
    results = public.json()["results"]
    assert [r["title"] for r in results] == [TITLE]
    assert results[0]["documents"][0]["name"] == "lra-semester-1.pdf"
    assert results[0]["category"] == "berkala" and results[0]["next_update_due"]
    tab.finish()
