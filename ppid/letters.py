"""Official PDF letters of an information request: the receipt, the extension notice and the written notice;
and of an objection: the Atasan PPID's response (tanggapan atas keberatan).

Letters are always in Indonesian, whatever language the caller's page is in: they are official documents of
a Badan Publik. The template text is therefore written in Indonesian and not marked for translation; the
rendering runs under the "id" locale so that choice labels and month names come out in Indonesian, and
under the agency's time zone so that times read as WIB, WITA or WIT.

The requester's address, phone and e-mail are printed only for a viewer whom
``ppid.rules.may_see_requester_contact`` allows (the requester, the handling officers, the Atasan PPID); for
anyone else (an auditor, an administrator, or no viewer given) the letter renders with them left out.

WeasyPrint never fetches anything: the templates contain no URLs and the fetcher refuses every scheme but
``data:``.

Issued letters (issue 17) are `letters.IssuedLetter` rows made by the services in their transactions: numbered,
with the issuing unit's kop and the signatory by position. Each `render_*` below returns the issued PDF itself
(stored once, byte for byte, signed where the deployment has a certificate) to a viewer the contact rule allows;
anyone else gets a copy rendered with the contacts left out, marked as a copy and unsigned. A case whose letter
was issued before numbering (no row) renders as it always did. Previews render the letter the service has just
issued inside the rolled-back transaction. `register_renderers` tells `letters` how each kind's HTML is made.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from letters.kinds import LetterKind
from letters.models import IssuedLetter
from letters.rendering import html_to_pdf, letter_context, register_letter_renderer
from letters.services import letter_of, letter_pdf, letter_template_texts
from letters.templates_text import default_texts, render_texts

from . import rules
from .models import DocumentKind, ExemptionGround, InformationRequest, Objection, RequestResponse
from .register import dik_sk_line, item_url
from .services import EXTENSION_WORKING_DAYS, NOTICE_WORKING_DAYS
from .services.requests import fee_items_text
from .windows import KI_FILING_DAYS, dispute_windows


def _receipt_context(request: InformationRequest) -> dict:
    return {"working_days": NOTICE_WORKING_DAYS, "due_date": request.original_due_date}


def _extension_context(request: InformationRequest) -> dict:
    if not request.extended:
        raise ValueError(f"Request {request.registration_number} was not extended.")
    # The letter states the deadline as decided at the extension, even if a later pause moved it again.
    step = next((s for s in request.deadline_log if s.get("step") == "extension"), {})
    previous = dt.date.fromisoformat(step["start"]) if "start" in step else request.original_due_date
    new = dt.date.fromisoformat(step["due_date"]) if "due_date" in step else request.due_date
    return {"working_days": EXTENSION_WORKING_DAYS, "previous_due_date": previous, "new_due_date": new}


_SAME_ACTION = dt.timedelta(seconds=30)


def _notice_context(request: InformationRequest) -> dict:
    try:
        response = request.response
    except RequestResponse.DoesNotExist:
        raise ValueError(f"Request {request.registration_number} has no written notice yet.") from None
    # Lampiran: the response files attached to the request with the notice. The respond service stores them
    # just after it sets the response's time, in the same transaction; a file attached later (a contribution)
    # is a separate action, minutes or days after, and is not a lampiran of this letter.
    attached = request.documents.filter(
        kind=DocumentKind.RESPONSE_FILE, uploaded_at__lte=response.responded_at + _SAME_ACTION
    ).count()
    return {
        "response": response,
        "grounds": [_Ground(letter) for letter in response.exemption_grounds],
        **_fee_context(response),
        "lampiran": f"{attached} ({_terbilang(attached)}) berkas" if attached else "-",
        # Pasal 22(7) pointing at the register: the item and its public page; a cited DIK entry and its SK.
        "dip_item": response.dip_item,
        "dip_item_url": item_url(response.dip_item, absolute=True) if response.dip_item else "",
        "dik_entry": response.dik_entry,
        "dik_sk": dik_sk_line(response.dik_entry) if response.dik_entry else "",
    }


def _decision_context(objection: Objection) -> dict:
    if objection.decided_at is None:
        raise ValueError(f"Objection {objection.registration_number} has not been decided yet.")
    # The letter names the last day to go to the Komisi Informasi if the response is received on its date.
    ki_filing = next((w for w in dispute_windows(objection) if w.key == "ki_filing"), None)
    return {
        "objection": objection,
        # "... untuk memenuhi: <order>, paling lambat ...": the order's own full stop would print ".,".
        "order_text": objection.order.strip().rstrip(".").rstrip(),
        # The PPID whose decision was objected to: the one ordered to comply, and the first tembusan.
        "objected_ppid": _ppid_name(objection.unit),
        "ki_filing_days": KI_FILING_DAYS,
        "ki_filing_due": ki_filing.due_date if ki_filing else None,
        "ki_filing_from": ki_filing.start if ki_filing else None,
    }


def _handover_context(request: InformationRequest) -> dict:
    response = getattr(request, "response", None)
    if response is None or response.handed_over_on is None:
        raise ValueError(f"Request {request.registration_number} has no recorded handover.")
    return {"response": response, **_fee_context(response)}


def _fee_context(response: RequestResponse) -> dict:
    """The fee items as the letters print them (a small table), with their total."""
    items = [
        {
            **item,
            "amount_text": _rupiah(item["amount"]),
            "total_text": _rupiah(item["amount"] * item["quantity"]),
        }
        for item in (response.fee_items or [])
    ]
    generated = bool(items) and response.fee_details.strip() == fee_items_text(response.fee_items).strip()
    return {"fee_items": items, "fee": _rupiah(response.fee_amount), "fee_details_generated": generated}


def _objection_receipt_context(objection: Objection) -> dict:
    return {"objection": objection}


# kind: (template, the case's request for the identity, the kind's own context)
_KINDS = {
    LetterKind.RECEIPT: ("ppid/letters/receipt.html", lambda case: case, _receipt_context),
    LetterKind.EXTENSION: ("ppid/letters/extension.html", lambda case: case, _extension_context),
    LetterKind.NOTICE: ("ppid/letters/notice.html", lambda case: case, _notice_context),
    LetterKind.HANDOVER: ("ppid/letters/handover.html", lambda case: case, _handover_context),
    LetterKind.OBJECTION_RECEIPT: (
        "ppid/letters/objection_receipt.html",
        lambda case: case.identity,
        _objection_receipt_context,
    ),
    LetterKind.OBJECTION_DECISION: (
        "ppid/letters/objection_decision.html",
        lambda case: case.identity,
        _decision_context,
    ),
}


def _as_issued(kind: str, case):
    """The case as its issued letter states it. The decision names the KI deadline counted from the day of the
    decision, as it did when it was issued, whatever receipt date an officer records later."""
    if kind == LetterKind.OBJECTION_DECISION and case.decision_received_by_requester_on is not None:
        case = copy.copy(case)
        case.decision_received_by_requester_on = None
    return case


def _letter(case, kind: str, viewer, preview: bool) -> bytes:
    """The PDF of the case's letter of `kind` for `viewer` (see the module's docstring)."""
    template, identity, context = _KINDS[kind]
    request = identity(case)
    letter = letter_of(case, kind)
    extra = context(_as_issued(kind, case) if letter is not None else case)
    show_contact = viewer is not None and rules.may_see_requester_contact(request, viewer)
    if letter is not None and not preview and show_contact:
        return letter_pdf(letter)
    html = _render_html(
        template,
        request,
        viewer=viewer,
        preview=preview,
        copy=letter is not None and not preview,
        kind=kind,
        raw_texts=letter_template_texts(letter) if letter is not None else default_texts(kind),
        **letter_context(letter, preview=preview),
        **extra,
    )
    return html_to_pdf(html)


def render_issued_letter(letter: IssuedLetter, *, viewer=None, preview: bool = False, signing: bool = False):
    """The HTML of an issued letter as sent: to its requester, contacts included (registered with letters)."""
    template, identity, context = _KINDS[letter.kind]
    case = letter.case
    return _render_html(
        template,
        identity(case),
        viewer=None,
        show_contact=True,
        preview=preview,
        kind=letter.kind,
        raw_texts=letter_template_texts(letter),
        **letter_context(letter, preview=preview, signing=signing),
        **context(_as_issued(letter.kind, case)),
    )


def register_renderers() -> None:
    for kind in _KINDS:
        register_letter_renderer(kind, render_issued_letter)


def render_receipt(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Tanda bukti penerimaan permohonan (UU 14/2008 Pasal 22 ayat 4)."""
    return _letter(request, LetterKind.RECEIPT, viewer, preview)


