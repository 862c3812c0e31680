"""The register books: the Buku Register Permohonan Informasi Publik and the Register Keberatan, in the columns of
the prescribed forms (ppid-law.md part 10 item 3 and part 5 item 5), per agency or unit and period of receipt.

Rows are the cases the viewer reaches as staff (a Pelaksana officer: their unit's). The requester's address and
contacts are filled only where `ppid.rules.may_see_requester_contact` allows it, row by row; the columns stay, so
every copy of a register has the same shape. One row is a dict of codes to cells (text, numbers, dates); the
exports turn it into JSON, CSV (`;` and Indonesian headers for spreadsheets), XLSX and PDF."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, Unit
from letters.kinds import LetterKind
from letters.models import IssuedLetter
from ppid import rules
from ppid.models import (
    Decision,
    ExemptionGround,
    ObjectionGround,
    ObtainMethod,
)
from ppid.selectors import objections_visible_to, staff_requests

from .exports import neutralise

# (code, header) in the order of the form. The codes are the JSON keys and the CSV's second header row.
REQUEST_COLUMNS = [
    ("no", _("No.")),
    ("registration_number", _("Nomor registrasi")),
    ("received_on", _("Tanggal permohonan")),
    ("unit", _("Unit")),
    ("channel", _("Saluran")),
    ("requester_name", _("Nama pemohon")),
    ("requester_address", _("Alamat")),
    ("requester_contact", _("Telepon / e-mail")),
    ("requester_occupation", _("Pekerjaan")),
    ("information_requested", _("Rincian informasi yang dibutuhkan")),
    ("purpose", _("Tujuan penggunaan informasi")),
    ("information_status", _("Status informasi (dikuasai / tidak dikuasai / belum didokumentasikan)")),
    ("form", _("Bentuk informasi (softcopy / hardcopy)")),
    ("request_type", _("Jenis permohonan (melihat / meminta salinan)")),
    ("decision", _("Keputusan")),
    ("refusal_reason", _("Alasan penolakan")),
    ("notice_on", _("Tanggal pemberitahuan tertulis")),
    ("notice_letter_number", _("Nomor surat pemberitahuan tertulis")),
    ("fee", _("Biaya dan cara pembayaran")),
    ("state", _("Status permohonan")),
]
OBJECTION_COLUMNS = [
    ("no", _("No.")),
    ("registration_number", _("Nomor registrasi keberatan")),
    ("received_on", _("Tanggal keberatan diterima")),
    ("unit", _("Unit")),
    ("requester_name", _("Nama pemohon")),
    ("requester_address", _("Alamat")),
    ("requester_contact", _("Telepon / e-mail")),
    ("request_number", _("Nomor registrasi permohonan")),
    ("information_requested", _("Informasi yang diminta")),
    ("purpose", _("Tujuan penggunaan informasi")),
    ("grounds", _("Alasan keberatan (Pasal 35 ayat 1)")),
    ("reason", _("Uraian keberatan")),
    ("decision", _("Tanggapan Atasan PPID")),
    ("decided_on", _("Tanggal tanggapan")),
    ("decision_letter_number", _("Nomor surat tanggapan")),
    ("decided_by", _("Nama yang menanggapi")),
    ("requester_reaction", _("Tanggapan pemohon (sengketa ke Komisi Informasi)")),
]
KINDS = {"requests": REQUEST_COLUMNS, "objections": OBJECTION_COLUMNS}
TITLES = {
    "requests": _("Buku Register Permohonan Informasi Publik"),
    "objections": _("Register Keberatan"),
}


@dataclass(frozen=True)
class Register:
    kind: str  # "requests" or "objections"
    agency: Agency
    unit: Unit | None
    start: dt.date
    end: dt.date
    rows: list[dict[str, object]]
    with_contacts: int  # rows whose address and contacts the viewer may see (and so are in the register)

    @property
    def columns(self) -> list[tuple[str, object]]:
        return KINDS[self.kind]

    @property
    def title(self) -> str:
        return str(TITLES[self.kind])


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def _received_between(qs: QuerySet, agency: Agency, start: dt.date, end: dt.date) -> QuerySet:
    tz = agency.tzinfo
    low = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    high = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return qs.filter(agency=agency, received_at__gte=low, received_at__lt=high).order_by("received_at", "pk")


def _contact(case) -> tuple[str, str]:
    phone, email = case.requester_phone or "-", case.requester_email or "-"
    return case.requester_address, f"{phone} / {email}"


def _information_status(response) -> str:
    if response is None:
        return ""
    if response.decision == Decision.NOT_HELD or not response.information_held:
        return str(_("Tidak dikuasai"))
    if response.decision == Decision.NOT_DOCUMENTED:
        return str(_("Belum didokumentasikan"))
    return str(_("Dikuasai"))


def _grounds_text(grounds: Iterable[str], labels: dict) -> str:
    return "; ".join(str(labels[g]) for g in grounds if g in labels)


def _letter_numbers(cases: list, kind: str) -> dict[int, str]:
    """The number of each case's newest letter of `kind` (issue 17), in one query for the register."""
    if not cases:
        return {}
    letters = IssuedLetter.objects.filter(
        content_type=ContentType.objects.get_for_model(type(cases[0])),
        object_id__in=[c.pk for c in cases],
        kind=kind,
    ).order_by("issued_at", "pk")
    return {letter.object_id: letter.number for letter in letters}  # the newest wins


