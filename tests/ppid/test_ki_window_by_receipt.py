"""Issue 14 point 3: the KI filing window counts from the requester's receipt of the Atasan's answer (UU 14/2008
Pasal 37(2)); the timeline marks it missed only when it has really passed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from ppid import services as s
from ppid.errors import NotFound, PermissionDenied, ValidationError
from ppid.models import Objection
from ppid.timeline import case_timeline
from ppid.windows import dispute_windows

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


@pytest.fixture
def upheld(world, file_request):
    """Refused 11 November 2026, objected 16 November, upheld by the Atasan on Friday 27 November 2026."""
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
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Saya keberatan"
        )
    with at(2026, 11, 27, 10):
        s.objection_decide(
            objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Data pribadi dilindungi"
        )
    return Objection.objects.get(pk=objection.pk)


def test_online_the_answer_counts_as_received_on_the_day_it_was_given(upheld):
    assert upheld.decision_received_by_requester_on == D(2026, 11, 27)


def test_the_ki_window_counts_from_the_recorded_receipt(world, upheld):
    with at(2026, 12, 3, 9):
        s.objection_record_decision_receipt(
            objection_id=upheld.pk, actor=world.officer, received_on=D(2026, 12, 2), reason="Tanda terima pos"
        )
    upheld.refresh_from_db()
    assert upheld.decision_received_by_requester_on == D(2026, 12, 2)
    [window] = dispute_windows(upheld)
    assert window.start == D(2026, 12, 2)
    assert window.due_date == D(2026, 12, 22)  # 14 working days; from 27 November it would be 17 December
    with at(2026, 12, 18, 10):  # past 14 working days from the answer's date, not from its receipt
        assert window.status == "open"
        items = [i for i in case_timeline(upheld.request, world.officer) if i.case == "dispute"]
    assert [i.status for i in items] == ["open"]


def test_recording_the_answer_receipt_is_checked_and_audited(world, upheld):
    with at(2026, 12, 3, 9):
        for bad in (D(2026, 11, 26), D(2026, 12, 4)):
            with pytest.raises(ValidationError) as exc:
                s.objection_record_decision_receipt(
                    objection_id=upheld.pk, actor=world.officer, received_on=bad, reason="pos"
                )
            assert "received_on" in exc.value.message_dict
        with pytest.raises((PermissionDenied, NotFound)):
            s.objection_record_decision_receipt(
                objection_id=upheld.pk, actor=world.citizen, received_on=D(2026, 12, 2), reason="pos"
            )
    upheld.refresh_from_db()
    assert upheld.decision_received_by_requester_on == D(2026, 11, 27)


def test_api_and_page_record_the_answer_receipt(world, upheld, client):
    api = APIClient()
    api.force_authenticate(world.officer)
    with at(2026, 12, 3, 9):
        resp = api.post(
            f"/api/v1/objections/{upheld.pk}/decision-receipt/",
            {"received_on": "2026-12-01", "reason": "Tanda terima pos"},
            format="json",
        )
        assert resp.status_code == 200, resp.content
        assert resp.json()["decision_received_by_requester_on"] == "2026-12-01"
        client.force_login(world.officer)
        url = reverse("frontend:objection_action", args=[upheld.pk, "decision_receipt"])
        assert url in client.get(reverse("frontend:objection_detail", args=[upheld.pk])).content.decode()
        page = client.post(
            url, {"decision_receipt-received_on": "2026-12-02", "decision_receipt-reason": "Pos"}
        )
    assert page.status_code == 302
    upheld.refresh_from_db()
    assert upheld.decision_received_by_requester_on == D(2026, 12, 2)
    assert "decision_received_by_requester_on" in api.get("/api/v1/schema/").content.decode()
