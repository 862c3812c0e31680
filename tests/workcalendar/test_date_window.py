"""Impossible dates: refused where they are entered (forms, the API, the services, one window), and a bad row
already stored does not break the pages and files that read it."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from complaints.models import Complaint
from complaints.services import complaint_file
from ppid import services as s
from ppid.models import InformationRequest, Objection
from tests.factories import UserFactory
from workcalendar.models import Holiday

WIB = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 5, 4, 10, tzinfo=WIB)
YEAR_ONE = dt.datetime(1, 1, 1, 12, tzinfo=dt.UTC)
TOO_EARLY = "Tanggal tidak boleh sebelum 1 Januari 2008."
REQUESTER = {
    "requester_type": "individual",
    "name": "Pak Darto",
    "nik": "3273011203850002",
    "address": "Jl. Braga",
    "phone": "0812",
}


@pytest.fixture
def now():
    with time_machine.travel(NOW, tick=False):
        yield


def api_as(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def page_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- refused where entered ----------------------------------------------------------------------------------------
def test_offline_intake_received_in_year_one_is_refused_by_service_api_and_page(world, now):
    with pytest.raises(ValidationError) as refused:
        s.information_request_register_offline(
            officer=world.officer,
            agency=world.agency,
            channel="walk_in",
            received_at=YEAR_ONE,
            requester=REQUESTER,
            information_requested="Anggaran",
            purpose="Riset",
            obtain_method="softcopy",
            delivery_method="email",
        )
    assert refused.value.message_dict["received_at"] == [TOO_EARLY]

    payload = {
        "agency": "diskominfo",
        "information_requested": "Anggaran 2025",
        "purpose": "Riset",
        "obtain_method": "softcopy",
        "delivery_method": "email",
        "channel": "post",
        "requester": REQUESTER,
    }
    for received in ("0001-01-01T09:00:00+07:00", "2007-12-31T09:00:00+07:00"):
        bad = api_as(world.officer).post(
            "/api/v1/requests/", {**payload, "received_at": received}, format="json"
        )
        assert bad.status_code == 400, received
        assert bad.json()["errors"]["received_at"] == [TOO_EARLY]
    english = api_as(world.officer).post(
        "/api/v1/requests/",
        {**payload, "received_at": "0001-01-01T09:00:00+07:00"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.json()["errors"]["received_at"] == ["The date cannot be before 1 January 2008."]

    form = {
        "channel": "walk_in",
        "received_at": "0001-01-01T08:30",
        "agency": world.agency.pk,
        "unit": "",
        "requester_type": "individual",
        "name": "Ujang",
        "nik": "3273015505900001",
        "address": "Jl. Braga No. 5",
        "phone": "081234567890",
        "information_requested": "Rekap",
        "purpose": "Advokasi",
        "obtain_method": "hardcopy",
        "delivery_method": "pickup",
        "submission_key": str(uuid.uuid4()),
    }
    response = page_as(world.officer).post(reverse("frontend:offline_intake"), form)
    assert response.status_code == 200
    assert TOO_EARLY in response.content.decode()
    assert InformationRequest.objects.count() == 0


def test_an_objection_received_before_2008_is_refused(world, file_request, now):
    request = file_request()
    for received in (YEAR_ONE, dt.datetime(2005, 6, 1, 9, tzinfo=WIB)):
        with pytest.raises(ValidationError) as refused:
            s.objection_register_offline(
                officer=world.officer,
                request_id=request.pk,
                grounds=["c"],
                reason="Tidak ditanggapi",
                received_at=received,
            )
        assert refused.value.message_dict["received_at"] == [TOO_EARLY]
    assert Objection.objects.count() == 0


def test_a_complaint_incident_in_year_one_is_refused_by_service_api_and_page(world, now):
    with pytest.raises(ValidationError) as refused:
        complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title="Antre",
            description="Lama",
            category="health",
            occurred_on=dt.date(1, 1, 1),
        )
    assert refused.value.message_dict["occurred_on"] == [TOO_EARLY]
    bad = api_as(world.citizen).post(
        "/api/v1/complaints/",
        {
            "agency": "diskominfo",
            "title": "Antre",
            "description": "Lama",
            "category": "health",
            "occurred_on": "1999-01-01",
        },
        format="json",
    )
    assert bad.status_code == 400 and bad.json()["errors"]["occurred_on"] == [TOO_EARLY]
    assert Complaint.objects.count() == 0


@pytest.mark.parametrize(("day", "message"), [("0001-01-01", TOO_EARLY), ("2999-01-01", "paling lambat")])
def test_a_holiday_outside_the_window_is_refused(db, now, day, message):
    count = Holiday.objects.count()
    client = page_as(UserFactory(is_superuser=True))
    response = client.post(
        reverse("frontend:holiday_add"), {"date": day, "name": "Libur", "kind": "national"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Holiday.objects.count() == count


def test_a_holiday_next_year_is_still_accepted(db, now):
    client = page_as(UserFactory(is_superuser=True))
    response = client.post(
        reverse("frontend:holiday_add"), {"date": "2027-08-17", "name": "HUT RI", "kind": "national"}
    )
    assert response.status_code == 302
    assert Holiday.objects.filter(date=dt.date(2027, 8, 17), name="HUT RI").exists()


def test_range_query_parameters_outside_the_window_are_a_400(world, now):
    for params in (
        {"received_after": "0001-01-01"},
        {"received_before": "9999-12-31"},
        {"due_before": "1900-01-01"},
    ):
        response = api_as(world.officer).get("/api/v1/requests/", params)
        assert response.status_code == 400, params
        assert list(response.json()["errors"]) == list(params), params


# --- a bad row already stored --------------------------------------------------------------------------------------
def test_a_year_one_request_in_the_database_does_not_break_the_auditors(world, file_request, now):
    request = file_request()
    InformationRequest.objects.filter(pk=request.pk).update(
        received_at=YEAR_ONE, due_date=dt.date(1, 1, 15), original_due_date=dt.date(1, 1, 15)
    )
    auditor = page_as(world.auditor)
    dashboard = auditor.get(reverse("frontend:dashboard_agency", args=["diskominfo"]))
    assert dashboard.status_code == 200
    assert request.registration_number in dashboard.content.decode()  # listed as overdue, not hidden
    overdue = auditor.get(reverse("frontend:dashboard_overdue_csv", args=["diskominfo"]))
    assert overdue.status_code == 200 and request.registration_number in overdue.content.decode("utf-8-sig")
    assert auditor.get(reverse("frontend:dashboard_compliance_csv", args=["diskominfo"])).status_code == 200
    api = api_as(world.auditor)
    compliance = api.get("/api/v1/stats/compliance/", {"agency": "diskominfo"})
    assert compliance.status_code == 200
    assert compliance.json()["totals"]["overdue"] == 1
    assert api.get("/api/v1/stats/compliance/overdue/", {"agency": "diskominfo"}).status_code == 200
    assert api.get("/api/v1/stats/requests/", {"agency": "diskominfo"}).status_code == 200


def test_a_dispute_filed_before_2008_is_refused(world, file_request):
    with time_machine.travel(dt.datetime(2026, 3, 13, 10, tzinfo=WIB), tick=False):
        request = file_request()
    with time_machine.travel(dt.datetime(2026, 3, 25, 10, tzinfo=WIB), tick=False):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi.",
        )
    with time_machine.travel(dt.datetime(2026, 4, 1, 10, tzinfo=WIB), tick=False):
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="x"
        )
    with time_machine.travel(dt.datetime(2026, 4, 10, 10, tzinfo=WIB), tick=False):
        s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="upheld", reasons="Tetap.")
    with time_machine.travel(NOW, tick=False), pytest.raises(ValidationError) as refused:
        s.dispute_register(
            objection_id=objection.pk,
            actor=world.officer,
            commission="KI Jawa Barat",
            ki_register_number="001/V/KI-JBR-PS/2026",
            filed_on=dt.date(1, 1, 1),
        )
    assert TOO_EARLY in refused.value.message_dict["filed_on"]
    assert not hasattr(Objection.objects.get(pk=objection.pk), "dispute")
