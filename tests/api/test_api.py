import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints import services as complaint_services
from ppid import services as s
from ppid.models import InformationRequest, RequestState
from tests.factories import PASSWORD

WIB = ZoneInfo("Asia/Jakarta")
NEW_REQUEST = {
    "agency": "diskominfo",
    "information_requested": "Anggaran 2025",
    "purpose": "Riset",
    "obtain_method": "softcopy",
    "delivery_method": "email",
}


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


# --- authentication ----------------------------------------------------------------------------------------------
def test_token_obtain_use_and_revoke(world, api):
    client = api()
    resp = client.post("/api/v1/auth/token/", {"username": "pemohon", "password": PASSWORD}, format="json")
    assert resp.status_code == 200
    token = resp.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/requests/").status_code == 200
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get("/api/v1/requests/").status_code == 401


def test_bad_login_and_lockout(world, api):
    client = api()
    resp = client.post("/api/v1/auth/token/", {"username": "pemohon", "password": "salah"}, format="json")
    assert resp.status_code == 401 and resp.json()["code"] == "invalid_credentials"
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"username": "pemohon", "password": "salah"}, format="json")
    resp = client.post("/api/v1/auth/token/", {"username": "pemohon", "password": PASSWORD}, format="json")
    assert resp.status_code == 429 and resp.json()["code"] == "locked_out"


def test_unauthenticated_calls_get_401(api):
    resp = api().get("/api/v1/requests/")
    assert resp.status_code == 401 and resp.json()["code"] == "not_authenticated"


