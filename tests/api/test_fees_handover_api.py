"""Issue 19 point 3 over the API: fee items on respond, payment and handover endpoints."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from letters.models import IssuedLetter
from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def test_fee_items_payment_and_handover_over_the_api(world, file_request, api):
    with at(2026, 11, 2, 10):
        request = file_request()
    officer = api(world.officer)
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        r = officer.post(
            f"/api/v1/requests/{request.pk}/transitions/respond/",
            {
                "decision": "granted",
                "provided_information": "Salinan DPA",
                "fee_items": [{"name": "Salinan cetak", "unit": "lembar", "amount": 500, "quantity": 10}],
                "fee_details": "Tunai di loket",
            },
            format="json",
        )
        assert r.status_code == 200, r.content
        assert r.json()["response"]["fee_amount"] == "5000"
        assert r.json()["response"]["fee_items"][0]["quantity"] == 10
        assert r.json()["response"]["payment_status"] == "unpaid"
    with at(2026, 11, 5, 10):
        handover = {"handed_over_on": "2026-11-05", "method": "email", "received_by": "Siti"}
        r = officer.post(f"/api/v1/requests/{request.pk}/handover/", handover, format="json")
        assert r.status_code == 409
        r = api(world.citizen).post(
            f"/api/v1/requests/{request.pk}/payment/",
            {"status": "paid", "paid_on": "2026-11-05"},
            format="json",
        )
        assert r.status_code == 403
        r = api(world.outsider).post(
            f"/api/v1/requests/{request.pk}/payment/",
            {"status": "paid", "paid_on": "2026-11-05"},
            format="json",
        )
        assert r.status_code == 404
        r = officer.post(
            f"/api/v1/requests/{request.pk}/payment/",
            {"status": "paid", "paid_on": "2026-11-09"},
            format="json",
        )
        assert r.status_code == 400
        r = officer.post(
            f"/api/v1/requests/{request.pk}/payment/",
            {"status": "paid", "paid_on": "2026-11-05"},
            format="json",
        )
        assert r.status_code == 200
        assert r.json()["response"]["payment_status"] == "paid"
        r = officer.post(f"/api/v1/requests/{request.pk}/handover/", handover, format="json")
        assert r.status_code == 200, r.content
    mine = api(world.citizen).get(f"/api/v1/requests/{request.pk}/").json()
    assert mine["response"]["payment_status"] == "paid"
    assert mine["response"]["handed_over_on"] == "2026-11-05"
    assert IssuedLetter.objects.filter(kind="handover", object_id=request.pk).count() == 1
    assert "handover" in [letter["kind"] for letter in mine["letters"]]
