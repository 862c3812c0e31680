"""Issue 13 point 25: a PPID Pelaksana officer who forwards a request out of their unit lands on their queue
with a message, not on a 404."""

import pytest
from django.urls import reverse

from ppid.models import InformationRequest

pytestmark = pytest.mark.django_db


def test_pelaksana_forward_redirects_to_the_queue_with_a_message(client, world, file_request):
    obj = file_request(unit=world.pelaksana)
    client.force_login(world.pelaksana_officer)
    url = reverse("frontend:request_action", args=[obj.pk, "forward"])
    resp = client.post(url, {"forward-unit": world.utama.pk, "forward-note": "Bukan kewenangan Dinkes"})
    assert resp.status_code == 302 and resp["Location"] == reverse("frontend:queue")
    assert InformationRequest.objects.get(pk=obj.pk).unit == world.utama
    page = client.get(resp["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert obj.registration_number in html and "di luar jangkauan Anda" in html
