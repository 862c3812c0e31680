"""The e-Monev evidence pack (issue 19 point 4): for each kind of evidence (`EvidenceKind`) a provider that
tells, for an agency and a year, whether the system holds it (present, missing, stale, too large, with why) and
gives it as one PDF of at most 2 MB; the self-score of the year's SAQ against the Komisi Informasi's bands; the
ZIP with one PDF per item and an index.

Providers only read published material (the DIP and DIK as the public sees them, the published maklumat and
annual report), except the register books, which are read as the viewer (they are staff who reach them).
"Screenshots" of public pages are the public page's contents rendered to PDF with WeasyPrint, not a capture."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agencies.models import Agency
from dip.exports import legal_list_pdf
from dip.models import Category, DipEstablishment
from dip.selectors import public_dik, public_items
from skm.ikm import ikm_table
from transparency.registers import objection_register, register_pdf, request_register
from transparency.report import published_report, published_reports, render_published_report_pdf

from .models import EvidenceKind, SaqItem, SaqYear
from .selectors import latest_version, maklumat_text, sop_label

if TYPE_CHECKING:
    from accounts.types import AnyUser

MAX_PDF_BYTES = 2 * 1024 * 1024

PRESENT = "present"
MISSING = "missing"
STALE = "stale"
TOO_LARGE = "too_large"


def status_labels() -> dict[str, str]:
    return {
        PRESENT: _("Ada"),
        MISSING: _("Belum ada"),
        STALE: _("Kedaluwarsa"),
        TOO_LARGE: _("Terlalu besar"),
    }


@dataclass
class Evidence:
    status: str
    reason: str = ""
    pdf: bytes | None = field(default=None, repr=False)


Provider = Callable[[Agency, int, "AnyUser"], Evidence]
PROVIDERS: dict[str, Provider] = {}


def provider(kind: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        PROVIDERS[kind] = func
        return func

    return register


def evidence_pdf(
    agency: Agency,
    year: int,
    title: str,
    *,
    lines: list[str] | None = None,
    headers: list[str] | None = None,
    rows: list[list[object]] | None = None,
) -> bytes:
    """A plain A4 PDF whose first line names what it is, the agency and the year."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("id"):
        html = render_to_string(
            "standards/evidence.html",
            {
                "title": title,
                "agency": agency,
                "year": year,
                "lines": lines or [],
                "headers": headers or [],
                "rows": rows or [],
            },
        )
    pdf: bytes = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
    return pdf


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _title(kind: str) -> str:
    return str(EvidenceKind(kind).label)


@provider(EvidenceKind.ANNUAL_REPORT)
def annual_report_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    report = published_report(agency, year)
    if report is not None:
        return Evidence(PRESENT, pdf=render_published_report_pdf(report))
    earlier = published_reports(agency).filter(year__lt=year).order_by("-year").first()
    if earlier is not None:
        return Evidence(
            STALE, _("Laporan terakhir yang diumumkan adalah tahun %(year)s.") % {"year": earlier.year}
        )
    return Evidence(MISSING, _("Laporan tahunan %(year)s belum diumumkan.") % {"year": year})


