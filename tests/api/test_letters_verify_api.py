"""Issue 17's API contract: `GET /api/v1/letters/verify/<code>/` (public) says what letter the code belongs to;
`POST` a PDF (raw body or multipart `file`) answers whether it is byte-identical. Unknown codes 404 (JSON);
a body that is no PDF 400; the comparisons are throttled."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf
from tests.letters.test_signing import tampered

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def issued(world, file_request):
    letter = letter_of(file_request(), LetterKind.RECEIPT)
    pdf = letter_pdf(letter)
    letter.refresh_from_db()
    return letter, pdf


def url(letter_or_code) -> str:
    return f"/api/v1/letters/verify/{getattr(letter_or_code, 'code', letter_or_code)}/"


def test_anyone_reads_what_letter_a_code_belongs_to(signing, world, issued):
    letter, _pdf = issued
    resp = APIClient().get(url(letter))
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"kind", "number", "issued_at", "unit", "signatory", "sha256", "signed"}
    assert body["kind"] == "receipt" and body["number"] == letter.number
    assert body["unit"] == {"name": world.utama.name, "agency": world.agency.name}
    assert body["signatory"]["title"] == letter.signatory["title"]
    assert body["sha256"] == letter.sha256 and body["signed"] is True
    assert body["issued_at"].startswith(letter.issued_at.astimezone(world.agency.tzinfo).strftime("%Y-%m-%d"))
    # Nothing of the requester.
    text = resp.content.decode()
    profile = world.citizen.citizen_profile
    assert profile.name not in text and profile.address not in text and world.citizen.email not in text


def test_an_unsigned_letter_answers_signed_false(issued):
    letter, _pdf = issued
    assert APIClient().get(url(letter)).json()["signed"] is False


def test_a_bad_token_does_not_matter_on_a_public_endpoint(issued):
    letter, _pdf = issued
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert client.get(url(letter)).status_code == 200


@pytest.mark.parametrize("code", ["TIDAKADA2345", "x", "Z" * 40])
def test_unknown_codes_are_a_json_404(issued, code):
    for resp in (
        APIClient().get(url(code)),
        APIClient().post(url(code), data=issued[1], content_type="application/pdf"),
    ):
        assert resp.status_code == 404
        assert resp.json() == {"code": "not_found", "detail": "Surat tidak ditemukan."}


def test_a_raw_pdf_body_is_compared_byte_for_byte(signing, issued):
    letter, pdf = issued
    client = APIClient()
    assert client.post(url(letter), data=pdf, content_type="application/pdf").json() == {"match": True}
    changed = client.post(url(letter), data=tampered(pdf), content_type="application/pdf")
    assert changed.status_code == 200 and changed.json() == {"match": False}


def test_a_multipart_file_is_compared_too(issued):
    letter, pdf = issued
    client = APIClient()
    same = client.post(url(letter), {"file": SimpleUploadedFile("s.pdf", pdf)}, format="multipart")
    assert same.status_code == 200 and same.json() == {"match": True}
    other = client.post(url(letter), {"file": SimpleUploadedFile("s.pdf", pdf + b"\n")}, format="multipart")
    assert other.json() == {"match": False}


@pytest.mark.parametrize("body", [b"GIF89a", b"", b" %PDF-1.7"])
def test_a_body_that_is_no_pdf_is_a_400(issued, body):
    letter, _pdf = issued
    resp = APIClient().post(url(letter), data=body, content_type="application/pdf")
    assert resp.status_code == 400 and resp.json()["code"] == "invalid"
    assert "match" not in resp.json()


def test_a_multipart_without_a_pdf_is_a_400_naming_the_field(issued):
    letter, _pdf = issued
    client = APIClient()
    missing = client.post(url(letter), {"other": "x"}, format="multipart")
    assert missing.status_code == 400
    assert missing.json()["errors"]["file"] == ["Kirim berkas PDF surat di bidang file."]
    not_pdf = client.post(url(letter), {"file": SimpleUploadedFile("s.pdf", b"hello")}, format="multipart")
    assert not_pdf.status_code == 400 and "bukan PDF" in not_pdf.json()["errors"]["file"][0]


def test_a_body_larger_than_a_letter_is_a_400(settings, issued):
    letter, pdf = issued
    settings.LETTER_VERIFY_MAX_BYTES = 1024 * 1024
    resp = APIClient().post(url(letter), data=pdf + b"x" * (1024 * 1024), content_type="application/pdf")
    assert resp.status_code == 400
    assert "terlalu besar" in resp.json()["detail"]


def test_another_media_type_is_a_415(issued):
    letter, _pdf = issued
    resp = APIClient().post(url(letter), {"file": "x"}, format="json")
    assert resp.status_code == 415


def test_comparisons_are_throttled_per_address(issued, monkeypatch):
    from rest_framework.throttling import ScopedRateThrottle

    letter, pdf = issued
    monkeypatch.setattr(
        ScopedRateThrottle, "THROTTLE_RATES", {**ScopedRateThrottle.THROTTLE_RATES, "letter_verify": "2/hour"}
    )
    client = APIClient()
    answers = [
        client.post(url(letter), data=pdf, content_type="application/pdf").status_code for _ in range(3)
    ]
    assert answers == [200, 200, 429]
    assert client.get(url(letter)).status_code == 200  # reading is not the comparisons' scope


def test_the_schema_documents_both_bodies_and_the_answers():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    item = schema["paths"]["/api/v1/letters/verify/{code}/"]
    assert set(item["post"]["requestBody"]["content"]) == {"application/pdf", "multipart/form-data"}
    assert "404" in item["get"]["responses"] and "400" in item["post"]["responses"]
    assert not item["get"].get("security") or {} in item["get"]["security"]


def test_the_answers_speak_the_callers_language(issued):
    letter, _pdf = issued
    client = APIClient()
    missing = client.get(url("TIDAKADA2345"), HTTP_ACCEPT_LANGUAGE="en")
    assert missing.json() == {"code": "not_found", "detail": "Letter not found."}
    not_pdf = client.post(
        url(letter), data=b"GIF89a", content_type="application/pdf", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert not_pdf.json()["errors"]["non_field_errors"] == [
        "This file is not a PDF. Upload the PDF file of the letter as you received it."
    ]
