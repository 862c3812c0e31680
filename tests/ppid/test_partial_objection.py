"""Issue 14 point 5: an objection may be granted in part, stating what is granted and what is upheld."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader
from rest_framework.test import APIClient

from ppid import letters
from ppid import services as s
from ppid.errors import ValidationError
from ppid.models import Objection

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def objection(world, file_request):
    with at(2026, 11, 2, 10):
        request = file_request()
    with at(2026, 11, 11, 10):
        s.information_request_process(request_id=request.pk, actor=world.officer)
        s.information_request_respond(
            request_id=request.pk,
            actor=world.officer,
            decision="rejected",
            exemption_grounds=["h"],
            consequence_test="Data pribadi pihak ketiga",
        )
    with at(2026, 11, 16, 10):
        return s.objection_file(
            requester=world.citizen, request_id=request.pk, grounds=["a"], reason="Saya keberatan"
        )


PARTIAL = {
    "outcome": "partially_granted",
    "order": "Berikan rekapitulasi anggaran per program",
    "upheld_part": "Daftar nama penerima bantuan tetap dikecualikan",
    "reasons": "Rekapitulasi bukan data pribadi; nama penerima adalah data pribadi (Pasal 17 huruf h)",
    "comply_by": D(2026, 12, 4),
}


def test_partial_acceptance_needs_both_parts_and_a_date(world, objection):
    with at(2026, 11, 27, 10):
        with pytest.raises(ValidationError) as exc:
            s.objection_decide(objection_id=objection.pk, actor=world.atasan, outcome="partially_granted")
    assert {"order", "upheld_part", "reasons", "comply_by"} <= set(exc.value.message_dict)


def test_partial_acceptance_is_recorded_and_stated_on_the_letter(world, objection):
    with at(2026, 11, 27, 10):
        s.objection_decide(objection_id=objection.pk, actor=world.atasan, **PARTIAL)
    decided = Objection.objects.get(pk=objection.pk)
    assert decided.outcome == "partially_granted" and decided.comply_by == D(2026, 12, 4)
    assert decided.upheld_part == PARTIAL["upheld_part"]
    text = pdf_text(letters.render_objection_decision(decided))
    assert "Keberatan diterima sebagian" in text
    assert "Berikan rekapitulasi anggaran per program" in text
    assert "Daftar nama penerima bantuan tetap dikecualikan" in text
    assert "Jumat, 4 Desember 2026" in text


def test_the_api_decides_in_part(world, objection):
    api = APIClient()
    api.force_authenticate(world.atasan)
    with at(2026, 11, 27, 10):
        resp = api.post(
            f"/api/v1/objections/{objection.pk}/transitions/decide/",
            {**PARTIAL, "comply_by": "2026-12-04"},
            format="json",
        )
    assert resp.status_code == 200, resp.content
    body = resp.json()
    assert body["outcome"] == "partially_granted" and body["upheld_part"] == PARTIAL["upheld_part"]
    assert "partially_granted" in api.get("/api/v1/schema/").content.decode()