def request_register(
    viewer, agency: Agency, *, start: dt.date, end: dt.date, unit: Unit | None = None
) -> Register:
    """The requests received from `start` to `end` (the agency's days) that the viewer reaches as staff."""
    qs = _received_between(staff_requests(viewer), agency, start, end).select_related("unit", "response")
    if unit is not None:
        qs = qs.filter(unit=unit)
    exemption_labels = dict(ExemptionGround.choices)
    rows, with_contacts = [], 0
    tz = agency.tzinfo
    qs = list(qs)
    notice_numbers = _letter_numbers(qs, LetterKind.NOTICE)
    for n, req in enumerate(qs, start=1):
        response = getattr(req, "response", None)
        address = contact = ""
        if rules.may_see_requester_contact(req, viewer):
            address, contact = _contact(req)
            with_contacts += 1
        method = response.obtain_method if response is not None else req.obtain_method
        fee = ""
        if response is not None:
            fee = f"Rp {int(response.fee_amount):,}".replace(",", ".")
            if response.fee_details:
                fee += f" ({response.fee_details})"
        rows.append(
            {
                "no": n,
                "registration_number": req.registration_number,
                "received_on": timezone.localtime(req.received_at, tz).date(),
                "unit": req.unit.name,
                "channel": req.get_channel_display(),
                "requester_name": req.requester_name,
                "requester_address": address,
                "requester_contact": contact,
                "requester_occupation": req.requester_occupation,
                "information_requested": req.information_requested,
                "purpose": req.purpose,
                "information_status": _information_status(response),
                "form": {"softcopy": "Softcopy", "hardcopy": "Hardcopy"}.get(method, "-"),
                "request_type": str(_("Melihat") if method == ObtainMethod.VIEW else _("Meminta salinan")),
                "decision": response.get_decision_display() if response is not None else "",
                "refusal_reason": _grounds_text(response.exemption_grounds, exemption_labels)
                if response is not None
                else "",
                "notice_on": timezone.localtime(response.responded_at, tz).date()
                if response is not None
                else None,
                "notice_letter_number": notice_numbers.get(req.pk, ""),
                "fee": fee,
                "state": req.get_state_display(),
            }
        )
    return Register("requests", agency, unit, start, end, rows, with_contacts)


