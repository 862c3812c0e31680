"""Issue 17 in Chromium: the administrator names the PPID Utama's signatory (Plt.) and the unit's kop; a request
filed afterwards gets a receipt with that kop and signatory; anyone holding the PDF checks it on the public
verification page: the original is "Cocok", a copy with one byte changed is "Tidak cocok"."""

import pytest

from agencies.models import SignatoryPosition
from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_admin_names_the_signatory_and_anyone_verifies_the_letter(
    world, file_request, open_tab, tmp_path
):
    world.head.first_name, world.head.last_name = "Yusuf", "Maulana"
    world.head.save()
    admin = log_in(open_tab(), "admin")
    admin.goto(f"/kelola/{world.agency.slug}/penanda-tangan/")
    admin.follow(admin.main.get_by_role("link", name=f"Tetapkan PPID unit · {world.utama.name}"))
    admin.main.get_by_label("Pejabat").select_option(label="Yusuf Maulana")
    admin.main.get_by_label("Nama jabatan").fill("Kepala Dinas Komunikasi dan Informatika selaku PPID Utama")
    admin.main.get_by_label("Pelaksana tugas (Plt.)").check()
    admin.main.get_by_label("Alasan atau dasar penunjukan").fill("SK Gubernur Nomor 800/12/2026")
    admin.follow(admin.main.get_by_role("button", name="Simpan", exact=True))
    assert "Plt. Kepala Dinas Komunikasi dan Informatika selaku PPID Utama" in admin.text()
    assert SignatoryPosition.objects.get(unit=world.utama, kind="ppid").acting

    admin.goto(f"/kelola/{world.agency.slug}/unit/{world.utama.pk}/ubah/")
    admin.main.get_by_label("Nama perangkat daerah pada kop").fill("Dinas Komunikasi dan Informatika")
    admin.main.get_by_label("Kota").fill("Bandung")
    admin.follow(admin.main.get_by_role("button", name="Simpan kop"))
    assert "DINAS KOMUNIKASI DAN INFORMATIKA" in admin.text()  # the kop's preview

    request = file_request(information_requested="Rencana strategis Diskominfo 2026-2030")
    letter = letter_of(request, LetterKind.RECEIPT)
    original = letter_pdf(letter)
    letter.refresh_from_db()
    assert letter.letterhead["name"] == "DINAS KOMUNIKASI DAN INFORMATIKA"
    assert letter.signatory["acting"] and letter.signatory["name"] == "Yusuf Maulana"

    held, forged = tmp_path / "surat.pdf", tmp_path / "surat-diubah.pdf"
    held.write_bytes(original)
    tampered = bytearray(original)
    tampered[len(tampered) // 2] ^= 0x01
    forged.write_bytes(bytes(tampered))

    visitor = open_tab()
    visitor.goto(f"/verifikasi/{letter.code}/")
    page = visitor.text()
    assert letter.number in page and "Tanda bukti penerimaan permohonan" in page
    assert "Plt. Kepala Dinas Komunikasi dan Informatika selaku PPID Utama" in page
    assert "Siti" not in page  # never the requester
    visitor.main.get_by_label("Berkas PDF surat yang Anda pegang").set_input_files(str(held))
    visitor.follow(visitor.main.get_by_role("button", name="Periksa"))
    assert "Cocok." in visitor.text()
    visitor.main.get_by_label("Berkas PDF surat yang Anda pegang").set_input_files(str(forged))
    visitor.follow(visitor.main.get_by_role("button", name="Periksa"))
    assert "Tidak cocok." in visitor.text()

    # A code nobody issued: a plain "not found" (fetched, not navigated: the browser logs every 404 it loads).
    unknown = visitor.page.request.get(visitor.base_url + "/verifikasi/ZZZZZZZZZZZZ/")
    assert unknown.status == 404 and "Surat tidak ditemukan" in unknown.text()


def test_the_admin_rewords_a_letters_closing_and_the_next_letter_uses_it(world, file_request, open_tab):
    from letters.models import LetterTemplate

    admin = log_in(open_tab(), "admin")
    admin.goto(f"/kelola/{world.agency.slug}/surat/")
    admin.follow(admin.main.get_by_role("link", name="Ubah Tanda bukti penerimaan permohonan"))
    admin.main.get_by_label("Penutup").fill(
        "Terima kasih atas kepercayaan Saudara kepada layanan PPID {nama_badan_publik}."
    )
    admin.main.get_by_label("Alasan perubahan").fill("Bahasa layanan yang lebih ramah")
    admin.follow(admin.main.get_by_role("button", name="Simpan sebagai versi baru"))
    assert "Versi 1" in admin.text()
    template = LetterTemplate.objects.get(agency=world.agency, kind=LetterKind.RECEIPT)

    letter = letter_of(file_request(), LetterKind.RECEIPT)
    assert letter.template_version == template
    from tests.ppid.test_letters import pdf_text

    text = pdf_text(letter_pdf(letter))
    world.agency.refresh_from_db()
    assert f"Terima kasih atas kepercayaan Saudara kepada layanan PPID {world.agency.name}." in text
    assert "{nama_badan_publik}" not in text