def _register(kind: str, agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    start, end = _year_bounds(year)
    build = request_register if kind == EvidenceKind.REQUEST_REGISTER else objection_register
    register = build(viewer, agency, start=start, end=end)
    if not register.rows:
        return Evidence(MISSING, _("Tidak ada catatan pada tahun %(year)s.") % {"year": year})
    return Evidence(PRESENT, pdf=register_pdf(register))


@provider(EvidenceKind.REQUEST_REGISTER)
def request_register_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    return _register(EvidenceKind.REQUEST_REGISTER, agency, year, viewer)


@provider(EvidenceKind.OBJECTION_REGISTER)
def objection_register_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    return _register(EvidenceKind.OBJECTION_REGISTER, agency, year, viewer)


@provider(EvidenceKind.DIP_LIST)
def dip_list_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    if not public_items().filter(agency=agency).exists():
        return Evidence(MISSING, _("Belum ada informasi publik yang diumumkan."))
    return Evidence(PRESENT, pdf=legal_list_pdf(agency))


@provider(EvidenceKind.DIP_SK)
def dip_sk_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    sk = DipEstablishment.objects.filter(agency=agency).order_by("-decided_on", "-id").first()
    if sk is None:
        return Evidence(MISSING, _("SK penetapan DIP belum diunggah."))
    if sk.decided_on.year < year:
        return Evidence(
            STALE,
            _("SK penetapan DIP terakhir (%(number)s) ditetapkan tahun %(year)s.")
            % {"number": sk.number, "year": sk.decided_on.year},
        )
    with sk.file.open("rb") as handle:
        data = handle.read()
    if not data.startswith(b"%PDF"):
        return Evidence(
            PRESENT,
            pdf=evidence_pdf(
                agency,
                year,
                _title(EvidenceKind.DIP_SK),
                lines=[_("Nomor SK: %(number)s") % {"number": sk.number}, str(sk.decided_on)],
            ),
        )
    return Evidence(PRESENT, pdf=data)


@provider(EvidenceKind.DIK_LIST)
def dik_list_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    entries = list(public_dik().filter(agency=agency).order_by("title", "pk"))
    if not entries:
        return Evidence(MISSING, _("Belum ada informasi yang dikecualikan yang ditetapkan."))
    rows: list[list[object]] = [
        [n, entry.title, entry.unit.name, entry.get_ground_display(), entry.sk_number]
        for n, entry in enumerate(entries, start=1)
    ]
    headers = [_("No."), _("Informasi"), _("Unit"), _("Dasar pengecualian"), _("Nomor SK")]
    title = _title(EvidenceKind.DIK_LIST)
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, title, headers=headers, rows=rows))


def _maklumat(agency: Agency, year: int, kind: str) -> Evidence:
    version = latest_version(agency)
    if version is None:
        return Evidence(MISSING, _("Standar layanan belum diumumkan."))
    published_year = timezone.localtime(version.published_at, agency.tzinfo).year
    if published_year < year:
        return Evidence(STALE, _("Maklumat terakhir diumumkan tahun %(year)s.") % {"year": published_year})
    with translation.override("id"):
        lines = maklumat_text(agency, version.content).splitlines()
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, _title(kind), lines=lines))


@provider(EvidenceKind.MAKLUMAT)
def maklumat_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    return _maklumat(agency, year, EvidenceKind.MAKLUMAT)


@provider(EvidenceKind.PAGE_MAKLUMAT)
def maklumat_page_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    return _maklumat(agency, year, EvidenceKind.PAGE_MAKLUMAT)


@provider(EvidenceKind.SOP)
def sop_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    version = latest_version(agency)
    sops = version.content.get("sops", []) if version else []
    if not sops:
        return Evidence(MISSING, _("Belum ada SOP yang diumumkan."))
    rows: list[list[object]] = [
        [sop_label(sop["kind"]), sop.get("sk_number", ""), sop.get("sk_date", "")] for sop in sops
    ]
    headers = [_("SOP"), _("Nomor SK"), _("Tanggal SK")]
    title = _title(EvidenceKind.SOP)
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, title, headers=headers, rows=rows))


@provider(EvidenceKind.SKM)
def skm_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    table = ikm_table(agency, year=year)
    if not table:
        return Evidence(MISSING, _("Belum ada responden survei pada tahun %(year)s.") % {"year": year})
    rows: list[list[object]] = [
        [row.semester, row.unit_name, row.respondents, row.ikm, f"{row.grade} ({row.grade_label})"]
        for row in table
    ]
    headers = [_("Semester"), _("Unit"), _("Responden"), _("IKM"), _("Mutu")]
    title = _title(EvidenceKind.SKM)
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, title, headers=headers, rows=rows))


@provider(EvidenceKind.STATISTICS)
def statistics_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    from ppid.models import InformationRequest, Objection

    start, end = _year_bounds(year)
    requests = InformationRequest.objects.filter(agency=agency, received_at__year=year).count()
    objections = Objection.objects.filter(agency=agency, received_at__year=year).count()
    dip = dict(
        public_items().filter(agency=agency).values_list("category").annotate(n=Count("pk")).order_by()
    )
    rows: list[list[object]] = [
        [_("Permohonan informasi diterima"), requests],
        [_("Keberatan diterima"), objections],
    ]
    rows += [[str(label), dip.get(code, 0)] for code, label in Category.choices]
    title = _title(EvidenceKind.STATISTICS)
    lines = [_("Periode %(start)s sampai %(end)s") % {"start": start, "end": end}]
    headers = [_("Ukuran"), _("Jumlah")]
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, title, lines=lines, headers=headers, rows=rows))


