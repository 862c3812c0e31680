"""Verification by anyone who holds a letter (issue 17 point 5), shared by the public page (/verifikasi/<code>/)
and the API (/api/v1/letters/verify/<code>/): what the code's letter is, without any personal data of the
requester (no recipient, no name, NIK or address: only the issuing unit and the official who signs), and
whether a PDF someone holds is byte-identical to the one issued."""

from __future__ import annotations

import hashlib
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

from .models import IssuedLetter
from .services import letter_render

PDF_MAGIC = b"%PDF-"
CHUNK = 64 * 1024


class UploadRefused(ValueError):
    """An upload that is not a PDF of a size a letter can have: the message says which, in Indonesian."""


def max_bytes() -> int:
    return int(getattr(settings, "LETTER_VERIFY_MAX_BYTES", 10 * 1024 * 1024))


def too_large_message() -> str:
    return _("Berkas terlalu besar untuk sebuah surat (paling besar %(mb)d MB).") % {
        "mb": max(1, max_bytes() // (1024 * 1024))
    }


def not_pdf_message() -> str:
    return _("Berkas ini bukan PDF. Unggah berkas PDF surat seperti yang Anda terima.")


def empty_message() -> str:
    return _("Berkas kosong. Unggah berkas PDF surat seperti yang Anda terima.")


def sha256_of_upload(stream: IO[bytes], size: int | None = None) -> str:
    """The SHA-256 of an uploaded PDF, read in chunks; refused (UploadRefused) when it is empty, larger than a
    letter can be, or does not begin as a PDF does."""
    limit = max_bytes()
    if size is not None and size > limit:
        raise UploadRefused(too_large_message())
    head = stream.read(len(PDF_MAGIC))
    if not head:
        raise UploadRefused(empty_message())
    if head != PDF_MAGIC:
        raise UploadRefused(not_pdf_message())
    digest = hashlib.sha256(head)
    read = len(head)
    while chunk := stream.read(CHUNK):
        read += len(chunk)
        if read > limit:
            raise UploadRefused(too_large_message())
        digest.update(chunk)
    return digest.hexdigest()


def rendered(letter: IssuedLetter) -> IssuedLetter:
    """The letter with its PDF made (the worker may not have got to it yet)."""
    return letter if letter.sha256 else letter_render(letter.pk)


def matches(letter: IssuedLetter, stream: IO[bytes], size: int | None = None) -> bool:
    """Whether the upload is byte-identical to the issued PDF (UploadRefused when it is no PDF at all)."""
    return sha256_of_upload(stream, size) == rendered(letter).sha256


def unit_name(letter: IssuedLetter) -> str:
    """The issuing unit as the letter names it (the kop's snapshot), else as it is named now."""
    return str((letter.letterhead or {}).get("unit_name") or letter.unit.name)


def signatory_title(letter: IssuedLetter) -> str:
    signatory = letter.signatory or {}
    title = str(signatory.get("title") or "")
    return f"Plt. {title}" if signatory.get("acting") and title else title


def public_summary(letter: IssuedLetter) -> dict[str, Any]:
    """What anyone may know of the letter (the API's answer)."""
    letter = rendered(letter)
    return {
        "kind": letter.kind,
        "number": letter.number,
        "issued_at": letter.issued_at,
        "unit": {"name": unit_name(letter), "agency": letter.agency.name},
        "signatory": {
            "title": signatory_title(letter),
            "name": str((letter.signatory or {}).get("name") or ""),
        },
        "sha256": letter.sha256,
        "signed": letter.signed,
    }
