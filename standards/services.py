"""Writes of the service standards: the draft's fields, fees and SOPs, and its publication as the next version.
The agency's administrators and the head of its PPID Utama (`selectors.may_edit`); other staff of the agency
403, anyone else 404. Each change is audited in its transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.errors import NotFound
from agencies.models import Agency
from agencies.uploads import inspect_upload, max_upload_bytes, removes_files_it_wrote, store_file
from audit.services import audit_record

from . import events
from .models import (
    FeeItem,
    KiSubmission,
    ServiceStandard,
    SopDocument,
    SopKind,
    StandardFile,
    StandardVersion,
    SubmissionChannel,
    SubmissionWhat,
)
from .selectors import may_edit, may_record_submission, may_see_drafts, may_view_emonev, standard_draft

if TYPE_CHECKING:
    from accounts.models import User

TEXT_FIELDS = (
    "promise",
    "signatory_name",
    "signatory_position",
    "place",
    "service_days",
    "service_hours",
    "desk_address",
    "online_channels",
    "ppid_profile",
    "ppid_structure",
    "ppid_sk_number",
)
DATE_FIELDS = ("signed_on", "ppid_sk_date")
# What a maklumat must carry before it is published (Perki 1/2021; PermenPANRB 15/2014).
REQUIRED_TO_PUBLISH = (
    "promise",
    "signatory_name",
    "signatory_position",
    "place",
    "signed_on",
    "service_days",
    "service_hours",
    "desk_address",
)


def _editable(actor: User, agency: Agency) -> ServiceStandard:
    if not may_see_drafts(actor, agency):
        raise NotFound
    if not may_edit(actor, agency):
        raise PermissionDenied(
            _("Hanya administrator badan publik atau PPID Utama yang dapat mengubah standar layanan.")
        )
    return ServiceStandard.objects.select_for_update().get(pk=standard_draft(agency).pk)


def _stored_file(
    *, actor: User, agency: Agency, uploaded: UploadedFile[bytes], pdf_only: bool
) -> StandardFile:
    content_type, size, sha256 = inspect_upload(uploaded)
    if pdf_only and content_type != "application/pdf":
        raise ValidationError(_("Berkas %(name)s harus PDF.") % {"name": uploaded.name})
    row = StandardFile(
        agency=agency,
        name=(uploaded.name or "")[:255],
        content_type=content_type,
        size=size,
        sha256=sha256,
        uploaded_by=actor,
    )
    store_file(row, "file", uploaded)
    row.save()
    return row


@removes_files_it_wrote
def service_standard_update(
    *,
    actor: User,
    agency: Agency,
    data: Mapping[str, Any],
    structure_chart: UploadedFile[bytes] | None = None,
    ppid_sk_file: UploadedFile[bytes] | None = None,
) -> ServiceStandard:
    """Save the draft's text and date fields given in `data`, and replace the structure chart (PDF, PNG or JPEG)
    or the PPID's SK (PDF) when given."""
    with transaction.atomic():
        standard = _editable(actor, agency)
        changed = []
        for name in TEXT_FIELDS:
            if name in data:
                value = str(data[name] or "").strip()
                limit = getattr(ServiceStandard._meta.get_field(name), "max_length", None)
                if limit and len(value) > limit:
                    raise ValidationError({name: _("Paling banyak %(n)s karakter.") % {"n": limit}})
                if getattr(standard, name) != value:
                    setattr(standard, name, value)
                    changed.append(name)
        for name in DATE_FIELDS:
            if name in data:
                value = data[name]
                if value is not None and not isinstance(value, dt.date):
                    raise ValidationError({name: _("Tanggal tidak sah.")})
                if getattr(standard, name) != value:
                    setattr(standard, name, value)
                    changed.append(name)
        if structure_chart is not None:
            standard.structure_chart = _stored_file(
                actor=actor, agency=agency, uploaded=structure_chart, pdf_only=False
            )
            changed.append("structure_chart")
        if ppid_sk_file is not None:
            standard.ppid_sk_file = _stored_file(
                actor=actor, agency=agency, uploaded=ppid_sk_file, pdf_only=True
            )
            changed.append("ppid_sk_file")
        standard.save()
        audit_record(
            actor=actor,
            obj=standard,
            action=events.STANDARD_SAVED,
            agency=agency,
            details={"changed": changed},
        )
    return standard


def fee_item_add(*, actor: User, agency: Agency, name: str, unit: str, amount: int) -> FeeItem:
    with transaction.atomic():
        standard = _editable(actor, agency)
        name, unit = name.strip(), unit.strip()
        if not name or not unit:
            raise ValidationError(_("Isi jenis layanan dan satuannya."))
        if amount < 0:
            raise ValidationError(_("Biaya tidak boleh negatif."))
        last = standard.fees.aggregate(m=Max("position"))["m"]
        item = FeeItem.objects.create(
            standard=standard, name=name[:200], unit=unit[:100], amount=amount, position=(last or 0) + 1
        )
        audit_record(
            actor=actor,
            obj=standard,
            action=events.STANDARD_FEE_ADDED,
            agency=agency,
            details={"fee": item.pk, "amount": amount},
        )
    return item


def fee_item_remove(*, actor: User, agency: Agency, fee_id: int) -> None:
    with transaction.atomic():
        standard = _editable(actor, agency)
        item = standard.fees.filter(pk=fee_id).first()
        if item is None:
            raise NotFound
        item.delete()
        audit_record(
            actor=actor,
            obj=standard,
            action=events.STANDARD_FEE_REMOVED,
            agency=agency,
            details={"fee": fee_id},
        )


