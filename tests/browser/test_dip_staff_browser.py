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


def test_the_utama_head_records_a_dik_entry_and_the_sk_on_a_phone(world, open_tab, tmp_path):
    """The consequence test sheet in its steps, the decision, the SK page and the withdrawal's confirmation, on a
    phone-sized screen, each page checked by axe-core."""
    from dip import services
    from dip.models import DikEntry, DikState

    item = services.dip_item_create(
        actor=world.officer,
        unit=world.utama,
        data={
            "title": "Profil PPID",
            "summary": "Profil dan struktur PPID.",
            "category": "setiap_saat",
            "responsible": "Sekretaris",
            "format": "softcopy",
            "retention": "5 tahun",
        },
    )
    services.dip_item_publish(item_id=item.pk, actor=world.officer)
    tab = open_tab(viewport={"width": 390, "height": 844})
    page = tab.page
    log_in(tab, "kepala")
    tab.goto("/kerja/dik/")
    tab.follow(tab.main.get_by_role("link", name="Tambah uji konsekuensi"))
    page.get_by_label("Informasi yang dikecualikan", exact=True).fill("Data pribadi pemohon beasiswa")
    page.get_by_label("Dokumen yang diuji", exact=True).fill("Berkas pendaftaran beasiswa 2026")
    page.get_by_label("Bagian informasi yang dikecualikan", exact=True).fill(
        "NIK, alamat, dan penghasilan orang tua"
    )
    page.get_by_label("Dasar pengecualian (Pasal 17 UU 14/2008)", exact=True).select_option("h")
    page.get_by_label("Analisis dasar hukum", exact=True).fill("Pasal 17 huruf h: rahasia pribadi.")
    page.get_by_label("Akibat yang timbul apabila informasi dibuka", exact=True).fill(
        "Pemohon dapat menjadi korban penipuan."
    )
    page.get_by_label("Pertimbangan kepentingan publik", exact=True).fill(
        "Perlindungan data pribadi lebih besar."
    )
    page.get_by_label("Persetujuan", exact=True).select_option("atasan")
    page.get_by_label("Nama yang menyetujui", exact=True).fill("Sekretaris Daerah")
    page.get_by_label("Tanggal persetujuan", exact=True).fill("2026-03-02")
    page.get_by_label("Dikecualikan tanpa batas waktu (hanya huruf g dan h)", exact=True).check()
    tab.follow(page.get_by_role("button", name="Simpan draf"))
    assert "Uji konsekuensi tersimpan sebagai draf" in tab.messages.inner_text()
    page.get_by_label("Nomor SK penetapan", exact=True).fill("800/9/2026")
    page.get_by_label("Tanggal SK", exact=True).fill("2026-03-05")
    tab.follow(page.get_by_role("button", name="Tetapkan"))
    assert page.locator(".status-line .badge-state").inner_text() == "Berlaku"
    assert DikEntry.objects.get().state == DikState.IN_FORCE

    tab.goto("/kerja/informasi/penetapan/")
    upload = tmp_path / "sk-dip.pdf"
    upload.write_bytes(PDF)
    page.get_by_label("Nomor SK", exact=True).fill("188/1/2026")
    page.get_by_label("Tanggal SK", exact=True).fill("2026-01-05")
    page.get_by_label("Berkas SK (PDF)", exact=True).set_input_files(str(upload))
    tab.follow(page.get_by_role("button", name="Simpan SK"))
    assert "188/1/2026" in tab.text()

    tab.goto(f"/kerja/informasi/{item.pk}/")
    tab.follow(tab.main.get_by_role("link", name="Tarik informasi"))
    page.get_by_label("Alasan").fill("Digantikan profil baru")
    tab.follow(page.get_by_role("button", name="Tarik informasi"))
    assert page.locator(".status-line .badge-state").inner_text() == "Ditarik"
    tab.finish()
