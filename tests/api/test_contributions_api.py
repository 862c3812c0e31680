"""The contributions API (issue 16 point 4), each role against each operation: the request sits with the PPID Utama,
which asked Dinas Kesehatan (the `world`'s Pelaksana) for material; Dinas Pendidikan is another Pelaksana unit,
never asked. Outside the rules it is 404 (not seen) or 403 (seen, read only), and nothing changes."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from agencies.models import StaffRole
from ppid import services as s
from ppid.models import Contribution, ContributionState
from tests.factories import UnitFactory, make_staff
from tests.helpers import at

pytestmark = pytest.mark.django_db

ROLES = [
    "officer",
    "head",
    "pelaksana_officer",
    "pelaksana_head",
    "disdik_officer",
    "atasan",
    "auditor",
    "admin",
    "citizen",
    "other_citizen",
    "outsider",
]
READERS = {"atasan", "auditor", "admin"}
HANDLING = {"officer", "head"}  # the PPID Utama: handles the request, may also answer
ASKED = {"pelaksana_officer", "pelaksana_head"}

# operation -> the status per role group
EXPECTED = {
    "ask": {**dict.fromkeys(HANDLING, 201), **dict.fromkeys(READERS, 403)},
    "request_list": {**dict.fromkeys(HANDLING, 200), **dict.fromkeys(READERS, 200)},
    "detail": {**dict.fromkeys(HANDLING | ASKED | READERS, 200)},
    "answer": {**dict.fromkeys(HANDLING | ASKED, 200), **dict.fromkeys(READERS, 403)},
    "decline": {**dict.fromkeys(HANDLING | ASKED, 200), **dict.fromkeys(READERS, 403)},
}


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def setup(world, file_request):
    disdik = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    users = {
        **{role: getattr(world, role) for role in ROLES if hasattr(world, role)},
        "pelaksana_head": make_staff(world.pelaksana, StaffRole.PPID, username="kepala_dinkes"),
        "disdik_officer": make_staff(disdik, StaffRole.OFFICER, username="disdik"),
    }
    with at(2026, 11, 2, 10):
        request = file_request()
        (contribution,) = s.contribution_ask(
            request_id=request.pk, actor=world.officer, units=[world.pelaksana], instructions="Data imunisasi"
        )
    return request, contribution, disdik, users


def _client(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("operation", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_contributions_for_each_role(setup, operation, role):
    request, contribution, disdik, users = setup
    client = _client(users[role])
    expected = EXPECTED[operation].get(role, 404)
    with at(2026, 11, 3, 9):
        if operation == "ask":
            answer = client.post(
                f"/api/v1/requests/{request.pk}/contributions/",
                {"unit": disdik.pk, "instructions": "Data sekolah"},
                format="json",
            )
        elif operation == "request_list":
            answer = client.get(f"/api/v1/requests/{request.pk}/contributions/")
        elif operation == "detail":
            answer = client.get(f"/api/v1/contributions/{contribution.pk}/")
        else:
            answer = client.post(
                f"/api/v1/contributions/{contribution.pk}/transitions/{operation}/",
                {"message": "Terlampir / tidak ada"},
                format="json",
            )
    assert answer.status_code == expected, answer.content
    if expected >= 400:
        assert "Data imunisasi" not in answer.content.decode()
        assert Contribution.objects.count() == 1
        assert Contribution.objects.get().state == ContributionState.ASKED
    if operation == "detail" and expected == 200:
        assert answer.json()["instructions"] == "Data imunisasi"
        assert answer.json()["state"] == "asked"
        can_answer = role in HANDLING | ASKED
        assert answer.json()["transitions"] == (["answer", "decline"] if can_answer else [])
    if operation == "request_list" and expected == 200:
        assert [c["id"] for c in answer.json()] == [contribution.pk]


@pytest.mark.parametrize("role", ROLES)
def test_the_list_shows_each_role_only_what_it_may_see(setup, role):
    _request, contribution, _disdik, users = setup
    answer = _client(users[role]).get("/api/v1/contributions/")
    assert answer.status_code == 200
    ids = [c["id"] for c in answer.json()["results"]]
    sees = role in HANDLING | ASKED | READERS
    assert ids == ([contribution.pk] if sees else [])


def test_anonymous_gets_404_everywhere(setup):
    request, contribution, _disdik, _users = setup
    client = APIClient()
    assert client.get(f"/api/v1/requests/{request.pk}/contributions/").status_code == 404
    assert client.get(f"/api/v1/contributions/{contribution.pk}/").status_code == 404
    assert client.get("/api/v1/contributions/").status_code == 404
    answer = client.post(f"/api/v1/contributions/{contribution.pk}/transitions/answer/", {"message": "x"})
    assert answer.status_code == 404


def test_filters_several_units_and_clear_errors(setup, world, django_assert_max_num_queries):
    request, contribution, disdik, users = setup
    client = _client(world.officer)
    with at(2026, 11, 3, 9):
        late = client.post(
            f"/api/v1/requests/{request.pk}/contributions/",
            {"units": [disdik.pk], "instructions": "x", "due_date": "2026-11-17"},
            format="json",
        )
        own = client.post(
            f"/api/v1/requests/{request.pk}/contributions/",
            {"unit": request.unit_id, "instructions": "x"},
            format="json",
        )
        made = client.post(
            f"/api/v1/requests/{request.pk}/contributions/",
            {"units": [disdik.pk], "instructions": "Data sekolah", "due_date": "2026-11-13"},
            format="json",
        )
    assert late.status_code == 400
    assert late.json()["errors"]["due_date"] == [
        "Batas waktu internal tidak boleh melewati batas waktu pemberitahuan tertulis permohonan ini "
        "(16 November 2026)."
    ]
    assert own.status_code == 400 and "unit" in own.json()["errors"]
    assert made.status_code == 201
    assert [(c["unit"]["id"], c["due_date"]) for c in made.json()] == [(disdik.pk, "2026-11-13")]
    assert client.get(f"/api/v1/contributions/?unit={disdik.pk}").json()["count"] == 1
    assert client.get("/api/v1/contributions/?state=answered").json()["count"] == 0
    assert client.get("/api/v1/contributions/?state=bogus").status_code == 400
    # The list's query count does not grow with its rows.
    with at(2026, 11, 3, 9):
        s.contribution_answer(
            contribution_id=contribution.pk,
            actor=world.pelaksana_officer,
            message="x",
            files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n")],
        )
    with django_assert_max_num_queries(6):
        rows = client.get("/api/v1/contributions/").json()["results"]
    assert len(rows) == 2
    assert [[f["name"] for f in row["files"]] for row in rows] == [[], ["a.pdf"]]  # open first


def test_answer_with_files_over_multipart_then_409_on_a_second_answer(setup, world):
    _request, contribution, _disdik, _users = setup
    client = _client(world.pelaksana_officer)
    path = f"/api/v1/contributions/{contribution.pk}/transitions/answer/"
    with at(2026, 11, 3, 9):
        empty = client.post(path, {"message": ""}, format="json")
        done = client.post(
            path,
            {"message": "Terlampir", "files": [SimpleUploadedFile("data.pdf", b"%PDF-1.4\n%%EOF\n")]},
            format="multipart",
        )
        again = client.post(path, {"message": "lagi"}, format="json")
    assert empty.status_code == 400 and "message" in empty.json()["errors"]
    assert done.status_code == 200
    body = done.json()
    assert (body["state"], body["message"], body["answered_late"]) == ("answered", "Terlampir", False)
    assert [f["name"] for f in body["files"]] == ["data.pdf"]
    assert again.status_code == 409


def test_declining_without_a_message_is_400_on_message(setup, world):
    _request, contribution, _disdik, _users = setup
    path = f"/api/v1/contributions/{contribution.pk}/transitions/decline/"
    answer = _client(world.pelaksana_officer).post(path, {"message": " "}, format="json")
    assert answer.status_code == 400
    assert answer.json()["errors"]["message"] == ["Tuliskan alasan penolakan permintaan bahan."]
    assert dt.date(2026, 11, 11) == Contribution.objects.get().due_date
