"""The signer interface (issue 17 point 4). A signer takes the rendered PDF of an issued letter and returns it
signed, or unsigned with `signed=False` when the deployment has no certificate for the issuing unit. Letters
never know which signer is in use: `get_signer()` reads `settings.LETTER_SIGNER` (a dotted path), so a certified
provider (BSrE's TTE service) can be plugged in later without touching the letters."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SignResult:
    pdf: bytes
    signed: bool
    signer_name: str = ""


class Signer(Protocol):
    def will_sign(self, letter) -> bool:
        """Whether `sign` will sign this letter (the letter says so on its face before it is signed)."""

    def sign(self, pdf: bytes, *, letter) -> SignResult: ...


class UnsignedSigner:
    """Issues letters unsigned (they say so on their face)."""

    def sign(self, pdf: bytes, *, letter) -> SignResult:
        return SignResult(pdf, signed=False)

    def will_sign(self, letter) -> bool:
        return False


@lru_cache(maxsize=1)
def _signer_class(path: str):
    return import_string(path)


def get_signer() -> Signer:
    path = getattr(settings, "LETTER_SIGNER", "letters.signing.UnsignedSigner")
    return _signer_class(path)()
