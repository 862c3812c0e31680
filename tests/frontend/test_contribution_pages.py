"""Issue 16 point 4 on the pages: the handling officer asks units for material on the request page, the asked unit
answers or declines from /kerja/bahan/, the officer attaches a file to the response. The requester sees none of it
anywhere (page, API, events, notifications, mails) except the file once attached, as a response file."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from agencies.models import StaffRole
from notifications.models import Notification
from notifications.outbox import drain_outbox
from ppid import services as s
from ppid.models import Contribution, ContributionState, RequestDocument
from tests.factories import UnitFactory, make_staff
from tests.helpers import at

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
INSTRUCTIONS = "Petunjuk-rahasia: data imunisasi per kecamatan"
ANSWER = "Jawaban-rahasia: angka belum diverifikasi kepala dinas"
DECLINE = "Alasan-rahasia: data dipegang BPS"


@pytest.fixture
def request_(world, file_request):
    with at(2026, 11, 2, 10):
        return file_request()


@pytest.fixture
def disdik(world):
    unit = UnitFactory(agency=world.agency, code="DISDIK", name="PPID Pelaksana Dinas Pendidikan")
    return unit, make_staff(unit, StaffRole.OFFICER, username="disdik")


def test_the_officer_asks_two_units_from_the_request_page(client, world, request_, disdik):
    client.force_login(world.officer)
    url = reverse("frontend:request_detail", args=[request_.pk])
    with at(2026, 11, 3, 9):
        page = client.get(url).content.decode()
        assert 'id="bahan-h"' in page and "Belum ada permintaan bahan ke unit lain." in page
        assert "PPID Pelaksana Dinas Pendidikan" in page  # a checkbox per other unit
        assert "11 November 2026" in page  # the default internal due date, said in the help text
        resp = client.post(
            reverse("frontend:request_contribution_ask", args=[request_.pk]),
            {"bahan-units": [world.pelaksana.pk, disdik[0].pk], "bahan-instructions": INSTRUCTIONS},
        )
    assert resp.status_code == 302 and resp["Location"].endswith("#bahan-h")
    assert sorted(c.unit.code for c in Contribution.objects.all()) == ["DINKES", "DISDIK"]
    with at(2026, 11, 3, 9):
        page = client.get(url).content.decode()
    assert INSTRUCTIONS in page and page.count('class="badge badge-state">Diminta<') == 2


def test_a_bad_ask_keeps_what_was_typed(client, world, request_):
    client.force_login(world.officer)
    with at(2026, 11, 3, 9):
        resp = client.post(
            reverse("frontend:request_contribution_ask", args=[request_.pk]),
            {
                "bahan-units": [world.pelaksana.pk],
                "bahan-instructions": INSTRUCTIONS,
                "bahan-due_date": "2026-11-20",
            },
        )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Batas waktu internal tidak boleh melewati batas waktu pemberitahuan tertulis" in html
    assert 'class="error-summary"' in html
    assert INSTRUCTIONS in html and 'value="2026-11-20"' in html
    assert not Contribution.objects.exists()


def test_the_asked_unit_answers_from_its_pages_and_the_officer_attaches_the_file(client, world, request_):
    with at(2026, 11, 3, 9):
        (c,) = s.contribution_ask(
            request_id=request_.pk, actor=world.officer, units=[world.pelaksana], instructions=INSTRUCTIONS
        )
    client.force_login(world.pelaksana_officer)
    with at(2026, 11, 10, 9):
        listing = client.get(reverse("frontend:contributions")).content.decode()
        assert f"Bahan untuk {request_.registration_number}" in listing
        assert "Jatuh tempo dalam 1 hari kerja" in listing
        detail = client.get(reverse("frontend:contribution_detail", args=[c.pk])).content.decode()
        assert INSTRUCTIONS in detail and "Jawab permintaan bahan" in detail
        # An empty answer: the error is shown, nothing changes.
        bad = client.post(reverse("frontend:contribution_answer", args=[c.pk]), {"jawab-message": ""})
        assert bad.status_code == 200 and "Tuliskan jawaban atas permintaan bahan." in bad.content.decode()
        resp = client.post(
            reverse("frontend:contribution_answer", args=[c.pk]),
            {"jawab-message": ANSWER, "jawab-files": [SimpleUploadedFile("imunisasi.pdf", PDF)]},
        )
    assert resp.status_code == 302
    c.refresh_from_db()
    assert c.state == ContributionState.ANSWERED
    assert client.get(reverse("frontend:contributions")).content.decode().count("Bahan untuk") == 0
    source = c.files.get()
    assert client.get(reverse("frontend:contribution_file", args=[source.pk])).status_code == 200

    client.force_login(world.officer)
    page = client.get(reverse("frontend:request_detail", args=[request_.pk])).content.decode()
    assert ANSWER in page and "Lampirkan ke jawaban" in page
    resp = client.post(reverse("frontend:contribution_attach", args=[source.pk]))
    assert resp.status_code == 302 and resp["Location"].endswith("#bahan-h")
    page = client.get(reverse("frontend:request_detail", args=[request_.pk])).content.decode()
    assert "Sudah dilampirkan ke jawaban" in page
    assert RequestDocument.objects.get().original_name == "imunisasi.pdf"


def test_declining_from_the_page_needs_a_reason(client, world, request_):
    with at(2026, 11, 3, 9):
        (c,) = s.contribution_ask(
            request_id=request_.pk, actor=world.officer, units=[world.pelaksana], instructions=INSTRUCTIONS
        )
    client.force_login(world.pelaksana_officer)
    bad = client.post(reverse("frontend:contribution_decline", args=[c.pk]), {"tolak-reason": " "})
    assert bad.status_code == 200 and "Tuliskan alasan penolakan permintaan bahan." in bad.content.decode()
    ok = client.post(reverse("frontend:contribution_decline", args=[c.pk]), {"tolak-reason": DECLINE})
    assert ok.status_code == 302
    assert Contribution.objects.get().state == ContributionState.DECLINED


def test_pages_answer_404_outside_and_readers_get_no_forms(client, world, request_, disdik):
    with at(2026, 11, 3, 9):
        (c,) = s.contribution_ask(
            request_id=request_.pk, actor=world.officer, units=[world.pelaksana], instructions=INSTRUCTIONS
        )
    for user in (disdik[1], world.citizen, world.other_citizen, world.outsider):
        client.force_login(user)
        assert client.get(reverse("frontend:contribution_detail", args=[c.pk])).status_code == 404
        assert (
            client.post(
                reverse("frontend:contribution_answer", args=[c.pk]), {"jawab-message": "x"}
            ).status_code
            == 404
        )
    client.force_login(world.auditor)
    page = client.get(reverse("frontend:contribution_detail", args=[c.pk])).content.decode()
    assert INSTRUCTIONS in page and "Jawab permintaan bahan" not in page
    assert (
        client.post(reverse("frontend:contribution_answer", args=[c.pk]), {"jawab-message": "x"}).status_code
        == 403
    )
    assert Contribution.objects.get().state == ContributionState.ASKED


def test_the_requester_sees_no_contribution_anywhere(
    client, world, request_, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), at(2026, 11, 3, 9):
        s.information_request_process(request_id=request_.pk, actor=world.officer)
        first, second = s.contribution_ask(
            request_id=request_.pk,
            actor=world.officer,
            units=[world.pelaksana, UnitFactory(agency=world.agency, code="BAPPEDA", name="PPID Bappeda")],
            instructions=INSTRUCTIONS,
        )
        s.contribution_answer(
            contribution_id=first.pk,
            actor=world.pelaksana_officer,
            message=ANSWER,
            files=[SimpleUploadedFile("internal-dinkes.pdf", PDF)],
        )
        s.contribution_decline(contribution_id=second.pk, actor=world.head, reason=DECLINE)
        s.information_request_respond(
            request_id=request_.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi",
        )
    drain_outbox()
    secrets = [INSTRUCTIONS, ANSWER, DECLINE, "internal-dinkes.pdf", "Permintaan bahan", "bahan-h"]

    client.force_login(world.citizen)
    pages = [
        client.get(reverse("frontend:request_detail", args=[request_.pk])).content.decode(),
        client.get(reverse("frontend:notifications")).content.decode(),
    ]
    api = APIClient()
    api.force_authenticate(world.citizen)
    answers = [
        api.get(f"/api/v1/requests/{request_.pk}/").content.decode(),
        api.get(f"/api/v1/requests/{request_.pk}/events/").content.decode(),
        api.get("/api/v1/notifications/").content.decode(),
        api.get("/api/v1/contributions/").content.decode(),
    ]
    for text in pages + answers:
        for secret in secrets:
            assert secret not in text
    assert api.get(f"/api/v1/contributions/{first.pk}/").status_code == 404
    assert api.get(f"/api/v1/requests/{request_.pk}/contributions/").status_code == 404
    assert client.get(reverse("frontend:contribution_detail", args=[first.pk])).status_code == 404
    assert client.get(reverse("frontend:contribution_file", args=[first.files.get().pk])).status_code == 404
    assert client.get(reverse("frontend:contributions")).status_code == 404
    assert not Notification.objects.filter(recipient=world.citizen, kind__startswith="contribution.").exists()
    citizen_mail = " ".join(m.body for m in mail.outbox if world.citizen.email in m.to)
    assert citizen_mail and not any(secret in citizen_mail for secret in secrets[:4])

    # Attached, the file becomes the requester's as a response file; the answer's text still does not.
    s.contribution_attach_to_response(file_id=first.files.get().pk, actor=world.officer)
    page = client.get(reverse("frontend:request_detail", args=[request_.pk])).content.decode()
    assert "internal-dinkes.pdf" in page and ANSWER not in page and INSTRUCTIONS not in page
    assert "Permintaan bahan" not in api.get(f"/api/v1/requests/{request_.pk}/events/").content.decode()


def test_the_dashboard_counts_contributions_answered_late(client, world, request_):
    with at(2026, 11, 3, 9):
        s.contribution_ask(
            request_id=request_.pk, actor=world.officer, units=[world.pelaksana], instructions=INSTRUCTIONS
        )
    client.force_login(world.auditor)
    with at(2026, 11, 20, 9):
        html = client.get(reverse("frontend:dashboard_agency", args=[world.agency.slug])).content.decode()
    assert "Bahan dijawab terlambat" in html
