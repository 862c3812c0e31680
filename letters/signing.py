"""The signer interface (issue 17 point 4). A signer takes the rendered PDF of an issued letter and returns it
signed, or unsigned with `signed=False` when the deployment has no certificate for the issuing unit. Letters
never know which signer is in use: `get_signer()` reads `settings.LETTER_SIGNER` (a dotted path to a class
made with no arguments).

The default, `Pkcs12Signer`, signs with pyHanko (PAdES B-B: an invisible signature field, `subfilter`
ETSI.CAdES.detached, SHA-256) using the certificate and key the deployment provides as PKCS#12 files, one per
unit, in `LETTER_SIGNING_PKCS12_DIR`:

    <agency-slug>__<unit-code>.p12    the unit's own certificate (e.g. pemkot-bandung__DISKES.p12)
    default.p12                       used by every unit that has no file of its own

The passphrase comes from the environment (`LETTER_SIGNING_PASSPHRASE`) or a secret file
(`LETTER_SIGNING_PASSPHRASE_FILE`), never from the database. With no directory, or no file for a unit, that
unit's letters are issued unsigned and say so on their face. A file that cannot be opened (wrong passphrase,
damaged) is logged as an error and the letter is issued unsigned too: a broken certificate never stops a
letter. Loaded keys are cached per file and reloaded when the file (its mtime or size) or the passphrase changes.

A certified provider (BSrE's TTE service, which signs remotely with the official's certificate after an
authorisation by NIK and passphrase) plugs in the same way: write a class with `will_sign(letter)` (whether
the official of `letter.signatory` has a certificate there) and `sign(pdf, *, letter) -> SignResult` (send the
PDF, return the signed bytes and the certificate holder's name), and point `LETTER_SIGNER` at it. pyHanko's
`ExternalSigner`/`PdfTBSDocument` split (prepare the digest here, get the CMS signature from the provider,
embed it) fits providers that sign a hash rather than the whole PDF. Nothing in the letters changes."""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

FIELD_NAME = "TandaTanganElektronik"
DEFAULT_FILE = "default.p12"


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


# --- PKCS#12 files of the deployment ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[int, int, str]  # (mtime_ns, size) of the file when it was read, and the passphrase's digest
    signer: object  # pyhanko.sign.signers.SimpleSigner, or None when the file could not be opened
    name: str


_cache: dict[str, _Loaded] = {}
_cache_lock = threading.Lock()


def passphrase() -> bytes | None:
    """The PKCS#12 passphrase: the secret file's first line if one is configured, else the setting."""
    path = getattr(settings, "LETTER_SIGNING_PASSPHRASE_FILE", "")
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            log.error("LETTER_SIGNING_PASSPHRASE_FILE %s cannot be read: %s", path, type(exc).__name__)
            return None
        return text[0].encode() if text and text[0] else None
    value = getattr(settings, "LETTER_SIGNING_PASSPHRASE", "")
    return value.encode() if value else None


def pkcs12_path(letter) -> Path | None:
    """The PKCS#12 file that signs the letters of `letter`'s unit, or None when the deployment has none."""
    directory = getattr(settings, "LETTER_SIGNING_PKCS12_DIR", "")
    if not directory:
        return None
    base = Path(directory)
    unit = letter.unit
    # Slugs and unit codes are letters, digits and hyphens, so the name never leaves the directory.
    for name in (f"{unit.agency.slug}__{unit.code}.p12", DEFAULT_FILE):
        candidate = base / name
        if candidate.is_file():
            return candidate
    return None


def _common_name(cert) -> str:
    try:
        return str(cert.subject.native.get("common_name", "")) or cert.subject.human_friendly
    except Exception:  # noqa: BLE001 - a name is only informative
        return ""


def load_signer(path: Path):
    """The pyHanko signer of a PKCS#12 file (cached until the file changes), or None when it cannot be opened."""
    from pyhanko.sign import signers

    try:
        st = path.stat()
    except OSError:
        return None, ""
    secret = passphrase()
    stamp = (st.st_mtime_ns, st.st_size, hashlib.sha256(secret or b"").hexdigest())
    key = str(path)
    with _cache_lock:
        loaded = _cache.get(key)
        if loaded is not None and loaded.stamp == stamp:
            return loaded.signer, loaded.name
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(path.read_bytes(), [], passphrase=secret)
            name = _common_name(signer.signing_cert)
        except (OSError, ValueError) as exc:
            log.error("Signing certificate %s cannot be opened (%s): letters are issued unsigned", path, exc)
            signer, name = None, ""
        _cache[key] = _Loaded(stamp, signer, name)
        return signer, name


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def signature_reason(letter) -> str:
    with translation.override("id"):  # letters are always in Indonesian
        return f"Naskah dinas {letter.get_kind_display()} {letter.number}"


class Pkcs12Signer:
    """PAdES signatures with the unit's PKCS#12 certificate (see the module's docstring)."""

    def _signer(self, letter):
        path = pkcs12_path(letter)
        if path is None:
            return None, ""
        return load_signer(path)

    def will_sign(self, letter) -> bool:
        return self._signer(letter)[0] is not None

    def sign(self, pdf: bytes, *, letter) -> SignResult:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        signer, name = self._signer(letter)
        if signer is None:
            return SignResult(pdf, signed=False)
        city = str((letter.letterhead or {}).get("city") or letter.unit.city or letter.agency.city or "")
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=signature_reason(letter),
            location=city or None,
            name=name or None,
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = signers.PdfSigner(meta, signer=signer).sign_pdf(writer)
        return SignResult(out.getvalue(), signed=True, signer_name=name)


@lru_cache(maxsize=1)
def _signer_class(path: str):
    return import_string(path)


def get_signer() -> Signer:
    path = getattr(settings, "LETTER_SIGNER", "letters.signing.Pkcs12Signer")
    return _signer_class(path)()
