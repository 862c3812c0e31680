"""The transparency app's only writes: the PPID's texts of the annual report and its publication. Everything else
here only reads."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.logging import redact
from agencies.models import Agency, Unit
from audit.services import audit_record
from ppid.errors import NotFound, PermissionDenied, ValidationError

from .events import ANNUAL_REPORT_PUBLISHED, ANNUAL_REPORT_REPUBLISHED, ANNUAL_REPORT_SAVED, REGISTER_EXPORTED
from .models import AnnualReport
from .registers import KINDS, Register, objection_register, request_register
from .report import annual_report_snapshot
from .rules import is_agency_staff, may_prepare_report

if TYPE_CHECKING:
    from accounts.models import User

TEXT_FIELDS = ("policy_text", "implementation_text", "obstacles_text", "recommendations_text")
MAX_TEXT = 20_000
MAX_REASON = 2_000
FIRST_YEAR = 2000
# Perki 1/2021 Pasal 56 lists the policy (a) and the implementation (b) as contents of the report: it is not
# published without them. Obstacles (e) and recommendations (f) may honestly be empty.
REQUIRED_FOR_PUBLICATION = ("policy_text", "implementation_text")


def annual_report_save(*, agency: Agency, year: int, actor: User, **texts: str | None) -> AnnualReport:
    """The agency's PPID (head of the PPID Utama) or an administrator writes the free-text sections (a policy,
    b implementation, e obstacles, f recommendations) of the report for a year that has begun, e.g. before
    31 March for the year just ended. A text left out (None) stays as it was.

    Checks: staff of the agency (else NotFound), the role (PermissionDenied), the payload (ValidationError).
    Changes the one AnnualReport row of (agency, year) and records `annual_report.saved` with the names of
    the changed sections (never their text) in the same transaction."""
    if not is_agency_staff(actor, agency):
        raise NotFound(_("Badan publik tidak ditemukan."))
    if not may_prepare_report(actor, agency):
        raise PermissionDenied(_("Hanya PPID atau administrator badan publik yang menyusun laporan tahunan."))
    unknown = set(texts) - set(TEXT_FIELDS)
    if unknown:
        raise ValidationError({field: [_("Kolom tidak dikenal.")] for field in sorted(unknown)})
    errors: dict[str, list[str]] = {}
    this_year = timezone.localdate(timezone=agency.tzinfo).year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year:
        errors["year"] = [
            _("Tahun laporan harus antara %(first)s dan %(last)s.") % {"first": FIRST_YEAR, "last": this_year}
        ]
    cleaned: dict[str, str] = {}
    for field, value in texts.items():
        if value is None:
            continue
        value = str(value).replace("\x00", "").strip()
        if len(value) > MAX_TEXT:
            errors[field] = [_("Paling banyak %(n)s karakter.") % {"n": MAX_TEXT}]
        elif redact(value) != value:
            # A published report must not carry personal data; a NIK-shaped number is refused outright.
            errors[field] = [_("Teks laporan tidak boleh memuat NIK atau nomor serupa NIK.")]
        cleaned[field] = value
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    try:
        with transaction.atomic():
            report = AnnualReport.objects.select_for_update().filter(agency=agency, year=year).first()
            created = report is None
            if report is None:
                report = AnnualReport(agency=agency, year=year, updated_by=actor, updated_at=now)
            changed = [f for f, v in cleaned.items() if getattr(report, f) != v]
            for field in changed:
                setattr(report, field, cleaned[field])
            if not (created or changed):
                return report
            report.updated_by, report.updated_at = actor, now
            report.save()
            audit_record(
                actor=actor,
                obj=report,
                agency=agency,
                action=ANNUAL_REPORT_SAVED,
                details={"year": year, "created": created, "sections": changed},
            )
    except IntegrityError:
        # Two first saves at once: the other one created the row; apply this one on top of it.
        return annual_report_save(agency=agency, year=year, actor=actor, **texts)
    return report


def annual_report_publish(*, agency: Agency, year: int, actor: User, reason: str = "") -> AnnualReport:
    """The agency's PPID (head of the PPID Utama) or an administrator publishes the annual report of a year
    that has ended (Perki 1/2021 Pasal 56: information available at any time), or publishes it again as a
    correction, which needs a reason.

    Checks: staff of the agency (else NotFound), the role (PermissionDenied), the year and the reason, and that
    sections a (policy) and b (implementation) are written (ValidationError). Freezes annual_report_data of
    this moment (figures and texts) in `published_data`, which is all the public reads until the next
    publication, and records `annual_report.published` (or `.republished`) with the reason and the year
    (never the texts), in one transaction with the row locked."""
    if not is_agency_staff(actor, agency):
        raise NotFound(_("Badan publik tidak ditemukan."))
    if not may_prepare_report(actor, agency):
        raise PermissionDenied(
            _("Hanya PPID atau administrator badan publik yang menerbitkan laporan tahunan.")
        )
    this_year = timezone.localdate(timezone=agency.tzinfo).year
    if not isinstance(year, int) or year < FIRST_YEAR:
        raise ValidationError({"year": [_("Tahun laporan paling awal %(first)s.") % {"first": FIRST_YEAR}]})
    if year >= this_year:
        raise ValidationError(
            {
                "year": [
                    _(
                        "Laporan tahun %(year)s baru dapat diterbitkan setelah tahun itu berakhir, "
                        "mulai 1 Januari %(next)s."
                    )
                    % {"year": year, "next": year + 1}
                ]
            }
        )
    reason = str(reason or "").replace("\x00", "").strip()
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": [_("Paling banyak %(n)s karakter.") % {"n": MAX_REASON}]})
    if redact(reason) != reason:
        raise ValidationError({"reason": [_("Alasan tidak boleh memuat NIK atau nomor serupa NIK.")]})
    section_names = {
        "policy_text": _("Bagian A (kebijakan pelayanan informasi publik)"),
        "implementation_text": _("Bagian B (pelaksanaan pelayanan informasi publik)"),
    }
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().filter(agency=agency, year=year).first()
        missing = [f for f in REQUIRED_FOR_PUBLICATION if report is None or not getattr(report, f).strip()]
        if report is None or missing:
            raise ValidationError(
                {
                    field: [
                        _("%(section)s harus diisi sebelum laporan diterbitkan.")
                        % {"section": section_names[field]}
                    ]
                    for field in missing
                }
            )
        republished = report.published_at is not None
        if republished and not reason:
            raise ValidationError(
                {
                    "reason": [
                        _(
                            "Laporan ini sudah diterbitkan: tuliskan alasan penerbitan ulang, misalnya apa "
                            "yang dikoreksi."
                        )
                    ]
                }
            )
        now = timezone.now()
        report.published_data = annual_report_snapshot(agency, year, at=now)
        report.published_at, report.published_by = now, actor
        report.save(update_fields=["published_data", "published_at", "published_by"])
        audit_record(
            actor=actor,
            obj=report,
            agency=agency,
            action=ANNUAL_REPORT_REPUBLISHED if republished else ANNUAL_REPORT_PUBLISHED,
            reason=reason,
            details={"year": year},
        )
    return report


REGISTER_MAX_DAYS = 366 * 5  # a register covers at most five years of receipt in one file


def register_export(
    *,
    viewer: User,
    kind: str,
    agency: Agency,
    start: dt.date,
    end: dt.date,
    unit: Unit | None = None,
    file_format: str,
) -> Register:
    """A register book for the agency's staff, of the cases they reach. The download is recorded (who, which
    register, how many rows carried the requester's address and contacts), since it may hold personal data."""
    if not is_agency_staff(viewer, agency):
        raise NotFound(_("Badan publik tidak ditemukan."))
    errors: dict[str, list[str]] = {}
    if kind not in KINDS:
        errors["kind"] = [_("Pilih register permohonan atau register keberatan.")]
    if unit is not None and unit.agency_id != agency.pk:
        errors["unit"] = [_("Unit harus unit dari badan publik yang dipilih.")]
    if end < start:
        errors["end"] = [_("Tanggal akhir tidak boleh sebelum tanggal awal.")]
    elif (end - start).days > REGISTER_MAX_DAYS:
        errors["end"] = [_("Satu register mencakup paling lama lima tahun.")]
    if errors:
        raise ValidationError(errors)
    build = request_register if kind == "requests" else objection_register
    register = build(viewer, agency, start=start, end=end, unit=unit)
    audit_record(
        actor=viewer,
        obj=agency,
        agency=agency,
        action=REGISTER_EXPORTED,
        details={
            "kind": kind,
            "unit": unit.pk if unit is not None else None,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "format": file_format,
            "rows": len(register.rows),
            "rows_with_contacts": register.with_contacts,
        },
    )
    return register