@provider(EvidenceKind.PAGE_REGISTER)
def register_page_evidence(agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    items = list(public_items().filter(agency=agency).order_by("category", "title", "pk"))
    if not items:
        return Evidence(MISSING, _("Halaman publik daftar informasi masih kosong."))
    rows: list[list[object]] = [[item.title, item.get_category_display(), item.unit.name] for item in items]
    headers = [_("Informasi"), _("Kategori"), _("Unit")]
    title = _title(EvidenceKind.PAGE_REGISTER)
    return Evidence(PRESENT, pdf=evidence_pdf(agency, year, title, headers=headers, rows=rows))


def evidence_for(kind: str, agency: Agency, year: int, viewer: AnyUser) -> Evidence:
    """The provider's answer, with a PDF over 2 MB withheld and marked too large (no compression is tried:
    the generated PDFs carry no images, so only an uploaded SK can be that big)."""
    found = PROVIDERS[kind](agency, year, viewer)
    if found.pdf is not None and len(found.pdf) > MAX_PDF_BYTES:
        return Evidence(TOO_LARGE, _("Berkas lebih dari 2 MB; unggah versi yang lebih kecil."))
    return found


@dataclass
class ItemRow:
    item: SaqItem
    evidence: Evidence
    file_name: str

    @property
    def status_label(self) -> str:
        return status_labels()[self.evidence.status]

    @property
    def score(self) -> int:
        return self.item.max_score if self.evidence.status == PRESENT else 0


@dataclass
class Assessment:
    saq: SaqYear
    agency: Agency
    indicators: list[tuple[object, list[ItemRow]]]
    score: Decimal
    band: str
    to_raise: list[ItemRow]


def bands() -> list[tuple[Decimal, str]]:
    """The Komisi Informasi's qualification bands, highest first (lower bound, name)."""
    return [
        (Decimal(90), _("Informatif")),
        (Decimal(80), _("Menuju Informatif")),
        (Decimal(60), _("Cukup Informatif")),
        (Decimal(40), _("Kurang Informatif")),
        (Decimal(0), _("Tidak Informatif")),
    ]


def band_for(score: Decimal) -> str:
    for low, name in bands():
        if score >= low:
            return name
    return bands()[-1][1]


def current_saq() -> SaqYear | None:
    return SaqYear.objects.order_by("-year").first()


def assess(agency: Agency, saq: SaqYear, viewer: AnyUser) -> Assessment:
    """Every item with its evidence; the score is, per indicator, the share of its items' maximum scores whose
    evidence is present times the indicator's weight, summed (0-100)."""
    cache: dict[str, Evidence] = {}
    indicators = []
    total = Decimal(0)
    to_raise = []
    for indicator in saq.indicators.prefetch_related("items"):
        rows = []
        for item in indicator.items.all():
            if item.evidence not in cache:
                cache[item.evidence] = evidence_for(item.evidence, agency, saq.year, viewer)
            rows.append(ItemRow(item, cache[item.evidence], f"{item.code}-{item.evidence}.pdf"))
        maximum = sum(row.item.max_score for row in rows)
        if maximum:
            total += indicator.weight * Decimal(sum(row.score for row in rows)) / Decimal(maximum)
        to_raise += [row for row in rows if row.evidence.status != PRESENT]
        indicators.append((indicator, rows))
    score = total.quantize(Decimal("0.1"))
    return Assessment(saq, agency, indicators, score, band_for(score), to_raise)


def evidence_zip(assessment: Assessment) -> bytes:
    """One PDF per item whose evidence is present, and index.csv (item, status, why, file)."""
    buffer = io.BytesIO()
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow([_("Kode"), _("Butir"), _("Data dukung"), _("Status"), _("Keterangan"), _("Berkas")])
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for _indicator, rows in assessment.indicators:
            for row in rows:
                name = row.file_name if row.evidence.pdf is not None else ""
                if name:
                    archive.writestr(name, row.evidence.pdf or b"")
                writer.writerow(
                    [
                        row.item.code,
                        row.item.text,
                        row.item.get_evidence_display(),
                        row.status_label,
                        row.evidence.reason,
                        name,
                    ]
                )
        archive.writestr("index.csv", index.getvalue().encode("utf-8-sig"))
    return buffer.getvalue()
