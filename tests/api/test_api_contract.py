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