def objection_register(
    viewer, agency: Agency, *, start: dt.date, end: dt.date, unit: Unit | None = None
) -> Register:
    """The objections received from `start` to `end` that the viewer reaches as staff (their own filings as a
    citizen are not a register's business)."""
    qs = _received_between(objections_visible_to(viewer), agency, start, end).select_related(
        "decided_by", "dispute"
    )
    if not viewer.is_superuser:
        qs = qs.exclude(requester=viewer)
    if unit is not None:
        qs = qs.filter(unit=unit)
    ground_labels = dict(ObjectionGround.choices)
    rows, with_contacts = [], 0
    tz = agency.tzinfo
    qs = list(qs)
    decision_numbers = _letter_numbers(qs, LetterKind.OBJECTION_DECISION)
    for n, objection in enumerate(qs, start=1):
        who = objection.identity
        address = contact = ""
        if rules.may_see_requester_contact(who, viewer):
            address, contact = _contact(who)
            with_contacts += 1
        request = objection.request
        dispute = getattr(objection, "dispute", None)
        rows.append(
            {
                "no": n,
                "registration_number": objection.registration_number,
                "received_on": timezone.localtime(objection.received_at, tz).date(),
                "unit": objection.unit.name,
                "requester_name": who.requester_name,
                "requester_address": address,
                "requester_contact": contact,
                "request_number": request.registration_number if request is not None else "-",
                "information_requested": request.information_requested
                if request is not None
                else objection.information,
                "purpose": request.purpose if request is not None else "",
                "grounds": _grounds_text(objection.grounds, ground_labels),
                "reason": objection.reason,
                "decision": objection.get_outcome_display()
                if objection.outcome
                else objection.get_state_display(),
                "decided_on": timezone.localtime(objection.decided_at, tz).date()
                if objection.decided_at
                else None,
                "decision_letter_number": decision_numbers.get(objection.pk, ""),
                "decided_by": _person(objection.decided_by),
                "requester_reaction": (
                    str(_("Sengketa ke Komisi Informasi, register %(number)s"))
                    % {"number": dispute.ki_register_number}
                    if dispute is not None
                    else "-"
                ),
            }
        )
    return Register("objections", agency, unit, start, end, rows, with_contacts)


# --- the files ------------------------------------------------------------------------------------------------
def _text(value: object) -> object:
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return "" if value is None else value


def register_json(register: Register) -> list[dict[str, object]]:
    return [
        {code: (v.isoformat() if isinstance(v, dt.date) else v) for code, v in row.items()}
        for row in register.rows
    ]


def register_csv(register: Register) -> bytes:
    """For a spreadsheet in Indonesian: `;`, the headers in words then the codes, dates as DD-MM-YYYY."""
    from .exports import csv_bytes

    codes = [code for code, _label in register.columns]
    labels = {code: str(label) for code, label in register.columns}
    rows = [codes, *([_text(row[code]) for code in codes] for row in register.rows)]
    return csv_bytes(rows, spreadsheet=True, labels=labels)


def register_xlsx(register: Register) -> bytes:
    """One sheet: the title, the scope and period, the headers (bold, frozen), one row per case. Dates are real
    dates in DD-MM-YYYY; text that a spreadsheet would run as a formula is neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = register.title[:31]
    scope = register.agency.name + (f" · {register.unit.name}" if register.unit else "")
    period = f"{register.start:%d-%m-%Y} – {register.end:%d-%m-%Y}"
    sheet.append([register.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([scope])
    sheet.append([str(_("Periode penerimaan: %(period)s")) % {"period": period}])
    sheet.append([str(label) for _code, label in register.columns])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in register.rows:
        sheet.append(
            [
                neutralise(row[code]) if not isinstance(row[code], dt.date) else row[code]
                for code, _l in register.columns
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD-MM-YYYY"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for index, (code, _label) in enumerate(register.columns, start=1):
        wide = code in {
            "information_requested",
            "purpose",
            "reason",
            "requester_address",
            "refusal_reason",
            "grounds",
        }
        sheet.column_dimensions[sheet.cell(row=header_row, column=index).column_letter].width = (
            40 if wide else 18
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Numbers and dates are kept on one line in the printed book.
_UNBROKEN = {"no", "registration_number", "request_number", "received_on", "notice_on", "decided_on"}


def register_pdf(register: Register) -> bytes:
    """Landscape A4, the agency's name, the register's title, scope and period, and the table."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override("id"):
        html = render_to_string(
            "transparency/register.html",
            {
                "register": register,
                "headers": [str(label) for _code, label in register.columns],
                "rows": [
                    [(_text(row[code]), code in _UNBROKEN) for code, _l in register.columns]
                    for row in register.rows
                ],
            },
        )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def register_filename(register: Register, extension: str) -> str:
    unit = f"-{register.unit.code}" if register.unit else ""
    kind = "register-permohonan" if register.kind == "requests" else "register-keberatan"
    return f"{kind}-{register.agency.slug}{unit}-{register.start:%Y%m%d}-{register.end:%Y%m%d}.{extension}"
