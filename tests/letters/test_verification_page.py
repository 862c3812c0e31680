"""Issue 17 point 5: /verifikasi/<code>/, the page anyone who holds a letter opens from its QR code. It says
what letter it is without any personal data of the requester, compares an uploaded PDF byte for byte, and says
"not found" to unknown or forged codes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from letters.kinds import LetterKind
from letters.models import new_code
from letters.services import letter_of, letter_pdf

from .test_signing import tampered

pytestmark = pytest.mark.django_db

REQUESTER_NAME = "Kartika Sariwangi"
REQUESTER_ADDRESS = "Jl. Melati Putih No. 77"
FULL_NIK = "3273015505900001"


@pytest.fixture
def issued(world, file_request):
    profile = world.citizen.citizen_profile
    profile.name = REQUESTER_NAME
    profile.address = REQUESTER_ADDRESS
    profile.save()
    letter = letter_of(file_request(), LetterKind.RECEIPT)
    pdf = letter_pdf(letter)
    letter.refresh_from_db()
    return letter, pdf


def upload(client, letter, content: bytes, name="surat.pdf", **extra):
    return client.post(
        f"/verifikasi/{letter.code}/", {"pdf": SimpleUploadedFile(name, content, "application/pdf")}, **extra
    )


def test_the_page_says_what_letter_it_is_and_nothing_of_the_requester(client, signing, world, issued):
    letter, pdf = issued
    resp = client.get(f"/verifikasi/{letter.code}/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "<h1>Verifikasi surat</h1>" in html
    assert "Tanda bukti penerimaan permohonan" in html  # the kind
    assert letter.number in html
    assert (
        letter.issued_at.astimezone(world.agency.tzinfo).strftime("%Y-%m-%d") in html
    )  # <time datetime=...>
    assert world.utama.name in html and world.agency.name in html
    assert letter.signatory["title"] in html
    assert letter.sha256 in html and len(letter.sha256) == 64
    assert "Ya, ditandatangani secara elektronik" in html and signing.signer_name in html
    # No personal data of the requester: name, NIK (whole or in part), address, e-mail.
    assert REQUESTER_NAME not in html and REQUESTER_ADDRESS not in html
    assert FULL_NIK not in html and FULL_NIK[:6] not in html and FULL_NIK[-4:] not in html
    assert world.citizen.email not in html
    # The upload box is labelled and takes PDFs.
    assert '<label for="id_pdf">Berkas PDF surat yang Anda pegang' in html
    assert 'accept="application/pdf,.pdf"' in html


def test_an_unsigned_letter_says_so_on_the_page(client, settings, world, issued):
    letter, _pdf = issued
    html = client.get(f"/verifikasi/{letter.code}/").content.decode()
    assert "Tidak: surat ini diterbitkan tanpa tanda tangan elektronik" in html
    assert "Ya, ditandatangani" not in html


def test_the_original_matches_and_a_changed_byte_does_not(client, signing, issued):
    letter, pdf = issued
    original = upload(client, letter, pdf)
    assert original.status_code == 200
    assert "<strong>Cocok.</strong>" in original.content.decode()
    assert "Tidak cocok" not in original.content.decode()

    assert signing.validate(pdf).bottom_line and not signing.validate(tampered(pdf)).intact
    changed = upload(client, letter, tampered(pdf))
    assert changed.status_code == 200
    assert "<strong>Tidak cocok.</strong>" in changed.content.decode()
    assert "<strong>Cocok.</strong>" not in changed.content.decode()


def test_another_letters_pdf_does_not_match(client, world, file_request, issued):
    letter, _pdf = issued
    other = letter_of(file_request(), LetterKind.RECEIPT)
    resp = upload(client, letter, letter_pdf(other))
    assert "<strong>Tidak cocok.</strong>" in resp.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not a letter", "Berkas ini bukan PDF"),
        (b"", "Berkas kosong"),
        (b"<html>%PDF-1.7</html>", "Berkas ini bukan PDF"),
    ],
)
def test_only_pdfs_are_compared(client, issued, content, message):
    letter, _pdf = issued
    resp = upload(client, letter, content, name="surat.pdf")
    assert resp.status_code == 400
    html = resp.content.decode()
    assert message in html and "Cocok." not in html and "Tidak cocok." not in html


def test_a_file_larger_than_a_letter_is_refused(client, settings, issued):
    letter, pdf = issued
    settings.LETTER_VERIFY_MAX_BYTES = 1024 * 1024
    resp = upload(client, letter, pdf + b"%" + b"x" * (1024 * 1024))
    assert resp.status_code == 400
    assert "Berkas terlalu besar untuk sebuah surat (paling besar 1 MB)." in resp.content.decode()


def test_sending_no_file_asks_for_one(client, issued):
    letter, _pdf = issued
    resp = client.post(f"/verifikasi/{letter.code}/", {})
    assert resp.status_code == 400
    assert "Pilih berkas PDF surat yang akan diperiksa." in resp.content.decode()


def test_comparisons_are_rate_limited_per_address(client, settings, issued):
    letter, pdf = issued
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "letter_verify": "2/10min"}
    assert upload(client, letter, pdf).status_code == 200
    assert upload(client, letter, pdf).status_code == 200
    refused = upload(client, letter, pdf)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Terlalu banyak percobaan" in html and "Cocok." not in html
    # Another address is not held back, and reading the page is never limited.
    assert upload(client, letter, pdf, REMOTE_ADDR="203.0.113.9").status_code == 200
    assert client.get(f"/verifikasi/{letter.code}/").status_code == 200


@pytest.mark.parametrize("code", ["TIDAKADA2345", "abc", "X" * 40, "%3Cscript%3E"])
def test_unknown_and_forged_codes_are_not_found(client, issued, code):
    resp = client.get(f"/verifikasi/{code}/")
    assert resp.status_code == 404
    html = resp.content.decode()
    assert "<h1>Surat tidak ditemukan</h1>" in html
    assert "<script>" not in html


def test_a_well_formed_code_that_was_never_issued_is_not_found(client, issued):
    letter, pdf = issued
    code = new_code()
    assert code != letter.code
    assert client.get(f"/verifikasi/{code}/").status_code == 404
    # Uploading to it compares nothing.
    resp = client.post(f"/verifikasi/{code}/", {"pdf": SimpleUploadedFile("s.pdf", pdf, "application/pdf")})
    assert resp.status_code == 404 and "Cocok." not in resp.content.decode()


def test_the_code_is_read_as_typed_from_paper(client, issued):
    letter, _pdf = issued
    assert client.get(f"/verifikasi/{letter.code.lower()}/").status_code == 200


def test_the_page_in_english(client, signing, issued):
    letter, pdf = issued
    client.cookies["django_language"] = "en"
    html = client.get(f"/verifikasi/{letter.code}/").content.decode()
    assert "<h1>Letter verification</h1>" in html
    assert "Yes, signed electronically" in html
    assert "Check a PDF file" in html
    assert "<strong>Match.</strong>" in upload(client, letter, pdf).content.decode()
    assert "<h1>Letter not found</h1>" in client.get("/verifikasi/TIDAKADA2345/").content.decode()


def test_a_demo_certificate_is_called_what_it_is(client, signing, settings, issued):
    letter, _pdf = issued
    assert "sertifikat demo" not in client.get(f"/verifikasi/{letter.code}/").content.decode()
    settings.LETTER_SIGNING_DEMO = True
    html = client.get(f"/verifikasi/{letter.code}/").content.decode()
    assert "sertifikat demo" in html and "bukan sertifikat elektronik tersertifikasi" in html
