"""Issue 16 point 3 on the pages: the staff of a case read and write its internal notes on the case page; the
requester or reporter sees neither the notes nor the form, and cannot post one."""

import pytest
from django.urls import reverse

from casenotes.models import CaseNote
from complaints import services as c
from ppid import services as s
from tests.helpers import at

pytestmark = pytest.mark.django_db

SECRET = "Konfirmasi dulu ke bagian hukum sebelum menjawab"


@pytest.fixture
def cases(world, file_request):
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
            description="Menunggu 5 jam tanpa kepastian",
            category="health",
            location="Puskesmas Sukajadi",
        )
    return {
        "request": (request, "frontend:request_detail", "frontend:request_note"),
        "objection": (objection, "frontend:objection_detail", "frontend:objection_note"),
        "complaint": (complaint, "frontend:complaint_detail", "frontend:complaint_note"),
    }


@pytest.mark.parametrize("kind", ["request", "objection", "complaint"])
def test_staff_write_a_note_and_the_citizen_never_sees_it(client, world, cases, kind):
    case, detail, note = cases[kind]
    staff = world.atasan if kind == "objection" else world.officer
    client.force_login(staff)
    page = client.get(reverse(detail, args=[case.pk])).content.decode()
    assert "Catatan internal" in page and "Belum ada catatan internal." in page
    resp = client.post(reverse(note, args=[case.pk]), {"catatan-text": SECRET})
    assert resp.status_code == 302 and resp["Location"].endswith("#catatan-h")
    assert SECRET in client.get(reverse(detail, args=[case.pk])).content.decode()
    assert CaseNote.objects.get().author == staff

    client.force_login(world.citizen)
    citizen_page = client.get(reverse(detail, args=[case.pk])).content.decode()
    assert SECRET not in citizen_page and 'id="catatan-h"' not in citizen_page
    assert client.post(reverse(note, args=[case.pk]), {"catatan-text": "Dari pemohon"}).status_code == 404
    assert CaseNote.objects.count() == 1


def test_an_empty_note_is_refused_on_the_page_with_nothing_saved(client, world, cases):
    case, _detail, note = cases["request"]
    client.force_login(world.officer)
    resp = client.post(reverse(note, args=[case.pk]), {"catatan-text": "   "})
    assert resp.status_code == 200 and "Tuliskan isi catatan internal." in resp.content.decode()
    assert not CaseNote.objects.exists()


def test_staff_of_another_agency_get_404(client, world, cases):
    case, _detail, note = cases["request"]
    client.force_login(world.outsider)
    assert client.post(reverse(note, args=[case.pk]), {"catatan-text": SECRET}).status_code == 404
