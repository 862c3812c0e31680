"""Granted files become public (issue 18 point 5): the handling officers of a request answered `granted` or
`partially_granted` with response files offer them to the register as informasi setiap saat. The officer confirms
the redaction and the system itself refuses a file whose text holds a NIK-shaped number or the requester's name;
what is made is a DRAFT DIP item (copies of the files) of the request's unit, which the PPID Utama publishes
through the register's own flow. The link is the response's `published_as`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.logging import redact
from agencies.uploads import removes_files_it_wrote
from audit.services import audit_record
from dip import rules as dip_rules
from dip.models import Category, DipItem
from dip.services import dip_item_create

from .. import rules
from ..errors import InvalidTransition, PermissionDenied, ValidationError
from ..events import REQUEST_ADDED_TO_DIP
from ..models import Decision, DocumentKind, InformationRequest, RequestDocument, RequestResponse
from .requests import _lock_visible

if TYPE_CHECKING:
    from accounts.models import User

__all__ = [
    "ScanResult",
    "information_request_add_to_dip",
    "publishable_files",
    "publication_defaults",
    "scan_file",
]

GRANTED = (Decision.GRANTED, Decision.PARTIALLY_GRANTED)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ScanResult:
    """What the redaction scan found in one file: `scanned` False when its text could not be read (an image, or
    PDF text extraction unavailable), so only the officer's confirmation stands for it."""

    nik: bool
    name: bool
    scanned: bool

    @property
    def clean(self) -> bool:
        return not (self.nik or self.name)


def _pdf_text(data: bytes) -> str | None:
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - the venv has it; without it the scan is skipped and says so
        return None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def scan_file(document: RequestDocument, *, requester_name: str) -> ScanResult:
    """Scan a response file's text for a NIK (16 digits standing alone, as the log filter finds them) and the
    requester's name (case and spacing ignored). PDFs only: other files are not scanned."""
    if document.content_type != "application/pdf":
        return ScanResult(nik=False, name=False, scanned=False)
    with document.file.open("rb") as handle:
        text = _pdf_text(handle.read())
    if text is None:
        return ScanResult(nik=False, name=False, scanned=False)
    flat = _SPACES.sub(" ", text).casefold()
    name = _SPACES.sub(" ", requester_name or "").strip().casefold()
    return ScanResult(nik=redact(text) != text, name=len(name) >= 3 and name in flat, scanned=True)


def publishable_files(info_request: InformationRequest) -> list[RequestDocument]:
    return list(info_request.documents.filter(kind=DocumentKind.RESPONSE_FILE).order_by("uploaded_at", "id"))


def publication_defaults(info_request: InformationRequest) -> dict[str, Any]:
    """The draft item's fields as the request suggests them (the officer edits them)."""
    response = info_request.response
    return {
        "title": info_request.information_requested.strip().splitlines()[0][:300],
        "summary": response.provided_information or info_request.information_requested,
        "category": Category.SETIAP_SAAT,
        "responsible": info_request.unit.name,
        "format": "softcopy",
        "retention": "",
        "year": response.responded_at.year,
    }


def _check_may_offer(info_request: InformationRequest, actor: User) -> RequestResponse:
    if not (rules.is_handling_officer(info_request, actor) and dip_rules.may_draft(actor, info_request.unit)):
        raise PermissionDenied(
            _("Hanya petugas yang menangani permohonan ini yang dapat mengusulkannya ke DIP.")
        )
    response: RequestResponse | None = getattr(info_request, "response", None)
    if response is None or response.decision not in GRANTED:
        raise InvalidTransition(_("Hanya jawaban yang memberikan informasi yang dapat ditambahkan ke DIP."))
    if response.published_as_id is not None:
        raise InvalidTransition(_("Berkas jawaban ini sudah diusulkan ke DIP."))
    return response


@removes_files_it_wrote
def information_request_add_to_dip(
    *,
    request_id: int,
    actor: User,
    data: Mapping[str, Any],
    document_ids: Iterable[int],
    redaction_confirmed: bool,
) -> DipItem:
    """Before: the request is visible to the actor (404), who handles it and may draft the unit's items (403); it
    was answered granted or partly granted and not offered yet (409). The chosen files are response files of the
    request, the officer confirms personal data and exempt parts are removed, and no chosen file's text holds a
    NIK or the requester's name (400). Then: a draft setiap saat item of the request's unit with copies of the
    files (`dip.services.dip_item_create`, audited there), `RequestResponse.published_as` set, and an audit row
    `request.added_to_dip` on the item. After commit nothing is sent: the PPID Utama publishes from the register."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        response = _check_may_offer(info_request, actor)
        response = RequestResponse.objects.select_for_update().get(pk=response.pk)
        if response.published_as_id is not None:
            raise InvalidTransition(_("Berkas jawaban ini sudah diusulkan ke DIP."))
        errors: dict[str, list[str]] = {}
        if not redaction_confirmed:
            errors["redaction_confirmed"] = [
                _("Pastikan data pribadi dan bagian yang dikecualikan sudah dihitamkan atau dihapus.")
            ]
        wanted = {int(pk) for pk in document_ids}
        files = [doc for doc in publishable_files(info_request) if doc.pk in wanted]
        if not wanted:
            errors["documents"] = [_("Pilih berkas jawaban yang akan diumumkan.")]
        elif len(files) != len(wanted):
            errors["documents"] = [_("Pilih hanya berkas jawaban permohonan ini.")]
        refused = []
        unscanned = 0
        for doc in files:
            found = scan_file(doc, requester_name=info_request.requester_name)
            unscanned += not found.scanned
            if found.nik:
                refused.append(
                    _("%(name)s memuat angka berbentuk NIK (16 angka): hitamkan lalu unggah ulang.")
                    % {"name": doc.original_name}
                )
            if found.name:
                refused.append(
                    _("%(name)s memuat nama pemohon: hapus data pribadi lalu unggah ulang.")
                    % {"name": doc.original_name}
                )
        if refused:
            errors.setdefault("documents", []).extend(refused)
        if errors:
            raise ValidationError(errors)
        copies = []
        for doc in files:
            with doc.file.open("rb") as handle:
                copies.append(SimpleUploadedFile(doc.original_name, handle.read(), doc.content_type))
        item = dip_item_create(
            actor=actor, unit=info_request.unit, data={**data, "category": Category.SETIAP_SAAT}, files=copies
        )
        response.published_as = item
        response.save(update_fields=["published_as"])
        audit_record(
            actor=actor,
            obj=item,
            action=REQUEST_ADDED_TO_DIP,
            agency=info_request.agency,
            details={"request": info_request.pk, "documents": len(files), "unscanned": unscanned},
        )
    return item
