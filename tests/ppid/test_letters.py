"""The PDF letters of an information request, read back as text the way a requester would read them."""

import io
import re
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from pypdf import PdfReader

from ppid import letters
from ppid import services as s

FULL_NIK = "3273015505900001"  # the factory default
FRIDAY_MORNING = datetime(2026, 3, 13, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
# Counted from Friday 13 March 2026, skipping Nyepi, Idul Fitri with its cuti bersama (18-24 March) and
# Good Friday (3 April): 10 working days, then 7 more.
DUE_INITIAL = "Senin, 6 April 2026"
DUE_EXTENDED = "Rabu, 15 April 2026"
PIXEL = (  # a 1x1 PNG
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def assert_no_full_nik(text: str) -> None:
    # Also with the spaces pypdf may put between glyphs removed.
    assert FULL_NIK not in re.sub(r"\s", "", text)


@pytest.fixture
def frozen():
    with time_machine.travel(FRIDAY_MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def processed(frozen, world, file_request):
    request = file_request()
    return s.information_request_process(request_id=request.pk, actor=world.officer)


def test_receipt_in_indonesian_with_masked_nik_and_due_date(frozen, world, file_request):
    world.agency.city = "Bandung"
    world.agency.address = "Jl. Wastukancana No. 2"
    world.agency.save()
    request = file_request()

    with translation.override("en"):  # the caller's page language does not matter
        text = pdf_text(letters.render_receipt(request))

    assert "Tanda Bukti Penerimaan Permohonan Informasi Publik".upper() in text.upper()
    assert "DISKOMINFO" in text
    assert "Jl. Wastukancana No. 2, Bandung" in text
    assert request.registration_number in text
    assert "Jumat, 13 Maret 2026 pukul 10.00 WIB" in text
    assert "Daring (laman PPID)" in text
    assert "Siti" in text
    assert "Perorangan" in text
    assert "0001" in text
    assert_no_full_nik(text)
    assert "Dokumen anggaran Dinas Kesehatan tahun 2025" in text
    assert "Penelitian" in text
    assert "Salinan elektronik (softcopy)" in text
    assert "E-mail" in text
    assert f"Batas waktu pemberitahuan tertulis: {DUE_INITIAL} pukul 23.59 WIB" in text
    assert "10 hari kerja" in text
    assert "hari ke-0" in text


def test_receipt_of_legal_entity_registered_at_the_desk(frozen, world):
    request = s.information_request_register_offline(
        officer=world.officer,
        agency=world.agency,
        channel="walk_in",
        received_at=FRIDAY_MORNING,
        requester={
            "requester_type": "legal_entity",
            "entity_number": "AHU-0012345.AH.01.07.2020",
            "name": "Yayasan Data Terbuka",
            "address": "Jl. Merdeka 1, Bandung",
            "phone": "022-555123",
        },
        information_requested="Daftar penerima hibah 2025",
        purpose="Pemantauan",
        obtain_method="view",
        delivery_method="pickup",
    )

    text = pdf_text(letters.render_receipt(request, viewer=world.officer))

    assert "Datang langsung" in text
    assert "Badan hukum" in text
    assert "Nomor SK pengesahan badan hukum : AHU-0012345.AH.01.07.2020" in text
    assert "NIK :" not in text
    assert "022-555123" in text
    assert "Petugas penerima" in text
    assert "petugas" in text  # the officer who registered it (username: no full name set)


def test_receipt_time_is_in_the_agency_zone(frozen, world, file_request):
    world.agency.time_zone = "Asia/Jayapura"
    world.agency.save()

    text = pdf_text(letters.render_receipt(file_request()))

    assert "13 Maret 2026 pukul 12.00 WIT" in text


def test_extension_letter_states_reason_and_both_due_dates(processed, world):
    request = s.information_request_extend(
        request_id=processed.pk, actor=world.officer, reason="Dokumen masih di arsip gudang."
    )

    text = pdf_text(letters.render_extension_letter(request))

    assert "PEMBERITAHUAN PERPANJANGAN WAKTU" in text
    assert "Pasal 22 ayat 8" in text
    assert request.registration_number in text
    assert f"Batas waktu semula : {DUE_INITIAL}" in text
    assert "Dokumen masih di arsip gudang." in text
    assert f"Batas waktu baru : {DUE_EXTENDED} pukul 23.59 WIB" in text


def test_extension_letter_after_a_clarification_pause_shows_the_deadline_it_extended(
    frozen, world, processed
):
    world.agency.pause_on_clarification = True
    world.agency.save()
    s.information_request_ask_clarification(
        request_id=processed.pk, actor=world.officer, message="Anggaran dinas yang mana?"
    )
    frozen.move_to(datetime(2026, 3, 25, 10, tzinfo=ZoneInfo("Asia/Jakarta")))
    # 16, 17 and 25 March were working days spent waiting: the deadline moves 3 working days.
    s.information_request_clarify(request_id=processed.pk, actor=world.citizen, message="Dinas Kesehatan.")
    request = s.information_request_extend(
        request_id=processed.pk, actor=world.officer, reason="Perlu uji konsekuensi."
    )

    text = pdf_text(letters.render_extension_letter(request))

    assert "Batas waktu semula : Kamis, 9 April 2026" in text
    assert f"Batas waktu awal (10 hari kerja) : {DUE_INITIAL}" in text
    assert "Batas waktu baru : Senin, 20 April 2026 pukul 23.59 WIB" in text


def test_extension_letter_refused_without_extension(processed):
    with pytest.raises(ValueError, match="not extended"):
        letters.render_extension_letter(processed)


def test_notice_of_refusal_lists_pasal_17_grounds(processed, world):
    s.information_request_respond(
        request_id=processed.pk,
        actor=world.officer,
        decision="rejected",
        exemption_grounds=["h", "a"],
        consequence_test="Membuka data kesehatan pribadi merugikan pemiliknya.",
        fee_amount=0,
    )
    processed.refresh_from_db()

    text = pdf_text(letters.render_notice(processed))

    assert "PEMBERITAHUAN TERTULIS" in text
    assert "Pasal 22 ayat 7" in text
    assert processed.registration_number in text
    assert "Ditolak" in text
    assert "Pasal 17 huruf h: mengungkap rahasia pribadi" in text
    assert "Pasal 17 huruf a: menghambat proses penegakan hukum" in text
    assert "Membuka data kesehatan pribadi merugikan pemiliknya." in text
    assert "Rp 0 (tidak dipungut biaya)" in text
    assert "13 Maret 2026" in text
    assert "petugas" in text  # the responsible officer (no full name set: the username)
    assert "keberatan" in text
    assert "Atasan PPID" in text
    assert "30 (tiga puluh) hari kerja" in text
    assert "0001" in text
    assert_no_full_nik(text)


def test_notice_of_partial_grant_with_redactions_and_fee(processed, world):
    s.information_request_respond(
        request_id=processed.pk,
        actor=world.officer,
        decision="partially_granted",
        exemption_grounds=["h"],
        consequence_test="Nama pasien dihitamkan.",
        provided_information="Rekap anggaran 2025, 12 halaman.",
        redactions="Nama dan NIK pasien pada lampiran 3 (Pasal 17 huruf h).",
        obtain_method="hardcopy",
        delivery_method="post",
        fee_amount=1250000,
        fee_details="Fotokopi 12 halaman dan ongkos kirim; transfer ke rekening kas daerah.",
        note="Salinan dikirim setelah pembayaran diterima.",
    )
    processed.refresh_from_db()

    with translation.override("en"):
        text = pdf_text(letters.render_notice(processed))

    assert "Diterima sebagian" in text
    assert "Pasal 17 huruf h: mengungkap rahasia pribadi" in text
    assert "Rekap anggaran 2025, 12 halaman." in text
    assert "Nama dan NIK pasien pada lampiran 3" in text
    assert "Salinan cetak (hardcopy)" in text
    assert "Pos" in text
    assert "Rp 1.250.000" in text
    assert "transfer ke rekening kas daerah" in text
    assert "Salinan dikirim setelah pembayaran diterima." in text


def test_notice_when_information_is_not_held_names_the_holder(processed, world):
    s.information_request_respond(
        request_id=processed.pk,
        actor=world.officer,
        decision="not_held",
        holding_body="Dinas Kesehatan Provinsi Jawa Barat",
    )
    processed.refresh_from_db()

    text = pdf_text(letters.render_notice(processed))

    assert "Informasi tidak dikuasai" in text
    assert "tidak berada di bawah penguasaan" in text
    assert "Dinas Kesehatan Provinsi Jawa Barat" in text
    assert "Pasal 17 huruf" not in text


def test_notice_refused_without_response(processed):
    with pytest.raises(ValueError, match="no written notice"):
        letters.render_notice(processed)


def test_requester_text_is_printed_not_interpreted(monkeypatch, world, file_request):
    opened = []
    monkeypatch.setattr("urllib.request.OpenerDirector.open", lambda self, url, *a, **kw: opened.append(url))
    request = file_request(information_requested='Laporan <img src="http://127.0.0.1:9/x.png"> 2025')

    text = pdf_text(letters.render_receipt(request))

    assert 'Laporan <img src="http://127.0.0.1:9/x.png"> 2025' in text
    # Only the letter's own QR code (a data: URI) is ever opened.
    assert [u for u in opened if not getattr(u, "full_url", str(u)).startswith("data:")] == []


def test_letters_fetch_no_url_but_data(monkeypatch, processed):
    """Even markup with URLs in it (a future logo, a stylesheet) cannot reach the network or the disk."""
    opened = []
    real_open = urllib.request.OpenerDirector.open

    def spy(self, url, *args, **kwargs):
        opened.append(getattr(url, "full_url", url))
        return real_open(self, url, *args, **kwargs)

    monkeypatch.setattr("urllib.request.OpenerDirector.open", spy)
    monkeypatch.setattr(
        letters,
        "render_to_string",
        lambda *a, **kw: (
            '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
            '<img src="file:///etc/hostname"><img src="https://example.org/logo.png">'
            f'<img src="{PIXEL}"><p>Isi</p>'
        ),
    )

    assert pdf_text(letters.render_receipt(processed)) == "Isi"
    assert [url.split(",")[0] for url in opened] == ["data:image/png;base64"]
