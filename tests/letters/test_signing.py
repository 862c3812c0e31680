"""Issue 17 point 4: letters issued by the services are signed (PAdES, pyHanko) with the unit's PKCS#12
certificate from the deployment, validate with pyHanko against the test root, and break when a byte changes.
Without a certificate they are issued unsigned and say so."""

import io
import os
import re

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pypdf import PdfReader

from letters import signing as signing_module
from letters.certs import make_test_authority
from letters.kinds import LetterKind
from letters.services import letter_of, letter_pdf

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def receipt(request):
    letter = letter_of(request, LetterKind.RECEIPT)
    assert letter is not None
    pdf = letter_pdf(letter)
    letter.refresh_from_db()
    return letter, pdf


def tampered(pdf: bytes) -> bytes:
    """One byte changed inside the signed range: the PDF header's version digit."""
    assert pdf.startswith(b"%PDF-1.")
    data = bytearray(pdf)
    data[7] = ord("4") if data[7] != ord("4") else ord("5")
    return bytes(data)


def test_a_receipt_issued_by_the_services_is_signed_and_validates(signing, world, file_request):
    world.agency.city = "Bandung"
    world.agency.save()
    letter, pdf = receipt(file_request())

    assert letter.signed is True
    assert letter.signer_name == signing.signer_name
    status = signing.validate(pdf)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.bottom_line
    # PAdES, with the reason and the place the letter names.
    [embedded] = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert embedded.sig_object["/Reason"] == f"Naskah dinas Tanda bukti penerimaan permohonan {letter.number}"
    assert embedded.sig_object["/Location"] == "Bandung"
    # The face says it is signed, not that it is unsigned.
    text = pdf_text(pdf)
    assert "Ditandatangani secara elektronik" in text
    assert "tanpa tanda tangan elektronik" not in text


def test_a_byte_changed_after_signing_fails_validation(signing, world, file_request):
    _letter, pdf = receipt(file_request())
    assert signing.validate(pdf).bottom_line

    status = signing.validate(tampered(pdf))
    assert not status.intact and not status.bottom_line


def test_a_certificate_trusted_by_nobody_does_not_validate(signing, world, file_request):
    """The validator really checks trust: the same signature with another root trusted is not trusted."""
    _letter, pdf = receipt(file_request())
    other = make_test_authority(common_name="Lain", passphrase=None)
    stranger = type(signing)(directory=signing.directory, root_pem=other.root_pem)
    status = stranger.validate(pdf)
    assert status.intact and not status.trusted and not status.bottom_line


def test_without_a_certificate_the_letter_is_issued_unsigned_and_says_so(settings, world, file_request):
    settings.LETTER_SIGNING_PKCS12_DIR = ""
    letter, pdf = receipt(file_request())

    assert letter.signed is False and letter.signer_name == ""
    assert PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures == []
    text = pdf_text(pdf)
    assert "tanpa tanda tangan elektronik" in text
    assert "Ditandatangani secara elektronik" not in text


def test_a_directory_without_a_file_for_the_unit_issues_unsigned(settings, tmp_path, world, file_request):
    settings.LETTER_SIGNING_PKCS12_DIR = str(tmp_path)
    (tmp_path / "dinas-lain__PPID.p12").write_bytes(b"another agency's certificate")
    letter, pdf = receipt(file_request())
    assert letter.signed is False
    assert "tanpa tanda tangan elektronik" in pdf_text(pdf)


def test_the_units_own_certificate_comes_before_the_default(signing, settings, tmp_path, world, file_request):
    unit_authority = make_test_authority(common_name="PPID Pelaksana Dinkes (uji)", passphrase=b"dinkes")
    for name in ("default.p12",):
        (tmp_path / name).write_bytes((signing.directory / name).read_bytes())
    (tmp_path / "diskominfo__DINKES.p12").write_bytes(unit_authority.pkcs12)
    settings.LETTER_SIGNING_PKCS12_DIR = str(tmp_path)
    # The deployment has one passphrase: here the unit's file is under it and the default file is not...
    settings.LETTER_SIGNING_PASSPHRASE = "dinkes"
    pelaksana_letter, pdf = receipt(file_request(unit=world.pelaksana))
    assert pelaksana_letter.unit == world.pelaksana
    assert pelaksana_letter.signed and pelaksana_letter.signer_name == "PPID Pelaksana Dinkes (uji)"
    unit_ca = type(signing)(directory=tmp_path, root_pem=unit_authority.root_pem)
    assert unit_ca.validate(pdf).bottom_line
    # ... and the Utama's default file, under another passphrase, cannot be opened: unsigned, not refused.
    utama_letter, utama_pdf = receipt(file_request())
    assert utama_letter.unit == world.utama and utama_letter.signed is False
    assert "tanpa tanda tangan elektronik" in pdf_text(utama_pdf)


