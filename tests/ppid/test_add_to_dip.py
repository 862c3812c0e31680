"""Issue 18 point 5: granted response files become public as a DRAFT setiap saat item, after the officer confirms the
redaction and a scan of the files' text finds neither a NIK-shaped number nor the requester's name."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from agencies.errors import InvalidTransition
from dip.models import DipItem, ItemState
from dip.selectors import public_items
from letters.rendering import html_to_pdf
from ppid import services as s
from ppid.models import InformationRequest
from tests.register_helpers import item_data


def pdf(text: str) -> bytes:
    return html_to_pdf(f"<html><body><p>{text}</p></body></html>")


@pytest.fixture
def granted(world, file_request):
    def _granted(*texts, decision="granted"):
        request = file_request()
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision=decision,
            provided_information="Salinan Dokumen Pelaksanaan Anggaran 2025",
            redactions="Tanda tangan" if decision == "partially_granted" else "",
            exemption_grounds=["h"] if decision == "partially_granted" else [],
            consequence_test="Data pribadi" if decision == "partially_granted" else "",
            files=[SimpleUploadedFile(f"jawaban-{i}.pdf", pdf(t)) for i, t in enumerate(texts)],
        )
        return InformationRequest.objects.get(pk=request.pk)

    return _granted


def offer(world, request, *, actor=None, confirmed=True, docs=None):
    return s.information_request_add_to_dip(
        request_id=request.pk,
        actor=actor or world.officer,
        data={**item_data(title="Dokumen Pelaksanaan Anggaran Dinas Kesehatan 2025"), "category": "berkala"},
        document_ids=docs if docs is not None else [d.pk for d in s.publishable_files(request)],
        redaction_confirmed=confirmed,
    )


def test_granted_files_become_a_draft_setiap_saat_item_linked_to_the_request(world, granted):
    request = granted("Ringkasan anggaran belanja Dinas Kesehatan tahun 2025")
    item = offer(world, request)
    assert item.state == ItemState.DRAFT and item.category == "setiap_saat" and item.unit == request.unit
    assert [d.name for d in item.documents.all()] == ["jawaban-0.pdf"]
    assert not public_items().filter(pk=item.pk).exists()
    request.response.refresh_from_db()
    assert request.response.published_as == item
    with pytest.raises(InvalidTransition):
        offer(world, request)


def test_a_file_with_a_nik_or_the_requesters_name_is_refused(world, granted):
    request = granted("Daftar penerima: 3273015505900001", "Disampaikan kepada Siti di Bandung")
    with pytest.raises(ValidationError) as exc:
        offer(world, request)
    messages = " ".join(exc.value.message_dict["documents"])
    assert "jawaban-0.pdf memuat angka berbentuk NIK" in messages
    assert "jawaban-1.pdf memuat nama pemohon" in messages
    assert not DipItem.objects.exists()


def test_the_officer_must_confirm_the_redaction(world, granted):
    request = granted("Ringkasan anggaran")
    with pytest.raises(ValidationError) as exc:
        offer(world, request, confirmed=False)
    assert "redaction_confirmed" in exc.value.message_dict


def test_only_the_handling_officers_and_only_granted_answers(world, granted, file_request):
    request = granted("Ringkasan anggaran")
    with pytest.raises(PermissionDenied):
        offer(world, request, actor=world.auditor)
    refused = file_request()
    s.information_request_process(request_id=refused.pk, actor=world.officer)
    s.information_request_respond(
        request_id=refused.pk, actor=world.officer, decision="not_held", holding_body="Dinas Lain"
    )
    with pytest.raises(InvalidTransition):
        offer(world, InformationRequest.objects.get(pk=refused.pk), docs=[])


def test_a_partial_grant_may_be_offered_with_a_chosen_file(world, granted):
    request = granted("Bagian yang dibuka", "Tanda tangan Siti", decision="partially_granted")
    first = s.publishable_files(request)[0]
    item = offer(world, request, docs=[first.pk])
    assert [d.name for d in item.documents.all()] == ["jawaban-0.pdf"]
