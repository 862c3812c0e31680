"""Issue 14 point 10: the written notice's contents as the law and the prescribed form read."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from ppid import letters
from ppid import services as s
from ppid.errors import ValidationError
from ppid.models import InformationRequest

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def respond(world, file_request, **notice):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(request_id=request.pk, actor=world.officer, **notice)
    return InformationRequest.objects.get(pk=request.pk)


def test_a_grant_states_by_when_and_how_the_information_is_provided(world, file_request):
    request = respond(
        world,
        file_request,
        decision="granted",
        provided_information="Salinan DPA",
        provision_on=D(2026, 11, 9),
    )
    text = pdf_text(letters.render_notice(request))
    assert "Waktu penyediaan informasi : Paling lambat Senin, 9 November 2026, dengan cara E-mail" in text


def test_not_yet_documented_states_by_when_it_will_be(world, file_request):
    request = respond(world, file_request, decision="not_documented", documented_by=D(2026, 12, 15))
    text = pdf_text(letters.render_notice(request))
    assert "Informasi akan didokumentasikan paling lambat Selasa, 15 Desember 2026" in text


def test_a_refusal_on_huruf_j_names_the_other_law_the_period_and_the_consequence_test(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        with pytest.raises(ValidationError) as exc:
            s.information_request_respond(
                request_id=request.pk,
                actor=world.officer,
                decision="rejected",
                exemption_grounds=["j"],
                consequence_test="Rahasia bank",
            )
        assert "other_law" in exc.value.message_dict
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["j"],
            consequence_test="Rahasia bank",
            other_law="UU 10/1998 tentang Perbankan, Pasal 40",
            exemption_period="Selama nasabah tidak memberi persetujuan",
        )
    text = pdf_text(letters.render_notice(InformationRequest.objects.get(pk=request.pk)))
    assert "yaitu UU 10/1998 tentang Perbankan, Pasal 40" in text
    assert "Jangka waktu pengecualian: Selama nasabah tidak memberi persetujuan" in text
    assert "Uji konsekuensi (UU 14/2008 Pasal 19; Perki 1/2021 Pasal 49)" in text
    assert "f. Bentuk dan cara penyampaian : -" in text


def test_item_f_is_a_dash_when_the_information_is_not_held(world, file_request):
    request = respond(world, file_request, decision="not_held", holding_body="Dinas Lain")
    assert "f. Bentuk dan cara penyampaian : -" in pdf_text(letters.render_notice(request))


def test_a_provision_date_in_the_past_is_refused(world, file_request):
    with pytest.raises(ValidationError) as exc:
        respond(
            world, file_request, decision="granted", provided_information="x", provision_on=D(2026, 11, 3)
        )
    assert "provision_on" in exc.value.message_dict


@pytest.mark.parametrize("field", ["provision_on", "documented_by"])
def test_a_provision_date_far_in_the_future_is_refused_and_nothing_is_answered(world, file_request, field):
    decision = "granted" if field == "provision_on" else "not_documented"
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 4, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        with pytest.raises(ValidationError) as exc:
            s.information_request_respond(
                request_id=request.pk,
                actor=world.officer,
                decision=decision,
                provided_information="Salinan DPA",
                **{field: D(9999, 12, 31)},
            )
    assert field in exc.value.message_dict
    assert not InformationRequest.objects.get(pk=request.pk).responded_at
