"""Issue 14 point 12: the tanda terima keberatan, downloadable by the requester and announced by e-mail."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from pypdf import PdfReader

from ppid import letters
from ppid import services as s

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_the_objection_receipt_is_a_pdf_the_requester_downloads_and_is_told_of_by_mail(
    world, file_request, client, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
    mail.outbox.clear()
    with at(2026, 11, 5, 10), django_capture_on_commit_callbacks(execute=True):
        objection = s.objection_file(
            requester=world.citizen,
            request_id=request.pk,
            grounds=["a"],
            reason="Saya keberatan atas penolakan",
        )
    text = pdf_text(letters.render_objection_receipt(objection, viewer=world.citizen))
    with translation.override("id"):
        due = date_format(objection.due_date, "l, j F Y")
    for phrase in (
        "TANDA TERIMA KEBERATAN",
        objection.registration_number,
        request.registration_number,
        "Siti",
        "a. penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17",
        "Saya keberatan atas penolakan",
        f"Batas waktu tanggapan Atasan PPID: {due}",
        "Hak pemohon",
        "Komisi Informasi paling lambat 14 (empat belas) hari kerja",
    ):
        assert phrase.upper() in text.upper(), phrase
    url = reverse("frontend:objection_receipt", args=[objection.pk])
    client.force_login(world.citizen)
    assert url in client.get(reverse("frontend:objection_detail", args=[objection.pk])).content.decode()
    resp = client.get(url)
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    client.force_login(world.other_citizen)
    assert client.get(url).status_code == 404
    [message] = [
        m for m in mail.outbox if world.citizen.email in m.to and objection.registration_number in m.subject
    ]
    # The due date in each language's own format (not an ISO date in a sentence).
    assert "17 Desember 2026" in message.body and "17 December 2026" in message.body
    assert "Tanda terima keberatan" in message.body
    # The receipt itself goes with the mail (point 12), the same PDF the page offers.
    [(filename, content, mimetype)] = message.attachments
    assert mimetype == "application/pdf" and filename.startswith("tanda-terima-keberatan-")
    assert objection.registration_number in pdf_text(content)