def test_a_wrong_passphrase_issues_unsigned_and_logs_an_error(signing, settings, caplog, world, file_request):
    settings.LETTER_SIGNING_PASSPHRASE = "salah"
    with caplog.at_level("ERROR", logger="letters.signing"):
        letter, pdf = receipt(file_request())
    assert letter.signed is False
    assert "tanpa tanda tangan elektronik" in pdf_text(pdf)
    assert any("cannot be opened" in r.getMessage() for r in caplog.records)
    assert "salah" not in caplog.text


def test_the_passphrase_may_come_from_a_secret_file(signing, settings, tmp_path, world, file_request):
    secret = tmp_path / "passphrase"
    secret.write_text(signing.passphrase + "\n", encoding="utf-8")
    settings.LETTER_SIGNING_PASSPHRASE = "not-this-one"
    settings.LETTER_SIGNING_PASSPHRASE_FILE = str(secret)
    letter, pdf = receipt(file_request())
    assert letter.signed and signing.validate(pdf).bottom_line


def test_keys_are_read_once_per_file_and_again_when_the_file_changes(
    signing, settings, tmp_path, monkeypatch, world, file_request
):
    from pyhanko.sign import signers

    path = tmp_path / "default.p12"
    path.write_bytes((signing.directory / "default.p12").read_bytes())
    settings.LETTER_SIGNING_PKCS12_DIR = str(tmp_path)
    loads = []
    original = signers.SimpleSigner.load_pkcs12_data.__func__

    def counting(cls, *args, **kwargs):
        loads.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(signers.SimpleSigner, "load_pkcs12_data", classmethod(counting))
    first, _ = receipt(file_request())
    second, _ = receipt(file_request())
    assert first.signed and second.signed and len(loads) == 1

    # The deployment rotates the certificate: the next letter is signed with the new one.
    rotated = make_test_authority(
        common_name="PPID Diskominfo (sertifikat baru)", passphrase=b"kata-sandi-uji"
    )
    path.write_bytes(rotated.pkcs12)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    third, _ = receipt(file_request())
    assert third.signed and third.signer_name == "PPID Diskominfo (sertifikat baru)" and len(loads) == 2


def test_the_signer_is_a_setting_a_certified_provider_can_replace(settings, world, file_request):
    settings.LETTER_SIGNER = "tests.letters.test_signing.FakeProvider"
    signing_module._signer_class.cache_clear()
    try:
        letter, pdf = receipt(file_request())
    finally:
        signing_module._signer_class.cache_clear()
    assert letter.signed and letter.signer_name == "Penyedia TTE tiruan"
    assert pdf.endswith(b"%signed-by-fake\n")
    assert "Ditandatangani secara elektronik" in pdf_text(pdf)


class FakeProvider:
    def will_sign(self, letter) -> bool:
        return True

    def sign(self, pdf: bytes, *, letter):
        return signing_module.SignResult(
            pdf + b"%signed-by-fake\n", signed=True, signer_name="Penyedia TTE tiruan"
        )


class FailingProvider(FakeProvider):
    """A remote TTE service that times out."""

    def sign(self, pdf: bytes, *, letter):
        raise TimeoutError("TTE tidak menjawab")


def test_a_signer_that_fails_leaves_the_letter_issued_unsigned_and_saying_so(
    settings, world, file_request, caplog
):
    settings.LETTER_SIGNER = "tests.letters.test_signing.FailingProvider"
    signing_module._signer_class.cache_clear()
    try:
        letter, pdf = receipt(file_request())
    finally:
        signing_module._signer_class.cache_clear()
    text = pdf_text(pdf)
    assert not letter.signed and letter.sha256
    assert "Ditandatangani secara elektronik" not in text
    assert "tanpa tanda tangan elektronik" in text
    assert "signing letter" in caplog.text


def test_a_letter_issued_on_an_earlier_date_validates_at_its_signing_time(signing, world, file_request):
    import datetime as dt
    from zoneinfo import ZoneInfo

    import time_machine

    with time_machine.travel(dt.datetime(2026, 3, 13, 10, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False):
        letter, pdf = receipt(file_request())
    status = signing.validate(pdf)
    assert letter.signed and status.bottom_line
    assert status.signer_reported_dt.date() == dt.date(2026, 3, 13)
