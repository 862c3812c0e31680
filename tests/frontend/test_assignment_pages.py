"""Issue 16 point 2 on the pages: an officer takes a new case from its page, the unit head assigns or moves it
(with a reason), the requester sees none of it and cannot do it."""

import pytest
from django.urls import reverse

from complaints import services as c
from ppid import services as s
from tests.helpers import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_case(world, file_request):
    with at(2026, 11, 2, 10):
        return file_request()


def test_an_officer_takes_a_new_request_and_the_head_moves_it_with_a_reason(client, world, request_case):
    url = reverse("frontend:request_detail", args=[request_case.pk])
    assign = reverse("frontend:request_assign", args=[request_case.pk])
    client.force_login(world.officer)
    page = client.get(url).content.decode()
    assert "Belum ada petugas yang ditugaskan." in page and "Ambil perkara ini" in page
    resp = client.post(assign, {"claim": "1"})
    assert resp.status_code == 302 and resp["Location"].endswith("#penugasan-h")
    request_case.refresh_from_db()
    assert request_case.assigned_to == world.officer
    assert "Ambil perkara ini" not in client.get(url).content.decode()

    client.force_login(world.head)
    page = client.get(url).content.decode()
    assert "Tugaskan atau pindahkan ke petugas lain" in page
    # Moving it from the officer needs a reason: the form says so and nothing changes.
    refused = client.post(assign, {"tugas-officer": world.head.pk, "tugas-reason": ""})
    assert refused.status_code == 200
    request_case.refresh_from_db()
    assert request_case.assigned_to == world.officer
    assert "Pengalihan atau pelepasan penugasan wajib disertai alasan." in refused.content.decode()
    done = client.post(assign, {"tugas-officer": world.head.pk, "tugas-reason": "Petugas sedang cuti"})
    assert done.status_code == 302
    request_case.refresh_from_db()
    assert request_case.assigned_to == world.head


def test_the_head_cannot_pick_an_officer_who_may_not_handle_the_case(client, world, request_case):
    client.force_login(world.head)
    page = client.get(reverse("frontend:request_detail", args=[request_case.pk])).content.decode()
    # The request sits with the PPID Utama: a Pelaksana officer of another unit is not offered.
    assert f'value="{world.pelaksana_officer.pk}"' not in page
    resp = client.post(
        reverse("frontend:request_assign", args=[request_case.pk]),
        {"tugas-officer": world.pelaksana_officer.pk},
    )
    assert (
        resp.status_code == 200
        and "Pilih petugas aktif dari unit perkara atau PPID Utama." in resp.content.decode()
    )
    request_case.refresh_from_db()
    assert request_case.assigned_to is None


def test_the_requester_sees_no_assignment_and_cannot_take_the_case(client, world, request_case):
    client.force_login(world.citizen)
    page = client.get(reverse("frontend:request_detail", args=[request_case.pk])).content.decode()
    assert 'id="penugasan-h"' not in page and "Ambil perkara ini" not in page
    resp = client.post(reverse("frontend:request_assign", args=[request_case.pk]), {"claim": "1"})
    assert resp.status_code in (403, 404)
    request_case.refresh_from_db()
    assert request_case.assigned_to is None


def test_objections_and_complaints_are_taken_the_same_way(client, world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Saya keberatan"
        )
        complaint, _code = c.complaint_file(
            reporter=world.citizen,
            agency=world.agency,
            title="Antrean puskesmas",
            description="Menunggu 5 jam",
            category="health",
            location="Puskesmas Sukajadi",
        )
    client.force_login(world.officer)
    for case, name in ((objection, "objection"), (complaint, "complaint")):
        assert (
            "Ambil perkara ini"
            in client.get(reverse(f"frontend:{name}_detail", args=[case.pk])).content.decode()
        )
        assert (
            client.post(reverse(f"frontend:{name}_assign", args=[case.pk]), {"claim": "1"}).status_code == 302
        )
        case.refresh_from_db()
        assert case.assigned_to == world.officer
