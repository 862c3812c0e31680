"""Letters previewed before they are issued: the officer's and the Atasan's forms have a second button that
shows the letter exactly as the service would issue it, marked PRATINJAU, and nothing is saved or sent."""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from audit.models import Event
from notifications.models import Notification, OutboxMessage
from ppid import services as s
from ppid.models import ObjectionState, RequestDocument, RequestResponse, RequestState

from .test_objection_pages import at, objection, refused  # noqa: F401
from .test_request_pages import action_url, detail_url, frozen, pdf  # noqa: F401

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def counts():
    return (
        Event.objects.count(),
        Notification.objects.count(),
        OutboxMessage.objects.count(),  # a preview queues no mail
        RequestDocument.objects.count(),
    )


@pytest.fixture
def in_process(world, file_request, frozen):  # noqa: F811
    obj = file_request()
    s.information_request_process(request_id=obj.pk, actor=world.officer)
    obj.refresh_from_db()
    return obj


def test_the_extend_and_respond_forms_offer_a_preview_button(client, world, in_process):
    client.force_login(world.officer)
    html = client.get(detail_url(in_process)).content.decode()
    for name in ("extend", "respond"):
        card = html.split(f'id="aksi-{name}"', 1)[1].split("</form>", 1)[0]
        assert 'name="pratinjau"' in card and 'formtarget="_blank"' in card and "Pratinjau surat" in card
    forward_card = html.split('id="aksi-forward"', 1)[1].split("</form>", 1)[0]
    # Forwarding issues no letter.
    assert "Teruskan" in forward_card and 'name="pratinjau"' not in forward_card


def test_extension_preview_is_the_letter_marked_as_preview_and_changes_nothing(
    client, world, in_process, django_capture_on_commit_callbacks
):
    client.force_login(world.officer)
    before = counts()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resp = client.post(
            action_url(in_process, "extend"),
            {"extend-reason": "Informasi tersebar di tiga unit.", "pratinjau": "1"},
        )
    assert resp.status_code == 200
    assert resp["Content-Type"] == "application/pdf"
    assert resp["Content-Disposition"].startswith("inline;")
    assert "pratinjau-surat-perpanjangan" in resp["Content-Disposition"]
    text = pdf_text(resp.content)
    assert "PRATINJAU" in text and "BELUM DITERBITKAN" in text
    assert "Informasi tersebar di tiga unit." in text
    assert "29 Juli 2026" in text  # the new due date the real letter will state
    assert in_process.registration_number in text

    in_process.refresh_from_db()
    assert not in_process.extended and in_process.due_date == dt.date(2026, 7, 20)
    assert counts() == before and not callbacks and not mail.outbox

    # Issuing it for real afterwards gives the same letter without the mark.
    reason = {"extend-reason": "Informasi tersebar di tiga unit."}
    assert client.post(action_url(in_process, "extend"), reason).status_code == 302
    letter = client.get(reverse("frontend:request_letter", args=[in_process.pk, "perpanjangan"]))
    issued = pdf_text(letter.content)
    assert "PRATINJAU" not in issued and "29 Juli 2026" in issued


def test_notice_preview_with_files_stores_nothing(client, world, in_process):
    client.force_login(world.officer)
    before = counts()
    resp = client.post(
        action_url(in_process, "respond"),
        {
            "respond-decision": "granted",
            "respond-provided_information": "Salinan DPA Dinas Kesehatan 2025",
            "respond-fee_amount": "0",
            "respond-files": [pdf("dpa.pdf")],
            "pratinjau": "1",
        },
    )
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    text = pdf_text(resp.content)
    assert "PRATINJAU" in text and "Salinan DPA Dinas Kesehatan 2025" in text
    in_process.refresh_from_db()
    assert in_process.state == RequestState.IN_PROCESS
    assert not RequestResponse.objects.exists()
    assert counts() == before


def test_an_invalid_preview_says_what_to_fix_and_saves_nothing(client, world, in_process):
    client.force_login(world.officer)
    resp = client.post(
        action_url(in_process, "respond"),
        {"respond-decision": "rejected", "respond-consequence_test": "Data pribadi.", "pratinjau": "1"},
    )
    html = resp.content.decode()
    assert resp.status_code == 400
    assert "Pratinjau surat belum dapat dibuat" in html
    assert "Penolakan atau pemberian sebagian wajib menyebut alasan pengecualian Pasal 17." in html
    assert detail_url(in_process) in html
    assert not RequestResponse.objects.exists()


def test_a_preview_of_a_transition_that_is_no_longer_possible_is_409(client, world, in_process):
    s.information_request_extend(request_id=in_process.pk, actor=world.officer, reason="Sekali.")
    client.force_login(world.officer)
    resp = client.post(action_url(in_process, "extend"), {"extend-reason": "Dua kali.", "pratinjau": "1"})
    assert resp.status_code == 409
    assert "Perpanjangan hanya dapat dilakukan satu kali." in resp.content.decode()


def test_the_citizen_cannot_preview_an_officer_letter(client, world, in_process):
    client.force_login(world.citizen)
    resp = client.post(action_url(in_process, "extend"), {"extend-reason": "Saya mau.", "pratinjau": "1"})
    assert resp.status_code == 403
    in_process.refresh_from_db()
    assert not in_process.extended


def test_the_atasan_previews_the_decision_letter_before_deciding(client, world, objection):  # noqa: F811
    objection_url = reverse("frontend:objection_action", args=[objection.pk, "decide"])
    with at(2026, 4, 6, 10):
        s.objection_review(objection_id=objection.pk, actor=world.atasan)
        client.force_login(world.atasan)
        page = client.get(reverse("frontend:objection_detail", args=[objection.pk])).content.decode()
        assert 'name="pratinjau"' in page.split('id="aksi-decide"', 1)[1].split("</form>", 1)[0]
        before = Event.objects.count()
        resp = client.post(
            objection_url,
            {
                "decide-outcome": "granted",
                "decide-reasons": "Nama penerima beasiswa bukan informasi yang dikecualikan.",
                "decide-order": "Berikan daftar nama penerima per sekolah.",
                "decide-comply_by": "2026-04-20",
                "pratinjau": "1",
            },
        )
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    text = pdf_text(resp.content)
    assert "PRATINJAU" in text and "Berikan daftar nama penerima per sekolah." in text
    objection.refresh_from_db()
    assert objection.state == ObjectionState.UNDER_REVIEW and objection.decided_at is None
    assert Event.objects.count() == before


def test_while_an_objection_is_pending_the_requester_is_told_instead_of_offered_a_new_one(
    client,
    world,
    objection,  # noqa: F811
):
    request_url = reverse("frontend:request_detail", args=[objection.request_id])
    file_url = reverse("frontend:objection_file", args=[objection.request_id])
    client.force_login(world.citizen)
    with at(2026, 4, 6, 10):
        html = client.get(request_url).content.decode()
    assert file_url not in html
    assert f"Keberatan {objection.registration_number} sedang menunggu tanggapan Atasan PPID" in html
    s.objection_withdraw(objection_id=objection.pk, actor=world.citizen, reason="Sudah diberikan.")
    with at(2026, 4, 7, 10):
        html = client.get(request_url).content.decode()
    assert file_url in html and "sedang menunggu tanggapan" not in html
