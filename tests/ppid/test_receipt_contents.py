"""Issue 14 point 11: the tanda bukti carries the requester's signature block (offline) and their rights."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import time_machine
from pypdf import PdfReader

from ppid import letters
from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


RIGHTS = (
    "Hak pemohon informasi publik",
    "Pasal 17 (huruf a sampai j)",
    "10 (sepuluh) hari kerja",
    "7 (tujuh) hari kerja",
    "tidak dipungut biaya",
    "30 (tiga puluh) hari kerja",
    "Komisi Informasi",
)


def test_an_offline_receipt_has_both_signature_blocks_and_the_rights(world):
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=WIB), tick=False):
        request = s.information_request_register_offline(
            officer=world.officer,
            agency=world.agency,
            channel="walk_in",
            received_at=dt.datetime(2026, 11, 2, 9, tzinfo=WIB),
            requester={
                "requester_type": "individual",
                "name": "Rahmat Hidayat",
                "nik": "3273011501900001",
                "address": "Jl. Merdeka 1, Bandung",
                "phone": "022-555123",
            },
            information_requested="Daftar penerima hibah 2025",
            purpose="Pemantauan",
            obtain_method="view",
            delivery_method="pickup",
        )
    text = pdf_text(letters.render_receipt(request))
    assert "Pemohon, Petugas penerima," in text or ("Pemohon," in text and "Petugas penerima," in text)
    assert text.count("Rahmat Hidayat") >= 2  # identity, and the signature block
    for phrase in RIGHTS:
        assert phrase in text, phrase


def test_an_online_receipt_states_the_rights_too(world, file_request):
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=WIB), tick=False):
        request = file_request()
    text = pdf_text(letters.render_receipt(request))
    assert "Petugas penerima" not in text
    for phrase in RIGHTS:
        assert phrase in text, phrase
