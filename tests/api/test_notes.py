"""GET|POST /api/v1/{requests|objections|complaints}/{id}/notes/ (issue 16 point 3): each role against each case
type. The cases sit in a PPID Pelaksana unit; the staff who see them as staff read and write notes, everyone
else (the requester or reporter, another citizen, another unit's officer, another agency, anonymous) gets 404
and leaves nothing behind."""

import pytest
from rest_framework.test import APIClient

from agencies.models import StaffRole
from casenotes.models import CaseNote
from casenotes.services import note_add
from complaints import services as c
from ppid import services as s
from tests.factories import UnitFactory, make_staff

pytestmark = pytest.mark.django_db

ALLOWED = {"pelaksana_officer", "pelaksana_head", "officer", "head", "atasan", "auditor", "admin"}
DENIED = {"citizen", "other_citizen", "other_unit_officer", "outsider", "anonymous"}


def _request(world, file_request):
    request = file_request()
    s.information_request_forward(request_id=request.pk, actor=world.officer, unit=world.pelaksana)
    return request


def _objection(world, file_request):
    request = _request(world, file_request)
    s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
    s.information_request_respond(
        request_id=request.pk,
        actor=world.pelaksana_officer,
        decision="rejected",
        exemption_grounds=["h"],
        consequence_test="x",
    )
    return s.objection_file(requester=world.citizen, request_id=request.pk, grounds=["a"], reason="x")


def _complaint(world, file_request):
    complaint, _code = c.complaint_file(
        reporter=world.citizen, agency=world.agency, title="t", description="d", category="other"
    )
    c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
    return complaint


CASES = {"requests": _request, "objections": _objection, "complaints": _complaint}


def _user(world, role):
    if role == "anonymous":
        return None
    if role == "pelaksana_head":
        return make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes")
    if role == "other_unit_officer":
        dinas_pendidikan = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Disdik")
        return make_staff(dinas_pendidikan, StaffRole.OFFICER, username="disdik")
    return getattr(world, role)


def _client(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.mark.parametrize("resource", sorted(CASES))
@pytest.mark.parametrize("role", sorted(ALLOWED | DENIED))
def test_notes_for_each_role_and_case_type(world, file_request, resource, role):
    case = CASES[resource](world, file_request)
    note_add(case=case, author=world.pelaksana_officer, text="Catatan pertama")
    user = _user(world, role)
    client = _client(user)
    path = f"/api/v1/{resource}/{case.pk}/notes/"

    listed = client.get(path)
    posted = client.post(path, {"text": "Catatan kedua"}, format="json")

    if role in DENIED:
        assert (listed.status_code, posted.status_code) == (404, 404)
        assert "Catatan pertama" not in listed.content.decode()
        assert list(CaseNote.objects.values_list("text", flat=True)) == ["Catatan pertama"]
        return
    assert listed.status_code == 200, listed.content
    [first] = listed.json()
    assert first["text"] == "Catatan pertama"
    assert first["author"] == {"id": world.pelaksana_officer.pk, "name": world.pelaksana_officer.username}
    assert set(first) == {"id", "text", "author", "created_at"}
    assert posted.status_code == 201, posted.content
    assert posted.json()["text"] == "Catatan kedua"
    assert posted.json()["author"]["id"] == user.pk
    assert [n["text"] for n in client.get(path).json()] == ["Catatan pertama", "Catatan kedua"]


def test_a_note_in_a_unit_out_of_reach_is_404_for_a_pelaksana_officer(world, file_request):
    # A request still in the PPID Utama: the Dinas Kesehatan officer does not see it, nor its notes.
    request = file_request()
    path = f"/api/v1/requests/{request.pk}/notes/"
    assert _client(world.pelaksana_officer).get(path).status_code == 404
    assert _client(world.officer).get(path).status_code == 200


def test_an_unknown_case_is_404(world):
    assert _client(world.officer).get("/api/v1/requests/999999/notes/").status_code == 404


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_empty_note_is_a_400_in_the_callers_language(world, file_request, lang):
    request = _request(world, file_request)
    response = _client(world.pelaksana_officer).post(
        f"/api/v1/requests/{request.pk}/notes/", {"text": "  "}, format="json", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 400
    expected = {"id": "Tuliskan isi catatan internal.", "en": "Write the internal note."}[lang]
    assert response.json()["errors"] == {"text": [expected]}
    assert not CaseNote.objects.exists()


def test_a_note_without_text_is_a_400(world, file_request):
    request = _request(world, file_request)
    response = _client(world.pelaksana_officer).post(
        f"/api/v1/requests/{request.pk}/notes/", {}, format="json"
    )
    assert response.status_code == 400
    assert "text" in response.json()["errors"]


def test_the_notes_list_does_not_query_per_note(world, file_request):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request = _request(world, file_request)
    client = _client(world.officer)
    path = f"/api/v1/requests/{request.pk}/notes/"
    counts = []
    for authors in ([world.officer], [world.officer, world.pelaksana_officer, world.head] * 2):
        for author in authors:
            note_add(case=request, author=author, text="n")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    # The case, whether the caller sees it as staff, the notes with their authors (memberships are cached).
    assert counts == [3, 3]
