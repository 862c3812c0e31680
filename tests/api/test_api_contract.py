"""Issue 13, the API contract: errors in the caller's language, throttles, the schema, answers after a change
that moves a case out of the caller's reach, inputs that used to answer 500, JSON when the server fails."""

import pytest

from audit.models import Event
from ppid.models import InformationRequest

pytestmark = pytest.mark.django_db


# --- a change that takes the case out of the caller's reach ------------------------------------------------------
def test_pelaksana_forward_out_of_reach_answers_204_and_commits(world, api, file_request):
    request = file_request(unit=world.pelaksana)
    client = api(world.pelaksana_officer)
    resp = client.post(
        f"/api/v1/requests/{request.pk}/transitions/forward/",
        {"unit": world.utama.pk, "note": "Bukan kewenangan Dinkes"},
        format="json",
    )
    assert resp.status_code == 204 and not resp.content
    assert InformationRequest.objects.get(pk=request.pk).unit == world.utama
    assert Event.objects.filter(action="request.forward").count() == 1
    # The caller no longer sees it; the officers of the PPID Utama do, with its new unit.
    assert client.get(f"/api/v1/requests/{request.pk}/").status_code == 404
    assert api(world.officer).get(f"/api/v1/requests/{request.pk}/").json()["unit"] == world.utama.pk


def test_a_forward_that_stays_in_reach_still_answers_200_with_the_request(world, api, file_request):
    request = file_request()
    resp = api(world.officer).post(
        f"/api/v1/requests/{request.pk}/transitions/forward/", {"unit": world.pelaksana.pk}, format="json"
    )
    assert resp.status_code == 200 and resp.json()["unit"] == world.pelaksana.pk


# --- point 35: one rule for who reads an event's reason -----------------------------------------------------------
def test_the_reason_for_viewing_the_nik_is_for_staff_only_in_the_api_as_on_the_page(world, api, file_request):
    from ppid import services as ppid_services
    from ppid.timeline import case_timeline

    request = file_request()
    assert request.requester_nik_encrypted
    ppid_services.information_request_reveal_nik(
        request_id=request.pk, viewer=world.officer, purpose="Cocokkan KTP pemohon"
    )
    url = f"/api/v1/requests/{request.pk}/events/"
    staff = {e["action"]: e for e in api(world.officer).get(url).json()}
    citizen = {e["action"]: e for e in api(world.citizen).get(url).json()}
    assert staff["personal_data.viewed"]["reason"] == "Cocokkan KTP pemohon"
    assert "personal_data.viewed" in citizen and citizen["personal_data.viewed"]["reason"] == ""
    # The page's timeline reads the same rule.
    page = {i.action: i.reason for i in case_timeline(request, world.citizen) if i.kind == "event"}
    assert page["personal_data.viewed"] == ""
