"""Issue 19 point 3: fee items on the notice, the payment status and the receipt of handover."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from audit.models import Event
from letters.models import IssuedLetter
from ppid import letters
from ppid import services as s
from ppid.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from ppid.models import InformationRequest

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date
ITEMS = [
    {"name": "Salinan cetak A4", "unit": "lembar", "amount": 500, "quantity": 30},
    {"name": "Flashdisk", "unit": "buah", "amount": 60000, "quantity": 1},
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def respond(world, file_request, **notice):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            **{"decision": "granted", "provided_information": "Salinan DPA 2026", **notice},
        )
    return InformationRequest.objects.get(pk=request.pk)


def test_the_notice_prints_the_fee_items_and_their_total(world, file_request):
    request = respond(world, file_request, fee_items=ITEMS, fee_details="Transfer ke rekening kas daerah")
    response = request.response
    assert response.fee_amount == 75000
    assert response.payment_status == "unpaid"
    text = pdf_text(letters.render_notice(request))
    assert "Salinan cetak A4" in text and "30 lembar" in text and "Rp 15.000" in text
    assert "Jumlah biaya Rp 75.000" in text
    assert "Transfer ke rekening kas daerah" in text


def test_fee_details_are_generated_from_the_items_when_left_empty(world, file_request):
    request = respond(world, file_request, fee_items=ITEMS[:1])
    assert "Salinan cetak A4: 30 lembar x Rp 500 = Rp 15.000" in request.response.fee_details


@pytest.mark.parametrize(
    ("items", "amount", "field"),
    [
        ([{"name": "Salinan", "unit": "lembar", "amount": 500, "quantity": 0}], 0, "fee_items"),
        ([{"name": "Salinan", "unit": "lembar", "amount": -5, "quantity": 2}], 0, "fee_items"),
        ([{"name": "", "unit": "lembar", "amount": 500, "quantity": 2}], 0, "fee_items"),
        ([{"name": "Salinan", "amount": 500, "quantity": 2, "extra": 1}], 0, "fee_items"),
        ("bukan daftar", 0, "fee_items"),
        ([{"name": "Salinan", "unit": "lembar", "amount": 500, "quantity": 2}], 999, "fee_amount"),
    ],
)
def test_bad_fee_items_are_refused(world, file_request, items, amount, field):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        with pytest.raises(ValidationError) as exc:
            s.information_request_respond(
                request_id=request.pk,
                actor=world.officer,
                decision="granted",
                provided_information="Salinan",
                fee_items=items,
                fee_amount=amount,
                fee_details="Tunai",
            )
    assert field in exc.value.message_dict


def test_no_fee_means_no_payment_to_record(world, file_request):
    request = respond(world, file_request)
    assert request.response.payment_status == "none"
    with at(2026, 11, 5, 10), pytest.raises(InvalidTransition):
        s.information_request_record_payment(
            request_id=request.pk, actor=world.officer, status="paid", paid_on=D(2026, 11, 5)
        )


def test_payment_is_recorded_with_date_and_proof_and_audited(world, file_request):
    request = respond(world, file_request, fee_items=ITEMS)
    with at(2026, 11, 6, 10):
        s.information_request_record_payment(
            request_id=request.pk,
            actor=world.officer,
            status="paid",
            paid_on=D(2026, 11, 5),
            proof=SimpleUploadedFile("bukti.pdf", PDF),
        )
    response = InformationRequest.objects.get(pk=request.pk).response
    assert (response.payment_status, response.paid_on) == ("paid", D(2026, 11, 5))
    assert response.payment_proof
    assert Event.objects.filter(action="request.payment", object_id=str(request.pk)).count() == 1


def test_payment_refusals_in_order(world, file_request):
    request = respond(world, file_request, fee_items=ITEMS)
    with at(2026, 11, 6, 10):
        with pytest.raises(NotFound):
            s.information_request_record_payment(
                request_id=request.pk, actor=world.outsider, status="paid", paid_on=D(2026, 11, 5)
            )
        with pytest.raises(PermissionDenied):
            s.information_request_record_payment(
                request_id=request.pk, actor=world.auditor, status="paid", paid_on=D(2026, 11, 5)
            )
        for kwargs, field in (
            ({"status": "paid", "paid_on": D(2026, 11, 7)}, "paid_on"),  # future
            ({"status": "paid", "paid_on": D(2026, 11, 3)}, "paid_on"),  # before the notice
            ({"status": "paid", "paid_on": None}, "paid_on"),
            ({"status": "waived", "waived_reason": "  "}, "waived_reason"),
            (
                {
                    "status": "paid",
                    "paid_on": D(2026, 11, 5),
                    "proof": SimpleUploadedFile("b.pdf", b"MZ fake"),
                },
                "proof",
            ),
        ):
            with pytest.raises(ValidationError) as exc:
                s.information_request_record_payment(request_id=request.pk, actor=world.officer, **kwargs)
            assert field in exc.value.message_dict
    assert InformationRequest.objects.get(pk=request.pk).response.payment_status == "unpaid"


def test_handover_is_refused_while_unpaid_and_issues_its_letter_once_waived(world, file_request):
    request = respond(world, file_request, fee_items=ITEMS)
    handover = {"handed_over_on": D(2026, 11, 6), "method": "pickup", "received_by": "Siti Aminah"}
    with at(2026, 11, 6, 10):
        with pytest.raises(InvalidTransition):
            s.information_request_record_handover(request_id=request.pk, actor=world.officer, **handover)
        assert not IssuedLetter.objects.filter(kind="handover").exists()
        s.information_request_record_payment(
            request_id=request.pk, actor=world.officer, status="waived", waived_reason="Pemohon tidak mampu"
        )
        s.information_request_record_handover(request_id=request.pk, actor=world.officer, **handover)
        with pytest.raises(InvalidTransition):
            s.information_request_record_handover(request_id=request.pk, actor=world.officer, **handover)
        with pytest.raises(InvalidTransition):
            s.information_request_record_payment(request_id=request.pk, actor=world.officer, status="unpaid")
    letter = IssuedLetter.objects.get(kind="handover")
    assert letter.number and letter.subject == "Tanda Bukti Penyerahan Informasi Publik"
    request = InformationRequest.objects.get(pk=request.pk)
    text = pdf_text(letters.render_handover(request, viewer=world.officer))
    assert "Tanda Bukti Penyerahan Informasi Publik" in text
    assert letter.number in text
    assert "Siti Aminah" in text and "Jumat, 6 November 2026" in text
    assert "Yang menerima" in text  # handed over in person: the receiver signs
    assert "(dibebaskan)" in text
    assert len(PdfReader(io.BytesIO(letters.render_handover(request, viewer=world.officer))).pages) == 1


def test_handover_only_after_a_grant_and_with_valid_details(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk, actor=world.officer, decision="not_held", holding_body="tidak diketahui"
        )
        with pytest.raises(InvalidTransition):
            s.information_request_record_handover(
                request_id=request.pk,
                actor=world.officer,
                handed_over_on=D(2026, 11, 4),
                method="email",
                received_by="Siti",
            )
    granted = respond(world, file_request)
    with at(2026, 11, 6, 10):
        with pytest.raises(PermissionDenied):
            s.information_request_record_handover(
                request_id=granted.pk,
                actor=world.citizen,
                handed_over_on=D(2026, 11, 4),
                method="email",
                received_by="Siti",
            )
        with pytest.raises(ValidationError) as exc:
            s.information_request_record_handover(
                request_id=granted.pk,
                actor=world.officer,
                handed_over_on=D(2026, 11, 9),
                method="x",
                received_by="",
            )
    assert set(exc.value.message_dict) == {"handed_over_on", "method", "received_by"}
