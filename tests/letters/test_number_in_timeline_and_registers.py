"""The letter number where staff and requesters look for it (issue 17 point 2): the case timeline says which
letter was issued with its number, and the register books carry the notice's and the decision's numbers."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from letters.kinds import LetterKind
from letters.services import letter_of
from ppid.timeline import case_timeline
from tests.letter_cases import decided_objection, dress_agency, granted_request


@pytest.fixture
def dressed(world):
    dress_agency(world)
    return world


def test_the_timeline_names_each_issued_letter_with_its_number(client, dressed, file_request):
    request = granted_request(dressed, file_request)
    notice = letter_of(request, LetterKind.NOTICE)
    receipt = letter_of(request, LetterKind.RECEIPT)

    details = [i.detail for i in case_timeline(request, dressed.citizen) if i.action == "letter.issued"]
    assert details == [
        f"Tanda bukti penerimaan permohonan, nomor {receipt.number}",
        f"Pemberitahuan tertulis, nomor {notice.number}",
    ]
    client.force_login(dressed.citizen)
    page = client.get(reverse("frontend:request_detail", args=[request.pk])).content.decode()
    assert f"Pemberitahuan tertulis, nomor {notice.number}" in page


def test_the_registers_carry_the_notice_and_decision_numbers(dressed, file_request):
    objection = decided_objection(dressed, file_request)
    request = objection.request
    api = APIClient()
    api.force_authenticate(dressed.atasan)
    period = {"agency": dressed.agency.slug, "from": "2026-03-01", "to": "2026-04-30"}

    requests = api.get("/api/v1/registers/requests/", period).json()
    (row,) = [r for r in requests["rows"] if r["registration_number"] == request.registration_number]
    assert row["notice_letter_number"] == letter_of(request, LetterKind.NOTICE).number

    objections = api.get("/api/v1/registers/objections/", period).json()
    (row,) = objections["rows"]
    assert row["decision_letter_number"] == letter_of(objection, LetterKind.OBJECTION_DECISION).number

    sheet = load_workbook(
        io.BytesIO(api.get("/api/v1/registers/objections/", {**period, "format": "xlsx"}).content)
    ).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    header = rows[3]
    assert "Nomor surat tanggapan" in header
    assert rows[4][header.index("Nomor surat tanggapan")] == row["decision_letter_number"]


def test_a_request_without_a_notice_has_an_empty_number(dressed, file_request):
    from tests.letter_cases import typical_request

    request = typical_request(dressed, file_request)
    api = APIClient()
    api.force_authenticate(dressed.officer)
    period = {"agency": dressed.agency.slug, "from": "2026-03-01", "to": "2026-03-31"}

    (row,) = api.get("/api/v1/registers/requests/", period).json()["rows"]
    assert row["registration_number"] == request.registration_number
    assert row["notice_letter_number"] == ""