# --- requests ----------------------------------------------------------------------------------------------------
def test_citizen_files_and_a_retry_with_the_same_key_returns_the_first(world, api):
    client = api(world.citizen)
    first = client.post("/api/v1/requests/", NEW_REQUEST, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = client.post("/api/v1/requests/", NEW_REQUEST, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201 and again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    body = first.json()
    assert body["state"] == "registered" and body["registration_number"].startswith("0001/PPID/")
    assert body["available_transitions"] == ["withdraw"]
    assert {"id", "due_date", "is_overdue", "extended", "unit", "channel", "received_at"} <= set(body)
    assert InformationRequest.objects.count() == 1


def test_officer_registers_offline_intake(world, api):
    payload = {
        **NEW_REQUEST,
        "channel": "walk_in",
        "received_at": "2026-03-13T09:00:00+07:00",
        "requester": {
            "requester_type": "individual",
            "name": "Pak Darto",
            "nik": "3273011203850002",
            "address": "Jl. Braga",
            "phone": "0812",
        },
    }
    with at(2026, 3, 16, 10):
        resp = api(world.officer).post("/api/v1/requests/", payload, format="json")
        assert resp.status_code == 201
        assert resp.json()["due_date"] == "2026-04-06" and resp.json()["channel"] == "walk_in"
        future = {**payload, "received_at": "2026-03-20T09:00:00+07:00"}
        bad = api(world.officer).post("/api/v1/requests/", future, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"]["received_at"] == ["Tanggal penerimaan tidak boleh di masa depan."]
    assert api(world.citizen).post("/api/v1/requests/", payload, format="json").status_code == 403


def test_transition_status_codes(world, api, file_request):
    request = file_request()
    url = f"/api/v1/requests/{request.pk}/transitions"
    officer, citizen = api(world.officer), api(world.citizen)
    assert citizen.post(f"{url}/process/").status_code == 403  # not for this caller
    assert officer.post(f"{url}/respond/", {"decision": "granted"}, format="json").status_code == 409  # state
    assert api(world.outsider).post(f"{url}/process/").status_code == 404  # not visible
    assert api(world.other_citizen).get(f"/api/v1/requests/{request.pk}/").status_code == 404
    assert officer.post(f"{url}/process/").status_code == 200
    bad = officer.post(f"{url}/respond/", {"decision": "rejected"}, format="json")
    assert bad.status_code == 400 and "exemption_grounds" in bad.json()["errors"]
    ok = officer.post(
        f"{url}/respond/",
        {"decision": "rejected", "exemption_grounds": ["h"], "consequence_test": "Data pribadi"},
        format="json",
    )
    assert ok.status_code == 200 and ok.json()["state"] == "responded"
    assert ok.json()["response"]["exemption_grounds"] == ["h"]
    assert officer.post("/api/v1/requests/999999/transitions/process/").status_code == 404
    assert officer.post(f"{url}/no_such_thing/").status_code == 404


def test_state_never_changes_through_put_or_patch(world, api, file_request):
    request = file_request()
    officer = api(world.officer)
    for method in (officer.put, officer.patch):
        resp = method(f"/api/v1/requests/{request.pk}/", {"state": "completed"}, format="json")
        assert resp.status_code == 405
    assert InformationRequest.objects.get(pk=request.pk).state == RequestState.REGISTERED


def test_errors_speak_the_callers_language(world, api, file_request):
    request = file_request()
    officer = api(world.officer)
    s.information_request_process(request_id=request.pk, actor=world.officer)
    id_ = officer.post(f"/api/v1/requests/{request.pk}/transitions/process/", HTTP_ACCEPT_LANGUAGE="id")
    en = officer.post(f"/api/v1/requests/{request.pk}/transitions/process/", HTTP_ACCEPT_LANGUAGE="en")
    assert id_.json()["code"] == en.json()["code"] == "invalid_transition"
    assert "petugas lain" in id_.json()["detail"] and "another officer" in en.json()["detail"]


def test_events_timeline_hides_staff_names_from_citizens(world, api, file_request):
    request = file_request()
    s.information_request_process(request_id=request.pk, actor=world.officer)
    staff = api(world.officer).get(f"/api/v1/requests/{request.pk}/events/").json()
    citizen = api(world.citizen).get(f"/api/v1/requests/{request.pk}/events/").json()
    # The receipt is issued with the registration (issue 17): its number is on the timeline too.
    assert [e["action"] for e in staff] == ["request.registered", "letter.issued", "request.process"]
    assert staff[2]["actor"] == "petugas" and citizen[2]["actor"] is None


def test_list_filters(world, api, file_request):
    with at(2026, 3, 13, 10):
        late = file_request(information_requested="Data jalan rusak")
    with at(2026, 4, 1, 10):
        fresh = file_request(unit=world.pelaksana, information_requested="Data puskesmas")
        officer = api(world.officer)

        def ids(**params):
            resp = officer.get("/api/v1/requests/", params)
            assert resp.status_code == 200, resp.json()
            return [r["id"] for r in resp.json()["results"]]

        assert ids() == [late.pk, fresh.pk]  # due date first
        assert ids(unit=world.pelaksana.pk) == [fresh.pk]
        assert ids(q="puskesmas") == [fresh.pk]
        assert ids(q=late.registration_number) == [late.pk]
        assert ids(due_soon="true") == [late.pk]
    with at(2026, 4, 7, 10):
        assert ids(overdue="true") == [late.pk]
        assert ids(overdue="false") == [fresh.pk]
        assert ids(received_after="2026-03-20") == [fresh.pk]
        assert ids(ordering="-due_date") == [fresh.pk, late.pk]
        bad = officer.get("/api/v1/requests/", {"due_before": "kemarin", "state": "lost"})
    assert bad.status_code == 400 and {"due_before", "state"} <= set(bad.json()["errors"])


# --- objections, disputes, complaints -----------------------------------------------------------------------------
def test_objection_through_the_api(world, api, file_request):
    with at(2026, 3, 13, 10):
        request = file_request()
    with at(2026, 3, 25, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="x",
        )
    with at(2026, 4, 1, 10):
        bad = api(world.citizen).post(
            "/api/v1/objections/", {"request": request.pk, "grounds": ["c"], "reason": "x"}, format="json"
        )
        assert bad.status_code == 400 and "grounds" in bad.json()["errors"]
        other = api(world.other_citizen).post(
            "/api/v1/objections/", {"request": request.pk, "grounds": ["a"], "reason": "x"}, format="json"
        )
        assert other.status_code == 404
        resp = api(world.citizen).post(
            "/api/v1/objections/",
            {"request": request.pk, "grounds": ["a"], "reason": "Tidak setuju"},
            format="json",
        )
        assert resp.status_code == 201
        objection = resp.json()
        assert objection["due_date"] == "2026-05-19" and objection["grounds"] == ["a"]
        url = f"/api/v1/objections/{objection['id']}/transitions"
        assert (
            api(world.officer)
            .post(f"{url}/decide/", {"outcome": "upheld", "reasons": "x"}, format="json")
            .status_code
            == 403
        )
        no_reasons = api(world.atasan).post(f"{url}/decide/", {"outcome": "upheld"}, format="json")
        assert no_reasons.status_code == 400 and "reasons" in no_reasons.json()["errors"]
        done = api(world.atasan).post(
            f"{url}/decide/", {"outcome": "upheld", "reasons": "Sah"}, format="json"
        )
        assert done.status_code == 200 and done.json()["state"] == "decided"
        again = api(world.atasan).post(
            f"{url}/decide/", {"outcome": "upheld", "reasons": "Sah"}, format="json"
        )
        assert again.status_code == 409
        dispute = api(world.officer).post(
            "/api/v1/disputes/",
            {
                "objection": objection["id"],
                "commission": "KI Jawa Barat",
                "ki_register_number": "001/KI/2026",
                "filed_on": "2026-04-01",
            },
            format="json",
        )
        assert dispute.status_code == 201
        assert dispute.json()["windows"][0]["key"] == "ki_filing"
        progress = api(world.officer).post(
            f"/api/v1/disputes/{dispute.json()['id']}/progress/",
            {"first_hearing_on": "2026-04-01"},
            format="json",
        )
        assert progress.status_code == 200 and progress.json()["first_hearing_on"] == "2026-04-01"
        assert api(world.citizen).get(f"/api/v1/disputes/{dispute.json()['id']}/").status_code == 200
        assert api(world.outsider).get(f"/api/v1/disputes/{dispute.json()['id']}/").status_code == 404


def test_anonymous_complaint_through_the_api(world, api):
    resp = api().post(
        "/api/v1/complaints/",
        {
            "agency": "diskominfo",
            "title": "Pungli",
            "description": "Diminta uang",
            "category": "staff_conduct",
            "anonymous": True,
        },
        format="json",
    )
    assert resp.status_code == 201 and resp["Cache-Control"] == "no-store"
    body = resp.json()
    assert len(body["tracking_code"]) >= 16 and "reporter" not in body["complaint"]
    named = api().post(
        "/api/v1/complaints/",
        {"agency": "diskominfo", "title": "x", "description": "y", "category": "other"},
        format="json",
    )
    assert named.status_code == 400 and "anonymous" in named.json()["errors"]
    mine = api(world.citizen).post(
        "/api/v1/complaints/",
        {
            "agency": "diskominfo",
            "title": "Antre",
            "anonymous": True,
            "description": "Lama",
            "category": "health",
        },
        format="json",
    )
    complaint_id = mine.json()["complaint"]["id"]
    assert mine.json()["complaint"]["reporter"] == "Siti"  # the reporter sees their own name
    for person in (world.admin, world.auditor, world.officer):
        detail = api(person).get(f"/api/v1/complaints/{complaint_id}/").json()
        assert detail["reporter"] == "Anonim"
        events = api(person).get(f"/api/v1/complaints/{complaint_id}/events/").json()
        assert all(e["actor"] is None for e in events)
    verify = api(world.admin).post(
        f"/api/v1/complaints/{complaint_id}/transitions/verify/",
        {"unit": world.other_utama.pk},
        format="json",
    )
    assert verify.status_code == 400
    api(world.admin).post(
        f"/api/v1/complaints/{complaint_id}/transitions/verify/", {"unit": world.pelaksana.pk}, format="json"
    )
    api(world.pelaksana_officer).post(
        f"/api/v1/complaints/{complaint_id}/transitions/respond/", {"message": "Sudah"}, format="json"
    )
    six = api(world.citizen).post(
        f"/api/v1/complaints/{complaint_id}/transitions/confirm/", {"rating": 6}, format="json"
    )
    assert six.status_code == 400 and "rating" in six.json()["errors"]
    five = api(world.citizen).post(
        f"/api/v1/complaints/{complaint_id}/transitions/confirm/", {"rating": 5}, format="json"
    )
    assert five.status_code == 200 and five.json()["state"] == "completed"
    reopen = api(world.citizen).post(
        f"/api/v1/complaints/{complaint_id}/transitions/reopen/", {"message": "Lagi"}, format="json"
    )
    assert reopen.status_code == 409


def test_public_reference_data(world, api):
    client = api()
    assert client.get("/api/v1/agencies/").json()["count"] == 2
    assert client.get("/api/v1/agencies/diskominfo/").json()["time_zone_label"] == "WIB"
    units = client.get("/api/v1/units/", {"agency": "diskominfo"}).json()["results"]
    assert {u["code"] for u in units} == {"PPID", "DINKES"}
    holidays = client.get("/api/v1/holidays/", {"year": "2026"}).json()
    assert any(h["name"] == "Hari Suci Nyepi" for h in holidays["results"])


# --- query counts -------------------------------------------------------------------------------------------------
def _count(client, url, page_size):
    # A real request loads its user afresh: forget what the previous call cached on this one.
    user = getattr(client.handler, "_force_user", None)
    if user is not None:
        user.__dict__.pop("_membership_cache", None)
    with CaptureQueriesContext(connection) as ctx:
        resp = client.get(url, {"page_size": page_size})
    assert resp.status_code == 200
    return len(ctx.captured_queries), len(resp.json()["results"])


@pytest.mark.parametrize("who", ["officer", "citizen", "auditor"])
def test_request_list_queries_do_not_grow_with_the_page(world, api, file_request, who):
    for i in range(12):
        request = file_request(unit=world.pelaksana if i % 2 else None)
        if i % 3 == 0:
            s.information_request_process(request_id=request.pk, actor=world.officer)
            s.information_request_respond(
                request_id=request.pk,
                actor=world.officer,
                decision="rejected",
                exemption_grounds=["h"],
                consequence_test="x",
            )
    client = api(getattr(world, who))
    small, rows_small = _count(client, "/api/v1/requests/", 3)
    large, rows_large = _count(client, "/api/v1/requests/", 12)
    assert (rows_small, rows_large) == (3, 12)
    assert small == large <= 5  # memberships, count, page, its letters (+ session-less auth)


def test_other_list_queries_do_not_grow_with_the_page(world, api):
    for i in range(8):
        complaint, _code = complaint_services.complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title=f"Aduan {i}",
            description="x",
            category="other",
            anonymous=bool(i % 2),
        )
    client = api(world.admin)
    small, _rows = _count(client, "/api/v1/complaints/", 2)
    large, rows = _count(client, "/api/v1/complaints/", 8)
    assert rows == 8 and small == large <= 4
    for url in (
        "/api/v1/holidays/",
        "/api/v1/units/",
        "/api/v1/agencies/",
        "/api/v1/objections/",
        "/api/v1/disputes/",
    ):
        small, _rows = _count(client, url, 2)
        large, _rows = _count(client, url, 50)
        assert small == large <= 4, url


def test_staff_list_their_own_filings_with_mine(world, api):
    from tests.factories import CitizenProfileFactory

    CitizenProfileFactory(user=world.outsider)  # an officer of another agency files as a citizen here
    filed = s.information_request_file(
        requester=world.outsider,
        agency=world.agency,
        information_requested="x",
        purpose="y",
        obtain_method="view",
        delivery_method="pickup",
    )
    client = api(world.outsider)
    queue = [r["id"] for r in client.get("/api/v1/requests/").json()["results"]]
    mine = [r["id"] for r in client.get("/api/v1/requests/", {"mine": "true"}).json()["results"]]
    assert filed.pk not in queue and mine == [filed.pk]
    assert client.get(f"/api/v1/requests/{filed.pk}/").status_code == 200
