"""Issue 16 point 7: the queue's search (ppid.search), through the API list that uses it. Every word must match the
number, the information requested, the requester's name (staff only) or an internal note (staff who see the case
as staff only); on PostgreSQL a misspelt word finds the right one."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from agencies.models import Membership, StaffRole
from casenotes.services import note_add
from complaints import services as complaint_services
from ppid.search import MAX_TERMS, terms_of
from tests.factories import CitizenProfileFactory

WIB = ZoneInfo("Asia/Jakarta")
MONDAY = dt.datetime(2026, 7, 6, 10, 0, tzinfo=WIB)
URL = "/api/v1/requests/"


@pytest.fixture
def cases(world, file_request):
    with time_machine.travel(MONDAY, tick=False):
        budget = file_request(information_requested="Dokumen anggaran Dinas Kesehatan tahun 2025")
        roads = file_request(
            information_requested="Kontrak pengadaan jalan provinsi", user=world.other_citizen
        )
    return budget, roads


def numbers(resp) -> set[str]:
    assert resp.status_code == 200, resp.content
    return {row["registration_number"] for row in resp.json()["results"]}


def test_an_exact_number_and_a_word_prefix_find_their_request(api, world, cases):
    budget, roads = cases
    officer = api(world.officer)
    assert numbers(officer.get(URL, {"q": budget.registration_number})) == {budget.registration_number}
    assert numbers(officer.get(URL, {"q": "pengada"})) == {roads.registration_number}
    # Every word must match: two words of two different requests find neither.
    assert numbers(officer.get(URL, {"q": "anggaran jalan"})) == set()
    assert numbers(officer.get(URL, {"q": "ANGGARAN kesehatan"})) == {budget.registration_number}


@pytest.mark.postgres
def test_a_misspelt_word_finds_the_request_on_postgresql(api, world, cases):
    budget, roads = cases
    officer = api(world.officer)
    assert numbers(officer.get(URL, {"q": "anggaaran"})) == {budget.registration_number}
    assert numbers(officer.get(URL, {"q": "kontrak pengadan"})) == {roads.registration_number}
    assert numbers(officer.get(URL, {"q": "zzqxw"})) == set()


@pytest.mark.postgres
def test_the_closest_match_comes_first_without_a_chosen_order(api, world, file_request):
    with time_machine.travel(MONDAY, tick=False):
        far = file_request(information_requested="Data anggaran pendidikan")
        near = file_request(information_requested="Realisasi anggaran kesehatan puskesmas")
    rows = api(world.officer).get(URL, {"q": "anggaran kesehatan"}).json()["results"]
    assert [r["registration_number"] for r in rows] == [near.registration_number]
    rows = api(world.officer).get(URL, {"q": "anggaran"}).json()["results"]
    assert {r["registration_number"] for r in rows} == {far.registration_number, near.registration_number}


def test_the_requesters_name_is_searched_by_staff_only(api, world, cases):
    budget, _roads = cases
    assert budget.requester_name == "Siti"
    assert numbers(api(world.officer).get(URL, {"q": "Siti"})) == {budget.registration_number}
    # The requester's own list is never searched by name (nor anyone else's, which they cannot see).
    assert numbers(api(world.citizen).get(URL, {"q": "Siti"})) == set()
    assert numbers(api(world.other_citizen).get(URL, {"q": "Siti"})) == set()
    assert numbers(api(world.outsider).get(URL, {"q": "Siti"})) == set()


def test_notes_are_searched_by_the_staff_who_read_them_never_by_the_requester(api, world, cases):
    budget, roads = cases
    note_add(case=budget, author=world.officer, text="Koordinasi dengan Bappeda soal lampiran rahasia")
    assert numbers(api(world.officer).get(URL, {"q": "bappeda"})) == {budget.registration_number}
    assert numbers(api(world.auditor).get(URL, {"q": "lampiran rahasia"})) == {budget.registration_number}
    # The requester's own request carries the note, and still the note's words find nothing for them.
    assert numbers(api(world.citizen).get(URL, {"q": "bappeda"})) == set()
    assert numbers(api(world.outsider).get(URL, {"q": "bappeda"})) == set()


def test_a_staff_member_never_finds_their_own_filing_by_its_notes(api, world, file_request):
    """Staff who file as citizens see their filing with `mine=true`: its notes are not theirs to search."""
    staff_citizen = CitizenProfileFactory(user__username="pegawai", name="Pegawai").user
    Membership.objects.create(user=staff_citizen, unit=world.pelaksana, role=StaffRole.OFFICER)
    with time_machine.travel(MONDAY, tick=False):
        own = file_request(user=staff_citizen, information_requested="Data pribadi", unit=world.pelaksana)
    note_add(case=own, author=world.officer, text="Pemohon adalah pegawai kita")
    client = api(staff_citizen)
    assert numbers(client.get(URL, {"q": "pegawai", "mine": "true"})) == set()
    assert numbers(client.get(URL, {"q": "pegawai"})) == set()
    assert numbers(api(world.officer).get(URL, {"q": "pegawai"})) == {own.registration_number}


def test_objections_and_complaints_lists_search_too(api, world, cases):
    budget, _ = cases
    complaint, _code = complaint_services.complaint_file(
        reporter=world.citizen,
        agency=world.agency,
        title="Loket pelayanan tutup",
        description="Petugas tidak ada di loket pada jam kerja",
        category="administration",
    )
    found = api(world.admin).get("/api/v1/complaints/", {"q": "loket"}).json()["results"]
    assert [c["tracking_number"] for c in found] == [complaint.tracking_number]
    assert api(world.admin).get("/api/v1/complaints/", {"q": "anggaran"}).json()["results"] == []
    assert api(world.officer).get("/api/v1/objections/", {"q": "apa saja"}).status_code == 200
    assert api(world.officer).get("/api/v1/objections/", {"q": "x" * 201}).status_code == 400


def test_a_long_query_keeps_its_first_words_only():
    assert len(terms_of(" ".join(f"kata{i}" for i in range(20)))) == MAX_TERMS
    assert terms_of("   ") == []
