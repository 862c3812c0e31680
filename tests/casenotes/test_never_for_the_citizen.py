"""Issue 16 point 3: an internal note is never shown to the requester or the reporter. A request, its objection
and a complaint each get notes (the request's forward note among them); then everything the citizen can reach
is read: their API (lists, details, events, notifications), their pages, their mails and their letters."""

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader
from rest_framework.test import APIClient

from casenotes.events import LABELS, NOTE_ADDED
from casenotes.services import note_add
from complaints import services as c
from notifications.models import Notification
from notifications.outbox import drain_outbox
from ppid import letters
from ppid import services as s

pytestmark = pytest.mark.django_db

FORWARD_NOTE = "Catatan-terusan: datanya di lemari arsip lantai 2."
REQUEST_NOTE = "Catatan-permohonan: pemohon ini pernah meminta hal yang sama."
OBJECTION_NOTE = "Catatan-keberatan: Atasan minta telaah hukum dulu."
COMPLAINT_NOTE = "Catatan-pengaduan: petugas loket sudah ditegur."
NOTES = [FORWARD_NOTE, REQUEST_NOTE, OBJECTION_NOTE, COMPLAINT_NOTE]


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def cases(world, file_request, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = file_request()
        s.information_request_forward(
            request_id=request.pk, actor=world.officer, unit=world.pelaksana, note=FORWARD_NOTE
        )
        note_add(case=request, author=world.pelaksana_officer, text=REQUEST_NOTE)
        s.information_request_process(request_id=request.pk, actor=world.pelaksana_officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.pelaksana_officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Memuat data pribadi.",
        )
        objection = s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Bukan rahasia."
        )
        note_add(case=objection, author=world.atasan, text=OBJECTION_NOTE)
        s.objection_review(objection_id=objection.pk, actor=world.atasan)
        complaint, _code = c.complaint_file(
            reporter=world.citizen, agency=world.agency, title="Loket", description="Lama", category="other"
        )
        c.complaint_verify(complaint_id=complaint.pk, actor=world.admin, unit=world.pelaksana)
        note_add(case=complaint, author=world.pelaksana_officer, text=COMPLAINT_NOTE)
        c.complaint_respond(
            complaint_id=complaint.pk, actor=world.pelaksana_officer, message="Sudah dibenahi."
        )
        drain_outbox()
    return request, objection, complaint


def assert_no_note(text: str, where: str) -> None:
    for note in NOTES:
        assert note not in text, f"{where} shows {note!r}"
    assert str(LABELS[NOTE_ADDED]) not in text, f"{where} tells that a note was added"
    assert NOTE_ADDED not in text, where


def test_staff_read_every_note(world, cases):
    request, objection, complaint = cases
    api = APIClient()
    api.force_authenticate(world.officer)
    read = "".join(
        api.get(f"/api/v1/{resource}/{case.pk}/notes/").content.decode()
        for resource, case in (("requests", request), ("objections", objection), ("complaints", complaint))
    )
    for note in NOTES:
        assert note in read


def test_the_citizens_api_never_carries_a_note(world, cases):
    request, objection, complaint = cases
    api = APIClient()
    api.force_authenticate(world.citizen)
    paths = [
        "/api/v1/requests/",
        "/api/v1/objections/",
        "/api/v1/complaints/",
        "/api/v1/notifications/",
    ]
    for resource, case in (("requests", request), ("objections", objection), ("complaints", complaint)):
        paths += [f"/api/v1/{resource}/{case.pk}/", f"/api/v1/{resource}/{case.pk}/events/"]
    for path in paths:
        response = api.get(path)
        assert response.status_code == 200, path
        assert_no_note(response.content.decode(), path)
    for resource, case in (("requests", request), ("objections", objection), ("complaints", complaint)):
        assert api.get(f"/api/v1/{resource}/{case.pk}/notes/").status_code == 404


def test_the_citizens_pages_never_show_a_note(client, world, cases):
    request, objection, complaint = cases
    client.force_login(world.citizen)
    for url in (
        reverse("frontend:request_detail", args=[request.pk]),
        reverse("frontend:objection_detail", args=[objection.pk]),
        reverse("frontend:complaint_detail", args=[complaint.pk]),
        reverse("frontend:notifications"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_note(response.content.decode(), url)


def test_the_citizens_notifications_and_mails_never_carry_a_note(world, cases):
    texts = [n.message for n in Notification.objects.filter(recipient=world.citizen)]
    assert texts, "the citizen was told of the steps"
    mails = [m for m in mail.outbox if world.citizen.email in m.to]
    assert mails, "the citizen got mails"
    for message in mails:
        texts += [message.subject, message.body]
        texts += [str(content) for content, _mime in getattr(message, "alternatives", [])]
    assert_no_note("\n".join(texts), "the citizen's notifications and mails")


def test_the_citizens_letters_never_carry_a_note(world, cases):
    request, objection, _complaint = cases
    for name, pdf in (
        ("receipt", letters.render_receipt(request, viewer=world.citizen)),
        ("notice", letters.render_notice(request, viewer=world.citizen)),
        ("objection receipt", letters.render_objection_receipt(objection, viewer=world.citizen)),
    ):
        text = pdf_text(pdf)
        assert text.strip(), name
        assert_no_note(text, name)
