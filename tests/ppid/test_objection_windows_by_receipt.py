"""Issue 14 points 2-3: the objection and KI windows count from the requester's receipt; a late objection is
registered, marked late with the working days counted, and the Atasan rules on its admissibility."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from audit.models import Event
from ppid import letters
from ppid import services as s
from ppid.errors import NotFound, PermissionDenied, ValidationError
from ppid.models import Objection
from ppid.windows import objection_ground_windows
from workcalendar.calendar import REQUESTER, WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def refused_by_post(world, file_request):
    """Filed Monday 2 November 2026; refused on Wednesday 11 November; the letter reached the requester by post on
    Wednesday 2 December 2026."""
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
    request.refresh_from_db()
    return request


def test_online_the_notice_counts_as_received_when_issued(world, refused_by_post):
    assert refused_by_post.notice_received_by_requester_on == D(2026, 11, 11)


def test_the_objection_window_counts_from_the_recorded_receipt_by_post(world, refused_by_post):
    with at(2026, 12, 3, 9):
        s.information_request_record_notice_receipt(
            request_id=refused_by_post.pk,
            actor=world.officer,
            received_on=D(2026, 12, 2),
            reason="Tanda terima pos",
        )
    refused_by_post.refresh_from_db()
    assert refused_by_post.notice_received_by_requester_on == D(2026, 12, 2)
    event = Event.objects.filter(action="request.notice_receipt").get()
    assert event.reason == "Tanda terima pos" and event.actor == world.officer
    with at(2026, 12, 28, 10):
        windows = objection_ground_windows(refused_by_post)
        assert windows["a"].arose_on == D(2026, 12, 2)
        assert windows["a"].is_open(dt.datetime(2026, 12, 28, 10, tzinfo=WIB))
        assert "diterima pemohon" in windows["a"].arose_because
        objection = s.objection_file(
            requester=world.citizen, request_id=refused_by_post.pk, grounds=["a"], reason="Saya keberatan"
        )
    assert objection.filed_after_window is False and objection.working_days_late == 0


def test_recording_a_receipt_validates_the_date_and_the_role(world, refused_by_post):
    with at(2026, 12, 3, 9):
        for bad in (D(2026, 11, 10), D(2026, 12, 4)):  # before the notice; in the future
            with pytest.raises(ValidationError) as exc:
                s.information_request_record_notice_receipt(
                    request_id=refused_by_post.pk, actor=world.officer, received_on=bad, reason="pos"
                )
            assert "received_on" in exc.value.message_dict
        with pytest.raises(ValidationError):
            s.information_request_record_notice_receipt(
                request_id=refused_by_post.pk, actor=world.officer, received_on=D(2026, 12, 2), reason=""
            )
        with pytest.raises((PermissionDenied, NotFound)):
            s.information_request_record_notice_receipt(
                request_id=refused_by_post.pk, actor=world.citizen, received_on=D(2026, 12, 2), reason="pos"
            )
    refused_by_post.refresh_from_db()
    assert refused_by_post.notice_received_by_requester_on == D(2026, 11, 11)


def test_a_late_objection_is_registered_marked_late_and_ruled_inadmissible(world, refused_by_post):
    closes = objection_ground_windows(refused_by_post, at=dt.datetime(2026, 12, 1, tzinfo=WIB))["a"].closes
    with at(2027, 1, 4, 10):
        objection = s.objection_register_offline(
            officer=world.officer,
            request_id=refused_by_post.pk,
            grounds=["a"],
            reason="Saya keberatan",
            received_at=dt.datetime(2027, 1, 4, 9, tzinfo=WIB),
            channel="walk_in",
        )
    late = WorkingCalendar(world.agency, party=REQUESTER).working_days_between(closes.due_date, D(2027, 1, 4))
    assert late > 0
    assert objection.filed_after_window is True and objection.working_days_late == late
    assert objection.ground_windows["a"]["working_days_late"] == late
    with at(2027, 1, 5, 10):
        with pytest.raises(ValidationError) as exc:
            s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="inadmissible")
        assert "reasons" in exc.value.message_dict
        s.objection_decide(
            objection_id=objection.pk,
            actor=world.atasan,
            outcome="inadmissible",
            reasons="Diajukan setelah batas waktu 30 hari kerja.",
        )
    objection = Objection.objects.get(pk=objection.pk)
    assert objection.outcome == "inadmissible"
    text = pdf_text(letters.render_objection_decision(objection))
    assert "Keberatan tidak dapat diterima" in text
    assert "Diajukan setelah batas waktu 30 hari kerja." in text
    assert f"{late} hari kerja setelah batas waktu" in text


def test_the_api_shows_the_receipt_and_the_late_mark(world, refused_by_post, client):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(world.officer)
    with at(2026, 12, 3, 9):
        resp = api.post(
            f"/api/v1/requests/{refused_by_post.pk}/notice-receipt/",
            {"received_on": "2026-12-02", "reason": "Tanda terima pos"},
            format="json",
        )
        assert resp.status_code == 200, resp.content
        assert resp.json()["notice_received_by_requester_on"] == "2026-12-02"
        bad = api.post(
            f"/api/v1/requests/{refused_by_post.pk}/notice-receipt/",
            {"received_on": "2026-13-02", "reason": "x"},
            format="json",
        )
        assert bad.status_code == 400
    schema = api.get("/api/v1/schema/").content.decode()
    assert "notice_received_by_requester_on" in schema and "filed_after_window" in schema
    assert "inadmissible" in schema


def test_the_officer_records_the_receipt_on_the_request_page(world, refused_by_post, client):
    from django.urls import reverse

    url = reverse("frontend:request_action", args=[refused_by_post.pk, "notice_receipt"])
    client.force_login(world.citizen)
    page = client.get(reverse("frontend:request_detail", args=[refused_by_post.pk])).content.decode()
    assert url not in page
    client.force_login(world.officer)
    with at(2026, 12, 3, 9):
        page = client.get(reverse("frontend:request_detail", args=[refused_by_post.pk])).content.decode()
        assert url in page
        bad = client.post(url, {"notice_receipt-received_on": "2026-11-01", "notice_receipt-reason": "pos"})
        assert "tidak mungkin diterima sebelum diterbitkan" in bad.content.decode()
        resp = client.post(
            url, {"notice_receipt-received_on": "2026-12-02", "notice_receipt-reason": "Tanda pos"}
        )
    assert resp.status_code == 302
    refused_by_post.refresh_from_db()
    assert refused_by_post.notice_received_by_requester_on == D(2026, 12, 2)
