"""Issue 16 point 2 over the API: POST .../{id}/assign/ {"officer": id | null}, `assigned_to` on detail and list,
and the `assigned_to=me|none|<id>` filter. Each role against each case type, including another agency's officer
and the requester."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import StaffRole
from audit.models import Event
from complaints import services as c
from ppid import services as s
from tests.factories import UnitFactory, make_staff

ROLES = [
    "citizen",  # the requester or reporter
    "other_citizen",
    "pelaksana_officer",  # an officer of the case's unit
    "disdik_officer",  # an officer of another unit
    "officer",  # an officer of the PPID Utama
    "pelaksana_head",  # the head of the case's unit
    "head",  # the head of the PPID Utama
    "atasan",
    "auditor",
    "admin",
    "outsider",  # an officer of another agency
]
OFFICERS = {"pelaksana_officer", "officer", "pelaksana_head", "head"}
HEADS = {"pelaksana_head", "head"}
# Who sees a case of the PPID Pelaksana Dinas Kesehatan at all (everyone else: 404).
VISIBLE = {"citizen", "pelaksana_officer", "officer", "pelaksana_head", "head", "atasan", "auditor", "admin"}


@pytest.fixture
def team(world):
    world.pelaksana_head = make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    world.disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    world.disdik_officer = make_staff(world.disdik, StaffRole.OFFICER, username="disdik")
    world.pelaksana_officer.first_name, world.pelaksana_officer.last_name = "Rina", "Wati"
    world.pelaksana_officer.save()
    return world


def _request(team, file_request):
    return file_request(unit=team.pelaksana)


def _objection(team, file_request):
    request = _request(team, file_request)
    s.information_request_process(request_id=request.pk, actor=team.pelaksana_officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=team.pelaksana_officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="x",
    )
    return s.objection_file(requester=team.citizen, request_id=request.pk, grounds=["a"], reason="x")


def _complaint(team, file_request):
    complaint, _code = c.complaint_file(
        reporter=team.citizen, agency=team.agency, title="t", description="d", category="other"
    )
    c.complaint_verify(complaint_id=complaint.pk, actor=team.admin, unit=team.pelaksana)
    return complaint


MAKERS = {"requests": _request, "objections": _objection, "complaints": _complaint}


def _expected(role, allowed):
    return 200 if role in allowed else 403 if role in VISIBLE else 404


@pytest.mark.parametrize("resource", list(MAKERS))
@pytest.mark.parametrize("role", ROLES)
def test_claim_matrix(team, file_request, api, resource, role):
    obj = MAKERS[resource](team, file_request)
    user = getattr(team, role)
    resp = api(user).post(f"/api/v1/{resource}/{obj.pk}/assign/", {"officer": user.pk}, format="json")
    assert resp.status_code == _expected(role, OFFICERS), (role, resp.json())
    obj.refresh_from_db()
    if resp.status_code == 200:
        assert obj.assigned_to == user
        assert resp.json()["assigned_to"]["id"] == user.pk
    else:
        assert obj.assigned_to is None
        assert not Event.objects.for_object(obj).filter(action__endswith=".assign").exists()


@pytest.mark.parametrize("resource", list(MAKERS))
@pytest.mark.parametrize("role", ROLES)
def test_assign_to_another_officer_matrix(team, file_request, api, resource, role):
    obj = MAKERS[resource](team, file_request)
    target = team.pelaksana_officer if role != "pelaksana_officer" else team.officer
    resp = api(getattr(team, role)).post(
        f"/api/v1/{resource}/{obj.pk}/assign/", {"officer": target.pk}, format="json"
    )
    assert resp.status_code == _expected(role, HEADS), (role, resp.json())
    obj.refresh_from_db()
    assert (obj.assigned_to == target) == (resp.status_code == 200)


@pytest.mark.parametrize("resource", list(MAKERS))
def test_reassign_without_a_reason_is_a_400_and_with_one_it_moves(team, file_request, api, resource):
    obj = MAKERS[resource](team, file_request)
    head = api(team.pelaksana_head)
    url = f"/api/v1/{resource}/{obj.pk}/assign/"
    assert head.post(url, {"officer": team.pelaksana_officer.pk}, format="json").status_code == 200
    refused = head.post(url, {"officer": team.officer.pk}, format="json")
    assert refused.status_code == 400
    assert "reason" in refused.json()["errors"]
    moved = head.post(url, {"officer": team.officer.pk, "reason": "Cuti"}, format="json")
    assert moved.status_code == 200
    assert moved.json()["assigned_to"] == {"id": team.officer.pk, "name": team.officer.username}
    released = head.post(url, {"officer": None, "reason": "Dibagi ulang"}, format="json")
    assert released.status_code == 200 and released.json()["assigned_to"] is None


@pytest.mark.parametrize("resource", list(MAKERS))
def test_an_officer_of_another_agency_or_a_citizen_is_not_an_assignee(team, file_request, api, resource):
    obj = MAKERS[resource](team, file_request)
    url = f"/api/v1/{resource}/{obj.pk}/assign/"
    for stranger in (team.outsider, team.citizen, team.disdik_officer):
        resp = api(team.head).post(url, {"officer": stranger.pk}, format="json")
        assert resp.status_code == 400
        assert "officer" in resp.json()["errors"]


def test_a_bad_payload_is_a_400(team, file_request, api):
    obj = _request(team, file_request)
    resp = api(team.head).post(f"/api/v1/requests/{obj.pk}/assign/", {"officer": "x"}, format="json")
    assert resp.status_code == 400
    resp = api(team.head).post(f"/api/v1/requests/{obj.pk}/assign/", {}, format="json")
    assert resp.status_code == 400


def test_a_second_claim_is_a_409(team, file_request, api):
    obj = _request(team, file_request)
    url = f"/api/v1/requests/{obj.pk}/assign/"
    assert api(team.officer).post(url, {"officer": team.officer.pk}, format="json").status_code == 200
    resp = api(team.pelaksana_officer).post(url, {"officer": team.pelaksana_officer.pk}, format="json")
    assert resp.status_code == 409


@pytest.mark.parametrize("resource", list(MAKERS))
def test_staff_read_the_assignee_and_the_requester_never_does(team, file_request, api, resource):
    obj = MAKERS[resource](team, file_request)
    api(team.head).post(
        f"/api/v1/{resource}/{obj.pk}/assign/", {"officer": team.pelaksana_officer.pk}, format="json"
    )
    expected = {"id": team.pelaksana_officer.pk, "name": "Rina Wati"}
    for role in ("pelaksana_officer", "head", "auditor", "atasan"):
        assert api(getattr(team, role)).get(f"/api/v1/{resource}/{obj.pk}/").json()["assigned_to"] == expected
        listed = api(getattr(team, role)).get(f"/api/v1/{resource}/").json()["results"]
        assert [r["assigned_to"] for r in listed if r["id"] == obj.pk] == [expected]
    citizen = api(team.citizen)
    assert citizen.get(f"/api/v1/{resource}/{obj.pk}/").json()["assigned_to"] is None
    assert all(r["assigned_to"] is None for r in citizen.get(f"/api/v1/{resource}/").json()["results"])
    # Nor does the timeline name the head who assigned it, nor say why.
    events = citizen.get(f"/api/v1/{resource}/{obj.pk}/events/").json()
    assert all(e["actor"] is None for e in events)
    assert "Rina" not in str(events) and "kepala" not in str(events)


@pytest.mark.parametrize("resource", list(MAKERS))
def test_the_list_filters_by_assignee(team, file_request, api, resource):
    mine = MAKERS[resource](team, file_request)
    theirs = MAKERS[resource](team, file_request)
    nobodys = MAKERS[resource](team, file_request)
    me = api(team.pelaksana_officer)
    me.post(f"/api/v1/{resource}/{mine.pk}/assign/", {"officer": team.pelaksana_officer.pk}, format="json")
    api(team.officer).post(
        f"/api/v1/{resource}/{theirs.pk}/assign/", {"officer": team.officer.pk}, format="json"
    )

    def ids(client, value):
        resp = client.get(f"/api/v1/{resource}/", {"assigned_to": value})
        assert resp.status_code == 200, resp.json()
        return {r["id"] for r in resp.json()["results"]}

    assert ids(me, "me") == {mine.pk}
    assert ids(api(team.head), "none") >= {nobodys.pk}
    assert not ids(api(team.head), "none") & {mine.pk, theirs.pk}
    assert ids(api(team.head), str(team.officer.pk)) == {theirs.pk}
    bad = api(team.head).get(f"/api/v1/{resource}/", {"assigned_to": "someone"})
    assert bad.status_code == 400 and "assigned_to" in bad.json()["errors"]


def test_a_citizen_cannot_probe_who_has_their_case_by_filtering(team, file_request, api):
    obj = _request(team, file_request)
    api(team.head).post(f"/api/v1/requests/{obj.pk}/assign/", {"officer": team.officer.pk}, format="json")
    resp = api(team.citizen).get("/api/v1/requests/", {"assigned_to": str(team.pelaksana_officer.pk)})
    assert [r["id"] for r in resp.json()["results"]] == [obj.pk]


@pytest.mark.parametrize("resource", list(MAKERS))
def test_the_assignee_costs_no_query_per_row(team, file_request, api, resource):
    client = api(team.head)

    def count():
        team.head.__dict__.pop("_membership_cache", None)
        with CaptureQueriesContext(connection) as ctx:
            resp = client.get(f"/api/v1/{resource}/")
        assert resp.status_code == 200
        return len(ctx.captured_queries)

    first = MAKERS[resource](team, file_request)
    client.post(f"/api/v1/{resource}/{first.pk}/assign/", {"officer": team.officer.pk}, format="json")
    one = count()
    for officer in (team.pelaksana_officer, team.pelaksana_head, team.head):
        obj = MAKERS[resource](team, file_request)
        client.post(f"/api/v1/{resource}/{obj.pk}/assign/", {"officer": officer.pk}, format="json")
    assert count() == one


def test_the_schema_documents_assignment(api):
    schema = api().get("/api/v1/schema/", {"format": "json"}).json()
    for resource in ("requests", "objections", "complaints"):
        post = schema["paths"][f"/api/v1/{resource}/{{id}}/assign/"]["post"]
        assert {"200", "400", "403", "404", "409"} <= set(post["responses"])
        params = {p["name"] for p in schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]}
        assert "assigned_to" in params
    for out in ("RequestOut", "ObjectionOut", "ComplaintOut"):
        assert "assigned_to" in schema["components"]["schemas"][out]["properties"]
    assert set(schema["components"]["schemas"]["AssignInRequest"]["properties"]) == {"officer", "reason"}
