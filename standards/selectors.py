"""Reads of the service standards: the draft an editor works on, the published version the public reads, and the
maklumat's deadlines, rendered from the same agency settings and engine constants the deadlines are computed
with (never typed text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.selectors import administers, staff_agency_ids
from dip.rules import may_decide_exemption
from ppid.services import EXTENSION_WORKING_DAYS, NOTICE_WORKING_DAYS
from ppid.windows import ATASAN_RESPONSE_DAYS, KI_FILING_DAYS, OBJECTION_FILING_DAYS

from .models import FeeItem, KiSubmission, ServiceStandard, SopKind, StandardFile, StandardVersion

if TYPE_CHECKING:
    from accounts.types import AnyUser


def may_see_drafts(user: AnyUser | None, agency: Agency) -> bool:
    """Staff of the agency (they read the draft), else the draft is as if it did not exist."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser) or agency.pk in staff_agency_ids(user)


def may_edit(user: AnyUser | None, agency: Agency) -> bool:
    """The agency's administrators and the head (role `ppid`) of its PPID Utama."""
    if user is None or not user.is_authenticated:
        return False
    return administers(user, agency) or may_decide_exemption(user, agency)


def electronic_copy_fee() -> dict[str, Any]:
    """The row every new fee schedule starts with: electronic copies are free (Perki 1/2021)."""
    return {
        "name": _("Salinan informasi dalam bentuk elektronik (diunduh atau dikirim lewat e-mail)"),
        "unit": _("per berkas"),
        "amount": 0,
    }


def standard_draft(agency: Agency) -> ServiceStandard:
    """The agency's draft, created on first use with the free electronic copy as its first fee row."""
    standard = ServiceStandard.objects.filter(agency=agency).first()
    if standard is not None:
        return standard
    with transaction.atomic():
        standard, created = ServiceStandard.objects.get_or_create(agency=agency)
        if created:
            FeeItem.objects.create(standard=standard, position=0, **electronic_copy_fee())
    return standard


def latest_version(agency: Agency) -> StandardVersion | None:
    """The latest published version, the one the public reads; None before the first publication."""
    return (
        StandardVersion.objects.filter(standard__agency=agency)
        .select_related("standard__agency", "published_by")
        .order_by("-number")
        .first()
    )


def public_file(agency: Agency, file_id: int) -> StandardFile | None:
    """A file of the latest published version; any other (a draft's, an older version's) is None."""
    version = latest_version(agency)
    if version is None or file_id not in version_file_ids(version.content):
        return None
    return StandardFile.objects.filter(agency=agency, pk=file_id).first()


def version_file_ids(content: dict[str, Any]) -> set[int]:
    ids = {sop["file_id"] for sop in content.get("sops", [])}
    ids.update(content[key] for key in ("structure_chart_id", "ppid_sk_file_id") if content.get(key))
    return ids


@dataclass(frozen=True)
class Deadline:
    days: int
    unit: str  # "hari kerja"
    text: str


def maklumat_deadlines(agency: Agency) -> list[Deadline]:
    """The service's deadlines as the engine applies them to this agency: the statutory ones from the constants
    the due dates are computed with, the agency's own from its settings."""
    working = _("hari kerja")
    rows = [
        Deadline(
            NOTICE_WORKING_DAYS,
            working,
            _("pemberitahuan tertulis atas permohonan informasi, sejak permohonan diterima"),
        ),
        Deadline(
            EXTENSION_WORKING_DAYS, working, _("perpanjangan paling lama, satu kali, dengan alasan tertulis")
        ),
        Deadline(OBJECTION_FILING_DAYS, working, _("waktu pemohon mengajukan keberatan kepada Atasan PPID")),
        Deadline(
            ATASAN_RESPONSE_DAYS, working, _("tanggapan Atasan PPID atas keberatan, sejak keberatan diterima")
        ),
        Deadline(
            KI_FILING_DAYS,
            working,
            _("waktu mengajukan sengketa ke Komisi Informasi setelah tanggapan Atasan PPID"),
        ),
        Deadline(
            agency.auto_complete_working_days,
            working,
            _("setelah pemberitahuan tertulis, permohonan yang tidak ditanggapi pemohon dinyatakan selesai"),
        ),
    ]
    return rows