@removes_files_it_wrote
def sop_document_set(
    *, actor: User, agency: Agency, kind: str, sk_number: str, sk_date: dt.date, file: UploadedFile[bytes]
) -> SopDocument:
    """The draft's SOP of a kind, replaced: a PDF (checked by content) with its SK number and date."""
    with transaction.atomic():
        standard = _editable(actor, agency)
        if kind not in SopKind.values:
            raise ValidationError({"kind": _("Jenis SOP tidak dikenal.")})
        if not sk_number.strip():
            raise ValidationError({"sk_number": _("Isi nomor SK.")})
        stored = _stored_file(actor=actor, agency=agency, uploaded=file, pdf_only=True)
        sop, _created = SopDocument.objects.update_or_create(
            standard=standard,
            kind=kind,
            defaults={"sk_number": sk_number.strip()[:100], "sk_date": sk_date, "file": stored},
        )
        audit_record(
            actor=actor, obj=standard, action=events.STANDARD_SOP_SET, agency=agency, details={"kind": kind}
        )
    return sop


def _snapshot(standard: ServiceStandard) -> dict[str, Any]:
    content: dict[str, Any] = {name: getattr(standard, name) for name in TEXT_FIELDS}
    for name in DATE_FIELDS:
        value = getattr(standard, name)
        content[name] = value.isoformat() if value else None
    content["structure_chart_id"] = standard.structure_chart_id
    content["ppid_sk_file_id"] = standard.ppid_sk_file_id
    content["fees"] = [{"name": f.name, "unit": f.unit, "amount": f.amount} for f in standard.fees.all()]
    order = {kind: i for i, kind in enumerate(SopKind.values)}
    sops = sorted(standard.sops.select_related("file"), key=lambda s: order.get(s.kind, 99))
    content["sops"] = [
        {
            "kind": s.kind,
            "sk_number": s.sk_number,
            "sk_date": s.sk_date.isoformat(),
            "file_id": s.file_id,
            "file_name": s.file.name,
        }
        for s in sops
    ]
    return content


def service_standard_publish(*, actor: User, agency: Agency) -> StandardVersion:
    """Publish the draft as the next numbered version; the maklumat's required contents must be there."""
    with transaction.atomic():
        standard = _editable(actor, agency)
        missing = {
            name: _("Wajib diisi sebelum diumumkan.")
            for name in REQUIRED_TO_PUBLISH
            if not getattr(standard, name)
        }
        if missing:
            raise ValidationError(missing)
        last = standard.versions.aggregate(m=Max("number"))["m"] or 0
        version = StandardVersion.objects.create(
            standard=standard, number=last + 1, content=_snapshot(standard), published_by=actor
        )
        audit_record(
            actor=actor,
            obj=standard,
            action=events.STANDARD_PUBLISHED,
            agency=agency,
            details={"version": version.number},
        )
    return version


def _submission_file(uploaded: UploadedFile[bytes]) -> tuple[str, int, str]:
    """A PDF (by content, as every upload) or a ZIP (its signature and a readable directory)."""
    import hashlib
    import zipfile

    uploaded.seek(0)
    head = uploaded.read(4)
    uploaded.seek(0)
    if head == b"PK\x03\x04":
        if not zipfile.is_zipfile(uploaded):
            raise ValidationError({"file": _("Berkas harus PDF atau ZIP.")})
        uploaded.seek(0)
        digest = hashlib.sha256()
        for chunk in uploaded.chunks():
            digest.update(chunk)
        uploaded.seek(0)
        size = uploaded.size or 0
        if size > max_upload_bytes():
            raise ValidationError({"file": _("Berkas terlalu besar.")})
        return "application/zip", size, digest.hexdigest()
    content_type, size, sha256 = inspect_upload(uploaded)
    if content_type != "application/pdf":
        raise ValidationError({"file": _("Berkas harus PDF atau ZIP.")})
    return content_type, size, sha256


@removes_files_it_wrote
def ki_submission_record(
    *,
    actor: User,
    agency: Agency,
    year: int,
    what: str,
    sent_on: dt.date,
    channel: str,
    reference: str = "",
    uploaded: UploadedFile[bytes] | None = None,
) -> KiSubmission:
    """Record that the annual report or the evidence pack of `year` was sent to the Komisi Informasi. Auditors
    403; anyone outside the e-Monev page's readers 404."""
    if not may_view_emonev(actor, agency):
        raise NotFound
    if not may_record_submission(actor, agency):
        raise PermissionDenied(_("Hanya PPID Utama atau administrator yang dapat mencatat pengiriman."))
    errors: dict[str, str] = {}
    if what not in SubmissionWhat.values:
        errors["what"] = _("Pilihan tidak sah.")
    if channel not in SubmissionChannel.values:
        errors["channel"] = _("Pilihan tidak sah.")
    if sent_on > timezone.localdate(timezone=agency.tzinfo):
        errors["sent_on"] = _("Tanggal kirim tidak boleh di masa depan.")
    if not 2000 <= year <= 2100:
        errors["year"] = _("Tahun tidak sah.")
    if len(reference) > 200:
        errors["reference"] = _("Paling banyak %(n)s karakter.") % {"n": 200}
    if errors:
        raise ValidationError(errors)
    row = KiSubmission(
        agency=agency,
        year=year,
        what=what,
        sent_on=sent_on,
        channel=channel,
        reference=reference.strip(),
        recorded_by=actor,
    )
    if uploaded is not None:
        row.content_type, row.size, row.sha256 = _submission_file(uploaded)
        row.file_name = (uploaded.name or "")[:255]
    with transaction.atomic():
        if uploaded is not None:
            store_file(row, "file", uploaded)
        row.save()
        audit_record(
            actor=actor,
            obj=row,
            action=events.KI_SUBMISSION_RECORDED,
            agency=agency,
            details={"year": year, "what": what, "channel": channel, "file": bool(uploaded)},
        )
    return row
