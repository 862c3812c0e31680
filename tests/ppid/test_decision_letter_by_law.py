"""Issue 14 point 13: the Atasan's letter states the 14 working days to the Komisi Informasi counted from receipt
(upheld, inadmissible) or the order and its comply-by date (granted)."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from ppid import letters
from ppid import services as s
from ppid.models import Objection
from ppid.windows import dispute_windows

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def objection(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 11, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
    with at(2026, 11, 16, 10):
        return s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Saya keberatan"
        )


@pytest.mark.parametrize("outcome", ["upheld", "inadmissible"])
def test_an_upheld_or_inadmissible_answer_counts_the_ki_days_from_receipt(world, objection, outcome):
    with at(2026, 11, 27, 10):
        s.objection_decide(
            objection_id=objection.pk, actor=world.atasan, outcome=outcome, reasons="Alasan tertulis"
        )
    with at(2026, 12, 3, 9):
        s.objection_record_decision_receipt(
            objection_id=objection.pk,
            actor=world.officer,
            received_on=D(2026, 12, 2),
            reason="Tanda terima pos",
        )
    decided = Objection.objects.get(pk=objection.pk)
    text = pdf_text(letters.render_objection_decision(decided))
    assert "14 (empat belas) hari kerja sejak tanggapan ini diterima" in text
    # The letter is the one issued on 27 November (issue 17: stored once, byte for byte): it counts from that day.
    assert (
        "Terhitung sejak tanggapan ini diterima pada 27 November 2026, batas waktunya Kamis, 17 Desember 2026"
        in text
    )
    assert "Perintah kepada PPID" not in text
    # The case counts the requester's window from the receipt recorded later.
    ki_filing = next(w for w in dispute_windows(decided) if w.key == "ki_filing")
    assert (ki_filing.start, ki_filing.due_date) == (D(2026, 12, 2), D(2026, 12, 22))


def test_a_granted_answer_states_the_order_and_its_comply_by_date(world, objection):
    with at(2026, 11, 27, 10):
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="granted",
            order="Berikan salinan daftar penerima",
            comply_by=D(2026, 12, 4),
        )
    text = pdf_text(letters.render_objection_decision(Objection.objects.get(pk=objection.pk)))
    # The order names the PPID whose decision was objected to (here the request's unit, the PPID Utama), not
    # the agency: on a request a PPID Pelaksana handled, that is the one that must comply.
    assert (
        "Atasan PPID memerintahkan PPID Utama Diskominfo untuk memenuhi: Berikan salinan daftar penerima, paling "
        "lambat Jumat, 4 Desember 2026" in text
    )
    assert "Apabila perintah ini tidak dipenuhi" in text
