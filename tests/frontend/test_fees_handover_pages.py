"""Issue 19 point 3 on the request page: the officer records the payment and the handover; the requester sees
the status and the receipt of handover in the case's letters."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.test import Client

from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def test_officer_records_payment_and_handover_and_requester_sees_them(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="granted",
            provided_information="Salinan DPA",
            fee_items=[{"name": "Salinan cetak", "unit": "lembar", "amount": 500, "quantity": 4}],
        )
    officer, citizen = Client(), Client()
    officer.force_login(world.officer)
    citizen.force_login(world.citizen)
    page = f"/permohonan/{request.pk}/"
    with at(2026, 11, 5, 10):
        body = officer.get(page).content.decode()
        assert "Catat pembayaran biaya" in body and "Catat penyerahan informasi" in body
        assert "Catat pembayaran biaya" not in citizen.get(page).content.decode()
        refused = officer.post(
            f"/permohonan/{request.pk}/aksi/handover/",
            {
                "handover-handed_over_on": "2026-11-05",
                "handover-method": "pickup",
                "handover-received_by": "Siti",
            },
        )
        assert "Biaya belum dibayar" in refused.content.decode()
        officer.post(
            f"/permohonan/{request.pk}/aksi/payment/",
            {"payment-status": "paid", "payment-paid_on": "2026-11-05"},
        )
        officer.post(
            f"/permohonan/{request.pk}/aksi/handover/",
            {
                "handover-handed_over_on": "2026-11-05",
                "handover-method": "pickup",
                "handover-received_by": "Siti",
            },
        )
        mine = citizen.get(page).content.decode()
    assert "Sudah dibayar" in mine
    assert "Tanda bukti penyerahan informasi" in mine
    letter = citizen.get(f"/permohonan/{request.pk}/surat/penyerahan/")
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"


def test_the_respond_form_offers_the_published_fee_schedule(world, file_request):
    from standards.models import StandardVersion
    from standards.selectors import standard_draft

    StandardVersion.objects.create(
        standard=standard_draft(world.agency),
        number=1,
        published_by=world.admin,
        content={
            "fees": [
                {"name": "Salinan elektronik", "unit": "berkas", "amount": 0},
                {"name": "Salinan cetak A4", "unit": "lembar", "amount": 500},
            ]
        },
    )
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        officer = Client()
        officer.force_login(world.officer)
        body = officer.get(f"/permohonan/{request.pk}/").content.decode()
        assert "Jumlah: Salinan cetak A4 (lembar" in body
        assert "Jumlah: Salinan elektronik" not in body  # free rows need no quantity
        officer.post(
            f"/permohonan/{request.pk}/aksi/respond/",
            {
                "respond-decision": "granted",
                "respond-provided_information": "Salinan DPA",
                "respond-fee_qty_0": "12",
                "respond-fee_details": "Tunai di loket",
            },
        )
    request.refresh_from_db()
    assert request.response.fee_items == [
        {"name": "Salinan cetak A4", "unit": "lembar", "amount": 500, "quantity": 12}
    ]
    assert request.response.fee_amount == 6000
