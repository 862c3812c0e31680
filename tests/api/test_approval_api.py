"""Issue 16 point 5 over the API: with approval before issue on, an officer's `respond` and `extend` answer 202 with
`approval_state: "pending"`; the state changes only on `.../transitions/approve/` by the unit head, or the draft goes
back with `.../transitions/return/` {"reason"}. Each role against approve and return; the requester sees no draft."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import StaffRole
from ppid import services as s
from ppid.models import ResponseDraft
from tests.factories import UnitFactory, make_staff
from tests.helpers import at

GRANT = {"decision": "granted", "provided_information": "Salinan DPA Dinas Kesehatan 2025."}
ROLES = [
    "citizen",
    "other_citizen",
    "pelaksana_officer",
    "disdik_officer",
    "disdik_head",
    "officer",
    "pelaksana_head",
    "head",
    "atasan",
    "auditor",
    "admin",
    "outsider",
]
HEADS = {"pelaksana_head", "head"}
# Who sees the Dinas Kesehatan request as staff; the requester sees the request, never the draft (404).
STAFF_VIEW = {"pelaksana_officer", "officer", "pelaksana_head", "head", "atasan", "auditor", "admin"}


@pytest.fixture
def team(world):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    world.pelaksana_head = make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    world.disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    world.disdik_officer = make_staff(world.disdik, StaffRole.OFFICER, username="disdik")
    world.disdik_head = make_staff(world.disdik, StaffRole.PPID, username="kepala_disdik")
    world.pelaksana_officer.first_name, world.pelaksana_officer.last_name = "Rina", "Wati"
    world.pelaksana_officer.save()
    return world


@pytest.fixture
def case(team, file_request):
    with at(2026, 10, 5, 10):
        obj = file_request(unit=team.pelaksana)
        s.information_request_process(request_id=obj.pk, actor=team.pelaksana_officer)
    return obj


def _url(obj, name=""):
    return f"/api/v1/requests/{obj.pk}/" + (f"transitions/{name}/" if name else "")


def test_an_officers_respond_answers_202_with_the_pending_draft(team, case, api):
    with at(2026, 10, 6, 9):
        resp = api(team.pelaksana_officer).post(_url(case, "respond"), GRANT, format="json")
    assert resp.status_code == 202, resp.content
    body = resp.json()
    assert body["state"] == "in_process"
    assert body["approval_state"] == "pending"
    assert body["response"] is None
    draft = body["draft"]
    assert draft["kind"] == "respond"
    assert draft["state"] == "pending"
    assert draft["drafted_by"] == {"id": team.pelaksana_officer.pk, "name": "Rina Wati"}
    assert draft["summary"]["decision"] == "granted"
    assert draft["summary"]["provided_information"] == GRANT["provided_information"]
    assert "approve" not in body["available_transitions"]
    # The head sees what to decide.
    head_view = api(team.pelaksana_head).get(_url(case)).json()
    assert {"approve", "return"} <= set(head_view["available_transitions"])
    # A second draft is refused while one waits.
    with at(2026, 10, 6, 10):
        again = api(team.officer).post(_url(case, "extend"), {"reason": "Perlu waktu."}, format="json")
    assert again.status_code == 409


def test_approve_issues_and_the_state_changes(team, case, api):
    with at(2026, 10, 6, 9):
        api(team.pelaksana_officer).post(_url(case, "respond"), GRANT, format="json")
        resp = api(team.pelaksana_head).post(_url(case, "approve"), {}, format="json")
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["state"] == "responded"
    assert body["approval_state"] is None
    assert body["draft"] is None
    assert body["response"]["decision"] == "granted"
    again = api(team.pelaksana_head).post(_url(case, "approve"), {}, format="json")
    assert again.status_code == 409


def test_an_officers_extend_answers_202_and_approval_moves_the_due_date(team, case, api):
    with at(2026, 10, 6, 9):
        resp = api(team.pelaksana_officer).post(
            _url(case, "extend"), {"reason": "Data dihimpun."}, format="json"
        )
        assert resp.status_code == 202
        assert resp.json()["due_date"] == "2026-10-19"
        assert resp.json()["draft"]["summary"] == {"reason": "Data dihimpun."}
        approved = api(team.head).post(_url(case, "approve"), {}, format="json")
    assert approved.json()["due_date"] == "2026-10-28"
    assert approved.json()["extended"] is True


def test_a_head_responds_directly_with_200(team, case, api):
    with at(2026, 10, 6, 9):
        resp = api(team.pelaksana_head).post(_url(case, "respond"), GRANT, format="json")
    assert resp.status_code == 200
    assert resp.json()["state"] == "responded"


def test_return_needs_a_reason_and_keeps_the_state(team, case, api):
    with at(2026, 10, 6, 9):
        api(team.pelaksana_officer).post(_url(case, "respond"), GRANT, format="json")
        missing = api(team.pelaksana_head).post(_url(case, "return"), {"reason": ""}, format="json")
        assert missing.status_code == 400
        assert "reason" in missing.json()["errors"]
        resp = api(team.pelaksana_head).post(
            _url(case, "return"), {"reason": "Lengkapi rinciannya."}, format="json"
        )
    assert resp.status_code == 200
    body = resp.json()
    assert (body["state"], body["approval_state"]) == ("in_process", "returned")
    assert body["draft"]["return_reason"] == "Lengkapi rinciannya."
    assert body["draft"]["decided_by"]["id"] == team.pelaksana_head.pk
    # The drafter reads it too.
    mine = api(team.pelaksana_officer).get(_url(case)).json()
    assert mine["draft"]["return_reason"] == "Lengkapi rinciannya."


def test_a_bad_payload_is_400_and_stores_nothing(team, case, api):
    with at(2026, 10, 6, 9):
        resp = api(team.pelaksana_officer).post(
            _url(case, "respond"), {"decision": "rejected"}, format="json"
        )
    assert resp.status_code == 400
    assert not ResponseDraft.objects.exists()


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name", ["approve", "return"])
def test_who_may_approve_or_return(team, case, api, who, name):
    with at(2026, 10, 6, 9):
        s.information_request_respond(request_id=case.pk, actor=team.pelaksana_officer, **GRANT)
        resp = api(getattr(team, who)).post(_url(case, name), {"reason": "Perbaiki."}, format="json")
    expected = 200 if who in HEADS else 403 if who in STAFF_VIEW else 404
    assert resp.status_code == expected, (who, resp.content)
    assert ResponseDraft.objects.get().state == (
        "pending" if expected != 200 else "approved" if name == "approve" else "returned"
    )


def test_the_requester_sees_no_draft_anywhere_in_the_api(team, case, api):
    with at(2026, 10, 6, 9):
        s.information_request_respond(
            request_id=case.pk,
            actor=team.pelaksana_officer,
            **{**GRANT, "provided_information": "RAHASIA-DRAF"},
        )
    client = api(team.citizen)
    detail = client.get(_url(case)).json()
    assert detail["approval_state"] is None
    assert detail["draft"] is None
    listing = client.get("/api/v1/requests/").json()
    events = client.get(f"/api/v1/requests/{case.pk}/events/").json()
    notifications = client.get("/api/v1/notifications/").json()
    for body in (detail, listing, events, notifications):
        text = json.dumps(body)
        assert "RAHASIA-DRAF" not in text
        assert "draft_" not in text  # no draft event or notification code
    # Staff see it in their list.
    (row,) = [
        r
        for r in api(team.pelaksana_officer).get("/api/v1/requests/").json()["results"]
        if r["id"] == case.pk
    ]
    assert row["approval_state"] == "pending"


def test_the_queue_does_not_grow_in_queries_with_drafts(team, file_request, api):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            resp = api(team.pelaksana_head).get("/api/v1/requests/")
        assert resp.status_code == 200
        return len(ctx.captured_queries)

    with at(2026, 10, 6, 9):
        for _ in range(2):
            obj = file_request(unit=team.pelaksana)
            s.information_request_process(request_id=obj.pk, actor=team.pelaksana_officer)
            s.information_request_respond(request_id=obj.pk, actor=team.pelaksana_officer, **GRANT)
        count()  # warm the per-process caches (content types)
        few = count()
        for _ in range(3):
            obj = file_request(unit=team.pelaksana)
            s.information_request_process(request_id=obj.pk, actor=team.pelaksana_officer)
            s.information_request_extend(
                request_id=obj.pk, actor=team.pelaksana_officer, reason="Perlu waktu."
            )
        assert count() == few
