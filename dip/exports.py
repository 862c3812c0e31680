"""The DIP as the law lists it (Perki 1/2010 Lampiran II): one table per category of the agency's published items,
with the columns No, ringkasan isi, the unit that holds it, who is responsible for making it, when and where it was
made, its form and its retention; headed by the agency and its SK penetapan. As PDF (WeasyPrint) and XLSX
(openpyxl). Published items only: the DIP must always be available, so anyone may download it."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Category, DipEstablishment
from .selectors import public_items

if TYPE_CHECKING:
    from agencies.models import Agency

    from .models import DikEntry, DipItem

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def columns() -> list[str]:
    return [
        pgettext("nomor urut", "No"),
        _("Ringkasan isi informasi"),
        _("Pejabat/unit yang menguasai informasi"),
        _("Penanggung jawab pembuatan/penerbitan informasi"),
        _("Waktu dan tempat pembuatan informasi"),
        _("Bentuk informasi yang tersedia"),
        _("Jangka waktu penyimpanan/retensi arsip"),
    ]


@dataclass
class Group:
    label: str
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class LegalList:
    agency: Agency
    establishment: DipEstablishment | None
    groups: list[Group]
    generated_at: object

    @property
    def title(self) -> str:
        return _("Daftar Informasi Publik")

    @property
    def establishment_line(self) -> str:
        sk = self.establishment
        if sk is None:
            return _("SK penetapan DIP belum diunggah.")
        return _("Ditetapkan dengan SK nomor %(number)s tanggal %(date)s") % {
            "number": sk.number,
            "date": formats.date_format(sk.decided_on, "j F Y"),
        }


def _made(item: DipItem) -> str:
    when = (
        formats.date_format(item.made_on, "j F Y") if item.made_on else (str(item.year) if item.year else "")
    )
    return ", ".join(part for part in (when, item.made_at) if part) or "-"


def _row(number: int, item: DipItem) -> list[str]:
    return [
        str(number),
        f"{item.title}\n{item.summary}",
        item.unit.name,
        item.responsible,
        _made(item),
        item.get_format_display(),
        item.retention,
    ]


def legal_list(agency: Agency) -> LegalList:
    """The agency's published items grouped by category in the order of the law (berkala, serta merta, setiap
    saat), numbered through, with the SK penetapan in force (the latest)."""
    items = list(public_items().filter(agency=agency).order_by("category", "unit__name", "title", "id"))
    groups = []
    number = 0
    for code, label in Category.choices:
        group = Group(label=str(label))
        for item in items:
            if item.category == code:
                number += 1
                group.rows.append(_row(number, item))
        groups.append(group)
    establishment = DipEstablishment.objects.filter(agency=agency).order_by("-decided_on", "-id").first()
    return LegalList(agency=agency, establishment=establishment, groups=groups, generated_at=timezone.now())


def legal_list_pdf(agency: Agency) -> bytes:
    """Landscape A4: the title, the agency, the SK line, one table per category (empty ones say so)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("id"):
        listing = legal_list(agency)
        html = render_to_string("dip/legal_list.html", {"listing": listing, "headers": columns()})
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()  # type: ignore[no-any-return]


def legal_list_xlsx(agency: Agency) -> bytes:
    """One sheet: title, agency, SK line, the headers (bold, frozen), then each category's heading and rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override("id"):
        listing = legal_list(agency)
        headers = columns()
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = listing.title[:31]
        sheet.append([listing.title])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([neutralise(agency.name)])
        sheet.append([neutralise(listing.establishment_line)])
        sheet.append(headers)
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for group in listing.groups:
            sheet.append([group.label])
            sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
            if not group.rows:
                sheet.append(["", _("Belum ada informasi dalam kategori ini.")])
            for row in group.rows:
                sheet.append([int(row[0]), *(neutralise(v) for v in row[1:])])
                for cell in sheet[sheet.max_row]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
        for index, width in enumerate((6, 60, 28, 28, 24, 14, 20), start=1):
            sheet.column_dimensions[sheet.cell(row=header_row, column=index).column_letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def legal_list_filename(agency: Agency, extension: str) -> str:
    return f"dip-{agency.slug}.{extension}"


def consequence_sheet_pdf(entry: DikEntry) -> bytes:
    """The lembar uji konsekuensi of one entry (Perki 1/2021 Pasal 49(2)), printable for signing: the PPID's
    identity and unit, the information and document, the exempt content, the ground and its analysis, the harm
    weighed against the public interest, the agreement, the period, and the SK once decided. Staff only: it
    holds the test's text."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("id"):
        html = render_to_string("dip/consequence_sheet.html", {"entry": entry})
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()  # type: ignore[no-any-return]
