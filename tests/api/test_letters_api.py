"""The API's letters (issue 17, API contract): request, objection and complaint outputs carry `letters`, each
with its number, date, signature, SHA-256, verification URL and a PDF download for whoever sees the case, the
original or a SALINAN copy by the contact rule; read in one query however many letters a case has."""

import hashlib
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from complaints.services import complaint_file
from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from ppid import services as s
from tests.helpers import at
from tests.letter_cases import (
    decided_objection,
    dress_agency,
    extended_request,
    granted_request,
    typical_request,
)

KEYS = {"kind", "number", "issued_at", "signed", "sha256", "verification_url", "pdf_url"}


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


@pytest.fixture
def dressed(world):
    dress_agency(world)
    return world


def test_request_detail_lists_its_letters(dressed, file_request, api):
    request = granted_request(dressed, file_request)
    notice = letter_of(request, LetterKind.NOTICE)

    body = api(dressed.citizen).get(f"/api/v1/requests/{request.pk}/").json()

    assert [item["kind"] for item in body["letters"]] == ["receipt", "notice"]
    item = body["letters"][1]
    assert set(item) == KEYS
    assert item["number"] == notice.number == f"000.5.2/{notice.sequence}/DINKES/2026"
    assert item["issued_at"].startswith("2026-03-25T")
    assert item["signed"] is False
    assert item["verification_url"] == f"http://127.0.0.1:8000/verifikasi/{notice.code}/"
    assert item["pdf_url"] == f"/api/v1/letters/{notice.pk}/pdf/"


def test_pdf_is_the_original_for_the_requester_and_a_copy_for_an_auditor(dressed, file_request, api):
    request = granted_request(dressed, file_request)
    citizen = api(dressed.citizen)
    url = citizen.get(f"/api/v1/requests/{request.pk}/").json()["letters"][1]["pdf_url"]

    original = citizen.get(url)
    assert original.status_code == 200
    assert original["Content-Type"] == "application/pdf"
    assert original.content == letter_pdf(letter_of(request, LetterKind.NOTICE))
    # Once rendered, the output names the SHA-256 of exactly those bytes.
    listed = citizen.get(f"/api/v1/requests/{request.pk}/").json()["letters"][1]
    assert listed["sha256"] == hashlib.sha256(original.content).hexdigest()

    copy = api(dressed.auditor).get(url)
    assert copy.status_code == 200
    assert copy.content != original.content
    text = pdf_text(copy.content)
    assert "SALINAN" in text
    assert "pemohon@example" not in text and "pemohon@example" in pdf_text(original.content)


@pytest.mark.parametrize("who", ["other_citizen", "outsider"])
def test_pdf_is_404_outside_the_case(dressed, file_request, api, who):
    request = granted_request(dressed, file_request)
    letter = letter_of(request, LetterKind.NOTICE)

    assert api(getattr(dressed, who)).get(f"/api/v1/letters/{letter.pk}/pdf/").status_code == 404
    assert api(getattr(dressed, who)).get("/api/v1/letters/999999/pdf/").status_code == 404
    assert api().get(f"/api/v1/letters/{letter.pk}/pdf/").status_code in (401, 403)


def test_objection_detail_lists_its_letters_and_a_complaint_none(dressed, file_request, api):
    objection = decided_objection(dressed, file_request)
    complaint, _code = complaint_file(
        reporter=dressed.citizen,
        agency=dressed.agency,
        title="Antrean loket",
        description="Loket tutup sebelum jam pelayanan berakhir.",
        category="administration",
    )
    client = api(dressed.atasan)

    body = client.get(f"/api/v1/objections/{objection.pk}/").json()
    assert [item["kind"] for item in body["letters"]] == ["objection_receipt", "objection_decision"]
    assert body["letters"][1]["number"] == letter_of(objection, LetterKind.OBJECTION_DECISION).number
    pdf = client.get(body["letters"][1]["pdf_url"])
    assert pdf.status_code == 200 and "TANGGAPAN ATASAN PPID ATAS KEBERATAN" in pdf_text(pdf.content)
    assert api(dressed.citizen).get(f"/api/v1/complaints/{complaint.pk}/").json()["letters"] == []


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_detail_reads_letters_in_one_query_however_many(dressed, file_request, api):
    one = typical_request(dressed, file_request)  # the receipt only
    three = extended_request(dressed, file_request)  # receipt and extension
    with at(2026, 3, 30, 10):
        s.information_request_respond(
            request_id=three.pk,
            actor=dressed.pelaksana_officer,
            decision="granted",
            provided_information="DPA 2025",
            fee_amount=0,
        )
    client = api(dressed.auditor)
    _queries(client, f"/api/v1/requests/{one.pk}/")  # warm the per-process caches
    assert len(client.get(f"/api/v1/requests/{three.pk}/").json()["letters"]) == 3

    assert _queries(client, f"/api/v1/requests/{three.pk}/") == _queries(
        client, f"/api/v1/requests/{one.pk}/"
    )


def test_list_reads_letters_in_one_query_for_the_page(dressed, file_request, api):
    for _ in range(4):
        granted_request(dressed, file_request)
    client = api(dressed.auditor)
    _queries(client, "/api/v1/requests/?page_size=1")

    small = _queries(client, "/api/v1/requests/?page_size=1")
    large = _queries(client, "/api/v1/requests/?page_size=4")

    assert large == small
    results = client.get("/api/v1/requests/?page_size=4").json()["results"]
    assert all([i["kind"] for i in r["letters"]] == ["receipt", "notice"] for r in results)