def cuti_bersama_rule(agency: Agency) -> str:
    """How the agency's settings count cuti bersama, in one sentence."""
    ours = (
        _("Cuti bersama dihitung sebagai hari kerja untuk batas waktu badan publik.")
        if agency.cuti_bersama_agency_working_day
        else _("Cuti bersama tidak dihitung sebagai hari kerja untuk batas waktu badan publik.")
    )
    theirs = (
        _("Cuti bersama dihitung sebagai hari kerja untuk batas waktu pemohon.")
        if agency.cuti_bersama_requester_working_day
        else _("Cuti bersama tidak dihitung sebagai hari kerja untuk batas waktu pemohon.")
    )
    return f"{ours} {theirs}"


def sop_label(kind: str) -> str:
    return str(SopKind(kind).label) if kind in SopKind.values else kind


def signed_on_display(content: dict[str, Any]) -> str:
    value = content.get("signed_on")
    return date_format(dt.date.fromisoformat(value)) if value else ""


def fee_display(amount: int) -> str:
    if amount == 0:
        return _("Gratis")
    return "Rp" + f"{amount:,}".replace(",", ".")


def maklumat_text(agency: Agency, content: dict[str, Any]) -> str:
    """The maklumat as plain text, for the audio: the same contents as the page, in reading order."""
    lines = [_("Maklumat pelayanan informasi publik"), agency.name, content.get("promise", "")]
    lines.append(_("Jangka waktu layanan:"))
    for row in maklumat_deadlines(agency):
        lines.append(
            _("%(days)s %(unit)s: %(text)s.") % {"days": row.days, "unit": row.unit, "text": row.text}
        )
    lines.append(cuti_bersama_rule(agency))
    lines.append(_("Biaya layanan:"))
    for fee in content.get("fees", []):
        lines.append(f"{fee['name']}, {fee['unit']}: {fee_display(fee['amount'])}.")
    lines.append(
        _("Ditetapkan di %(place)s pada %(date)s oleh %(name)s, %(position)s.")
        % {
            "place": content.get("place", ""),
            "date": signed_on_display(content),
            "name": content.get("signatory_name", ""),
            "position": content.get("signatory_position", ""),
        }
    )
    return "\n".join(line for line in lines if line)


def _emonev_roles(user: AnyUser | None, agency: Agency) -> set[str]:
    from agencies.models import StaffRole, UnitKind
    from agencies.selectors import memberships_of

    roles: set[str] = set()
    for m in memberships_of(user):
        if m.unit.agency_id != agency.pk:
            continue
        if m.role in (StaffRole.ADMIN, StaffRole.AUDITOR):
            roles.add(m.role)
        elif m.role in (StaffRole.OFFICER, StaffRole.PPID) and m.unit.kind == UnitKind.UTAMA:
            roles.add("utama")
    return roles


def may_view_emonev(user: AnyUser | None, agency: Agency) -> bool:
    """The e-Monev page: the PPID Utama's officers and head, the agency's administrators and auditors."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser) or bool(_emonev_roles(user, agency))


def may_record_submission(user: AnyUser | None, agency: Agency) -> bool:
    """Recording a submission to the Komisi Informasi: the PPID Utama and administrators, not auditors."""
    if user is None or not user.is_authenticated:
        return False
    from agencies.models import StaffRole

    return bool(user.is_superuser) or bool(_emonev_roles(user, agency) & {"utama", StaffRole.ADMIN})


def emonev_agency(user: AnyUser | None) -> Agency | None:
    """The agency whose e-Monev page the user opens (staff belong to one agency)."""
    from agencies.selectors import memberships_of

    for m in memberships_of(user):
        if may_view_emonev(user, m.unit.agency):
            return m.unit.agency
    return None


def ki_submissions(agency: Agency, *, limit: int = 20) -> list[KiSubmission]:
    return list(KiSubmission.objects.filter(agency=agency).select_related("recorded_by")[:limit])
