"""The SRIKANDI hand-off (issue 17 point 8): each issued letter as a ZIP package ready for upload to SRIKANDI,
the government's archive application: the stored original PDF, byte for byte, and `metadata.json` with what the
naskah dinas is (number, classification code, date, hal, sifat, sender, recipient, kind, SHA-256, verification
URL). The package names the requester, so it is for the staff who see the case as staff (the rule the case app
registered with casenotes), never for the requester (who has the PDF) or anyone outside; each download is
recorded on the letter."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from casenotes.selectors import may_see_notes

from . import events
from .models import IssuedLetter
from .services import letter_file_name, letter_pdf

if TYPE_CHECKING:
    from accounts.types import AnyUser

METADATA_VERSION = 1


def package_metadata(letter: IssuedLetter) -> dict[str, Any]:
    """What SRIKANDI asks of an incoming naskah dinas, in the agency's time zone. Render the PDF first: the
    SHA-256 is the stored file's."""
    tz = letter.agency.tzinfo
    issued = timezone.localtime(letter.issued_at, tz)
    kop = letter.letterhead or {}
    return {
        "format": "ppid-srikandi",
        "version": METADATA_VERSION,
        "nomor": letter.number,
        "kode_klasifikasi": letter.classification,
        "tanggal": issued.date().isoformat(),
        "diterbitkan_pada": issued.isoformat(),
        "hal": letter.subject,
        "sifat": letter.nature,
        "jenis": letter.kind,
        "jenis_label": _kind_label(letter),
        "pengirim": {
            "unit": letter.unit.name,
            "kode_unit": letter.unit.code,
            "nama_pada_kop": kop.get("name", ""),
            "badan_publik": letter.agency.name,
            "pemerintah_daerah": kop.get("parent", ""),
        },
        "penerima": {"nama": letter.recipient},
        "penandatangan": {
            "nama": letter.signatory.get("name", ""),
            "jabatan": ("Plt. " if letter.signatory.get("acting") else "")
            + str(letter.signatory.get("title", "")),
            "nip": letter.signatory.get("nip", ""),
        },
        "ditandatangani_elektronik": letter.signed,
        "berkas": letter_file_name(letter),
        "sha256": letter.sha256,
        "kode_verifikasi": letter.code,
        "url_verifikasi": letter.absolute_verification_url,
    }


def _kind_label(letter: IssuedLetter) -> str:
    from django.utils import translation

    with translation.override("id"):  # metadata of an official letter: always in Indonesian
        return str(letter.get_kind_display())


def letter_package(letter: IssuedLetter) -> tuple[bytes, str]:
    """The ZIP of one letter and its file name. The same letter always gives the same bytes."""
    pdf = letter_pdf(letter)  # renders it first if the worker has not yet: the SHA-256 below is the file's
    letter.refresh_from_db()
    metadata = json.dumps(package_metadata(letter), ensure_ascii=False, indent=2).encode("utf-8")
    stamp = timezone.localtime(letter.issued_at, letter.agency.tzinfo).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in ((letter_file_name(letter), pdf), ("metadata.json", metadata)):
            info = zipfile.ZipInfo(name, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue(), package_file_name(letter)


def package_file_name(letter: IssuedLetter) -> str:
    number = re.sub(r"[^A-Za-z0-9]+", "-", letter.number).strip("-") or str(letter.pk)
    return f"srikandi-{letter.kind.replace('_', '-')}-{number}.zip"


# Who may hold a letter's original, which carries the recipient's contacts: each case app registers its rule for
# its model (ppid: the requester's contact rule). Without a rule, nobody gets the package.
_original_reach: dict[type, Callable[[AnyUser, Any], bool]] = {}


def register_original_reach(model: type, rule: Callable[[AnyUser, Any], bool]) -> None:
    _original_reach[model] = rule


def may_download_package(user: AnyUser, letter: IssuedLetter) -> bool:
    """The staff who see the case as staff and may read the recipient's contacts (the package holds the original
    PDF and the recipient's name): not the auditors or administrators, who get a copy without the contacts."""
    case = letter.case
    if case is None or not may_see_notes(user, case):
        return False
    rule = _original_reach.get(type(case))
    return rule is not None and rule(user, case)


def letter_package_download(*, letter_id: int, viewer: AnyUser, case=None) -> tuple[bytes, str]:
    """The SRIKANDI package of a letter for the staff who see its case as staff, the download recorded.
    `case`, when given, must be the letter's case (a case page's link). IssuedLetter.DoesNotExist for anyone
    else, as if there were no such letter."""
    letter = IssuedLetter.objects.select_related("agency", "unit").filter(pk=letter_id).first()
    if letter is None or (
        case is not None
        and (letter.object_id != case.pk or letter.content_type.model_class() is not type(case))
    ):
        raise IssuedLetter.DoesNotExist
    if not may_download_package(viewer, letter):
        raise IssuedLetter.DoesNotExist
    data, name = letter_package(letter)
    with transaction.atomic():
        audit_record(
            actor=viewer,
            obj=letter,
            agency=letter.agency,
            action=events.LETTER_PACKAGE_DOWNLOADED,
            details={"kind": letter.kind, "number": letter.number, "case": letter.object_id},
        )
    return data, name