def render_extension_letter(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Pemberitahuan perpanjangan waktu (UU 14/2008 Pasal 22 ayat 8). ValueError if it was not extended."""
    return _letter(request, LetterKind.EXTENSION, viewer, preview)


def render_notice(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Pemberitahuan tertulis (UU 14/2008 Pasal 22 ayat 7). ValueError if there is no response yet."""
    return _letter(request, LetterKind.NOTICE, viewer, preview)


def render_handover(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Tanda bukti penyerahan informasi. ValueError if no handover was recorded."""
    return _letter(request, LetterKind.HANDOVER, viewer, preview)


def render_objection_decision(objection: Objection, *, viewer=None, preview: bool = False) -> bytes:
    """Tanggapan Atasan PPID atas keberatan (UU 14/2008 Pasal 36). ValueError if it was not decided yet."""
    return _letter(objection, LetterKind.OBJECTION_DECISION, viewer, preview)


def render_objection_receipt(objection: Objection, *, viewer=None, preview: bool = False) -> bytes:
    """Tanda terima keberatan: registration number, request number, identity, grounds, the Atasan's due date
    and the rights that follow (UU 14/2008 Pasal 35-37)."""
    return _letter(objection, LetterKind.OBJECTION_RECEIPT, viewer, preview)


@dataclass(frozen=True)
class _Ground:
    """One Pasal 17 ground; the text is read at render time, so under the letter's locale."""

    letter: str

    @property
    def text(self) -> str:
        # The choice label reads "h. mengungkap rahasia pribadi"; the letter is printed on its own.
        return str(ExemptionGround(self.letter).label).removeprefix(f"{self.letter}. ")


def _ppid_name(unit) -> str:
    """The unit's name with "PPID" before it unless it already says so: "PPID Pelaksana Dinas Kesehatan"."""
    name = unit.name.strip()
    return name if name.upper().startswith("PPID") else f"PPID {name}"


_ONES = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def _terbilang(number: int) -> str:
    """A count in Indonesian words, as letters write it after the figure: 2 (dua), 15 (lima belas)."""
    if number < 12:
        return _ONES[number]
    if number < 20:
        return f"{_ONES[number - 10]} belas"
    if number < 100:
        tens, rest = divmod(number, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return head + (f" {_terbilang(rest)}" if rest else "")
    return str(number)


def _rupiah(amount: Decimal | int) -> str:
    # Indonesian groups thousands with a dot: Rp 1.250.000, kept on one line.
    return "Rp\u00a0" + f"{int(amount):,}".replace(",", ".")


def _render_html(
    template: str,
    request: InformationRequest,
    *,
    viewer,
    preview: bool = False,
    show_contact: bool | None = None,
    kind: str,
    raw_texts: dict[str, str],
    **context,
) -> str:
    """`preview` marks every page as not issued (see ppid.previews); `copy` marks a copy with the contacts
    left out. The contacts are shown only to a viewer the rule allows (or as issued, `show_contact`).
    `raw_texts` are the kind's editable texts (letters.templates_text), printed with this letter's values."""
    agency = request.agency
    if show_contact is None:
        show_contact = viewer is not None and rules.may_see_requester_contact(request, viewer)
    with translation.override("id"), timezone.override(agency.tzinfo):
        full = {
            "info_request": request,
            "agency": agency,
            "tz_label": agency.time_zone_label,
            "cuti_bersama_skipped": not agency.cuti_bersama_is_working_day,
            "preview": preview,
            "show_contact": show_contact,
            **context,
        }
        full["texts"] = render_texts(kind, raw_texts, placeholder_values(kind, full))
        return render_to_string(template, full)


def _day(value, fmt: str = "j F Y") -> str:
    """A date or an aware datetime as the letter prints it (in the agency's zone and in Indonesian)."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return formats.date_format(value, fmt)


def placeholder_values(kind: str, context: dict) -> dict[str, str]:
    """What each placeholder of `kind` prints in this letter (letters.templates_text.KINDS names them)."""
    request = context["info_request"]
    letter = context.get("letter")
    objection = context.get("objection")
    unit = letter.unit if letter is not None else getattr(request, "unit", None)
    values = {
        "nama_badan_publik": context["agency"].name,
        "nama_unit": unit.name if unit is not None else "",
        "nama_pemohon": request.requester_name,
        "nomor_registrasi": request.registration_number,
        "nomor_surat": letter.number if letter is not None else "-",
        "tanggal_surat": _day(letter.issued_at) if letter is not None else "-",
    }
    if objection is not None:
        values["nomor_keberatan"] = objection.registration_number
        if not objection.request_id:
            values["nomor_registrasi"] = "-"
    if kind == LetterKind.RECEIPT:
        values["tanggal_diterima"] = _day(request.received_at)
        values["batas_waktu"] = _day(context.get("due_date"), "l, j F Y")
    elif kind == LetterKind.EXTENSION:
        values["tanggal_diterima"] = _day(request.received_at)
        values["hari_perpanjangan"] = str(context["working_days"])
        values["batas_waktu_semula"] = _day(context.get("previous_due_date"), "l, j F Y")
        values["batas_waktu"] = _day(context.get("new_due_date"), "l, j F Y")
    elif kind == LetterKind.NOTICE:
        values["tanggal_diterima"] = _day(request.received_at)
        values["keputusan"] = str(context["response"].get_decision_display())
    elif kind == LetterKind.HANDOVER:
        response = context["response"]
        values["tanggal_penyerahan"] = _day(response.handed_over_on)
        values["nama_penerima"] = response.handover_received_by
        values["cara_penyerahan"] = str(response.get_handover_method_display()).lower()
    elif kind == LetterKind.OBJECTION_RECEIPT:
        values["tanggal_diterima"] = _day(objection.received_at)
        values["batas_waktu"] = _day(objection.due_date, "l, j F Y")
    elif kind == LetterKind.OBJECTION_DECISION:
        if objection.request_id:
            values["pokok_keberatan"] = f"permohonan informasi publik nomor {request.registration_number}"
        else:
            values["pokok_keberatan"] = "tidak disediakannya informasi berkala (Pasal 35 ayat 1 huruf b)"
        values["tanggapan"] = str(objection.get_outcome_display())
        values["jika_tidak_puas"] = (
            "Apabila perintah ini tidak dipenuhi atau Saudara tidak puas dengan tanggapan ini"
            if objection.outcome == "granted"
            else "Apabila Saudara tidak puas dengan tanggapan ini"
        )
        due = context.get("ki_filing_due")
        values["batas_waktu"] = _day(due, "l, j F Y")
        values["kalimat_batas_waktu"] = (
            f" Terhitung sejak tanggapan ini diterima pada {_day(context.get('ki_filing_from'))}, batas waktunya "
            f"{_day(due, 'l, j F Y')}."
            if due
            else ""
        )
    return values
