"""Issue 18 point 5 and the DIK citation of point 3: a request already answered by the register is pointed at the
published item and completed as it is answered; a refusal cites an in-force DIK entry instead of retyping it."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from audit.models import Event
from dip import services as dip_services
from ppid import approval, letters
from ppid import services as s
from ppid.models import InformationRequest, RequestState
from ppid.windows import objection_ground_windows
from tests.register_helpers import draft_item, in_force_dik, published_item

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def in_process(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request(information_requested="Laporan keuangan Dinas Kesehatan semester pertama 2026")
        s.information_request_process(request_id=request.pk, actor=world.officer)
    return request


def test_already_published_points_at_the_item_and_completes_the_request(world, in_process, settings):
    settings.SITE_URL = "https://ppid.contoh.go.id"
    with at(2026, 11, 2, 9):
        item = published_item(world)
    with at(2026, 11, 4, 10):
        s.information_request_respond(
            request_id=in_process.pk, actor=world.officer, decision="already_published", dip_item=item.pk
        )
    request = InformationRequest.objects.get(pk=in_process.pk)
    assert request.state == RequestState.COMPLETED
    assert request.response.dip_item == item and request.auto_complete_on is None
    actions = list(Event.objects.filter(object_id=str(request.pk)).values_list("action", flat=True))
    assert actions[-3:] == ["request.respond", "letter.issued", "request.complete"]
    # The notice is still a notice: the requester may object to it within the windows it opens.
    assert {"b", "d", "e"} <= set(objection_ground_windows(request))
    text = pdf_text(letters.render_notice(request))
    assert "Informasi sudah diumumkan" in text
    assert item.title in text
    assert f"https://ppid.contoh.go.id/informasi/diskominfo/{item.pk}/" in text.replace(" ", "")


@pytest.mark.parametrize("which", ["draft", "other_agency", "withdrawn", "missing"])
def test_already_published_needs_a_published_item_of_the_agency(world, in_process, which):
    if which == "draft":
        item_id = draft_item(world).pk
    elif which == "other_agency":
        item_id = published_item(
            world, unit=world.other_utama, actor=world.outsider, publisher=world.outsider
        ).pk
    elif which == "withdrawn":
        item = published_item(world)
        dip_services.dip_item_withdraw(item_id=item.pk, actor=world.officer, reason="Diganti")
        item_id = item.pk
    else:
        item_id = None
    with pytest.raises(ValidationError) as exc:
        s.information_request_respond(
            request_id=in_process.pk, actor=world.officer, decision="already_published", dip_item=item_id
        )
    assert "dip_item" in exc.value.message_dict
    assert InformationRequest.objects.get(pk=in_process.pk).state == RequestState.IN_PROCESS


def test_a_dip_item_is_refused_with_another_decision(world, in_process):
    item = published_item(world)
    with pytest.raises(ValidationError) as exc:
        s.information_request_respond(
            request_id=in_process.pk,
            actor=world.officer,
            decision="granted",
            provided_information="Salinan",
            dip_item=item.pk,
        )
    assert "dip_item" in exc.value.message_dict


def test_with_approval_the_draft_keeps_the_item_and_the_head_completes_it(world, in_process):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    item = published_item(world)
    s.information_request_respond(
        request_id=in_process.pk, actor=world.officer, decision="already_published", dip_item=str(item.pk)
    )
    request = InformationRequest.objects.get(pk=in_process.pk)
    draft = approval.pending_draft(request)
    assert request.state == RequestState.IN_PROCESS and draft.payload["dip_item"] == item.pk
    s.information_request_approve(request_id=in_process.pk, actor=world.head)
    request.refresh_from_db()
    assert request.state == RequestState.COMPLETED and request.response.dip_item == item


def test_the_item_withdrawn_before_approval_stops_the_draft(world, in_process):
    world.agency.approval_before_issue = True
    world.agency.save(update_fields=["approval_before_issue"])
    item = published_item(world)
    s.information_request_respond(
        request_id=in_process.pk, actor=world.officer, decision="already_published", dip_item=item.pk
    )
    dip_services.dip_item_withdraw(item_id=item.pk, actor=world.officer, reason="Salah unggah")
    assert approval.pending_draft(InformationRequest.objects.get(pk=in_process.pk)) is not None
    with pytest.raises(ValidationError):
        s.information_request_approve(request_id=in_process.pk, actor=world.head)
    assert InformationRequest.objects.get(pk=in_process.pk).state == RequestState.IN_PROCESS


def test_a_refusal_citing_a_dik_entry_is_filled_from_it_and_names_it(world, in_process):
    with at(2026, 11, 2, 9):
        entry = in_force_dik(world)
    with at(2026, 11, 4, 10):
        s.information_request_respond(
            request_id=in_process.pk, actor=world.officer, decision="rejected", dik_entry=entry.pk
        )
    response = InformationRequest.objects.get(pk=in_process.pk).response
    assert response.dik_entry == entry and response.exemption_grounds == ["a"]
    assert "Menghambat penyelidikan" in response.consequence_test
    assert response.exemption_period == "Sampai dengan 31 Desember 2030"
    text = pdf_text(letters.render_notice(response.request))
    assert "Dokumen penyelidikan pengadaan alat kesehatan" in text
    assert "188/12/PPID/2026" in text and "2 Juni 2026" in text


def test_what_the_officer_typed_wins_over_the_entry(world, in_process):
    entry = in_force_dik(world)
    s.information_request_respond(
        request_id=in_process.pk,
        actor=world.officer,
        decision="rejected",
        dik_entry=entry.pk,
        exemption_grounds=["h"],
        consequence_test="Uji sendiri",
    )
    response = InformationRequest.objects.get(pk=in_process.pk).response
    assert response.exemption_grounds == ["h"] and response.consequence_test == "Uji sendiri"


def test_only_an_in_force_entry_of_the_agency_and_only_for_a_refusal(world, in_process):
    entry = in_force_dik(world)
    dip_services.dik_entry_revoke(entry_id=entry.pk, actor=world.head, reason="Masa berakhir")
    with pytest.raises(ValidationError) as exc:
        s.information_request_respond(
            request_id=in_process.pk, actor=world.officer, decision="rejected", dik_entry=entry.pk
        )
    assert "dik_entry" in exc.value.message_dict
    live = in_force_dik(world, title="Data pribadi pegawai", ground="h", period_until=None, permanent=True)
    with pytest.raises(ValidationError) as exc:
        s.information_request_respond(
            request_id=in_process.pk,
            actor=world.officer,
            decision="granted",
            provided_information="Salinan",
            dik_entry=live.pk,
        )
    assert "dik_entry" in exc.value.message_dict
