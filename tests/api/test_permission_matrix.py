"""Each role against each transition (and the list/detail reads), including another agency's staff and
another citizen. Every case starts from a fresh case in the transition's source state."""

import pytest

from complaints import services as c
from ppid import services as s

ROLES = [
    "citizen",
    "other_citizen",
    "officer",
    "head",
    "pelaksana_officer",
    "atasan",
    "auditor",
    "admin",
    "outsider",
]


def _request(world, file_request, state):
    request = file_request()
    if state in ("in_process", "awaiting_clarification", "responded"):
        s.information_request_process(request_id=request.pk, actor=world.officer)
    if state == "awaiting_clarification":
        s.information_request_ask_clarification(request_id=request.pk, actor=world.officer, message="?")
    if state == "responded":
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="x",
        )
    return request


def _objection(world, file_request):
    request = _request(world, file_request, "responded")
    return s.objection_file(requester=world.citizen, request_id=request.pk, grounds=["a"], reason="x")


def _complaint(world, state):
    complaint, _code = c.complaint_file(
        reporter=world.citizen, agency=world.agency, title="t", description="d", category="other"
    )
    if state in ("dispositioned", "responded"):
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    if state == "responded":
        c.complaint_respond(complaint_id=complaint.pk, actor=world.pelaksana_officer, message="ok")
    return complaint


# who may, per transition; everyone else who can see the case gets 403, and whoever cannot see it 404
REQUEST_OFFICERS = {"officer", "head"}
CASES = [
    # resource, transition, source state, payload, allowed roles
    ("requests", "process", "registered", {}, REQUEST_OFFICERS),
    ("requests", "forward", "registered", {"unit": "pelaksana"}, REQUEST_OFFICERS),
    ("requests", "ask_clarification", "in_process", {"message": "?"}, REQUEST_OFFICERS),
    ("requests", "clarify", "awaiting_clarification", {"message": "ini"}, {"citizen"}),
    ("requests", "extend", "registered", {"reason": "arsip"}, REQUEST_OFFICERS),
    ("requests", "respond", "in_process", {"decision": "not_held", "holding_body": "BPS"}, REQUEST_OFFICERS),
    ("requests", "complete", "responded", {}, REQUEST_OFFICERS | {"citizen"}),
    ("requests", "withdraw", "registered", {"reason": "batal"}, {"citizen"}),
    ("objections", "review", None, {}, {"atasan"}),
    ("objections", "decide", None, {"outcome": "upheld", "reasons": "Sah"}, {"atasan"}),
    ("objections", "withdraw", None, {"reason": "batal"}, {"citizen"}),
    ("complaints", "verify", "submitted", {"unit": "pelaksana"}, {"admin", "officer", "head"}),
    ("complaints", "archive", "submitted", {"reason": "spam", "note": "Spam"}, {"admin", "officer", "head"}),
    ("complaints", "respond", "dispositioned", {"message": "ok"}, {"pelaksana_officer"}),
    ("complaints", "reopen", "responded", {"message": "belum"}, {"citizen"}),
    ("complaints", "confirm", "responded", {"rating": 4}, {"citizen"}),
]
# Who can see a case at all (else 404): per resource and state.
VISIBLE = {
    "requests": {"citizen", "officer", "head", "atasan", "auditor", "admin"},
    "objections": {"citizen", "officer", "head", "atasan", "auditor", "admin"},
    "complaints": {"citizen", "officer", "head", "atasan", "auditor", "admin"},
}


@pytest.mark.parametrize(
    ("resource", "name", "state", "payload", "allowed"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
@pytest.mark.parametrize("role", ROLES)
def test_transition_matrix(world, file_request, api, resource, name, state, payload, allowed, role):
    if resource == "requests":
        obj = _request(world, file_request, state)
    elif resource == "objections":
        obj = _objection(world, file_request)
    else:
        obj = _complaint(world, state)
    data = {k: (world.pelaksana.pk if v == "pelaksana" else v) for k, v in payload.items()}
    visible = VISIBLE[resource] | (
        {"pelaksana_officer"} if resource == "complaints" and state != "submitted" else set()
    )
    expected = 200 if role in allowed else 403 if role in visible else 404
    resp = api(getattr(world, role)).post(
        f"/api/v1/{resource}/{obj.pk}/transitions/{name}/", data, format="json"
    )
    assert resp.status_code == expected, (role, resp.json())
    detail = api(getattr(world, role)).get(f"/api/v1/{resource}/{obj.pk}/")
    assert detail.status_code == (200 if role in visible else 404)


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_show_another_agencys_or_citizens_cases(world, file_request, api, role):
    mine = file_request()
    theirs = s.information_request_file(
        requester=world.other_citizen,
        agency=world.other_agency,
        information_requested="x",
        purpose="y",
        obtain_method="view",
        delivery_method="pickup",
    )
    ids = {r["id"] for r in api(getattr(world, role)).get("/api/v1/requests/").json()["results"]}
    # The other agency's request: its requester and that agency's staff only.
    assert (theirs.pk in ids) == (role in ("other_citizen", "outsider"))
    if role in ("citizen", "officer", "head", "atasan", "auditor", "admin"):
        assert mine.pk in ids
    else:
        assert mine.pk not in ids
