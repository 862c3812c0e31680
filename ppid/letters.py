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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from . import rules
from .models import ExemptionGround, InformationRequest, Objection, RequestResponse
from .services import EXTENSION_WORKING_DAYS, NOTICE_WORKING_DAYS
from .windows import KI_FILING_DAYS, dispute_windows


def render_receipt(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Tanda bukti penerimaan permohonan (UU 14/2008 Pasal 22 ayat 4)."""
    return _render_pdf(
        "ppid/letters/receipt.html",
        request,
        working_days=NOTICE_WORKING_DAYS,
        due_date=request.original_due_date,
        viewer=viewer,
        preview=preview,
    )


def render_extension_letter(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Pemberitahuan perpanjangan waktu (UU 14/2008 Pasal 22 ayat 8). ValueError if it was not extended."""
    if not request.extended:
        raise ValueError(f"Request {request.registration_number} was not extended.")
    # The letter states the deadline as decided at the extension, even if a later pause moved it again.
    step = next((s for s in request.deadline_log if s.get("step") == "extension"), {})
    previous = dt.date.fromisoformat(step["start"]) if "start" in step else request.original_due_date
    new = dt.date.fromisoformat(step["due_date"]) if "due_date" in step else request.due_date
    return _render_pdf(
        "ppid/letters/extension.html",
        request,
        working_days=EXTENSION_WORKING_DAYS,
        previous_due_date=previous,
        new_due_date=new,
        viewer=viewer,
        preview=preview,
    )


def render_notice(request: InformationRequest, *, viewer=None, preview: bool = False) -> bytes:
    """Pemberitahuan tertulis (UU 14/2008 Pasal 22 ayat 7). ValueError if there is no response yet."""
    try:
        response = request.response
    except RequestResponse.DoesNotExist:
        raise ValueError(f"Request {request.registration_number} has no written notice yet.") from None
    return _render_pdf(
        "ppid/letters/notice.html",
        request,
        response=response,
        grounds=[_Ground(letter) for letter in response.exemption_grounds],
        fee=_rupiah(response.fee_amount),
        viewer=viewer,
        preview=preview,
    )


def render_objection_decision(objection: Objection, *, viewer=None, preview: bool = False) -> bytes:
    """Tanggapan Atasan PPID atas keberatan (UU 14/2008 Pasal 36). ValueError if it was not decided yet."""
    if objection.decided_at is None:
        raise ValueError(f"Objection {objection.registration_number} has not been decided yet.")
    # The letter names the last day to go to the Komisi Informasi if the response is received on its date.
    ki_filing = next((w for w in dispute_windows(objection) if w.key == "ki_filing"), None)
    return _render_pdf(
        "ppid/letters/objection_decision.html",
        objection.identity,
        objection=objection,
        ki_filing_days=KI_FILING_DAYS,
        ki_filing_due=ki_filing.due_date if ki_filing else None,
        viewer=viewer,
        ki_filing_from=ki_filing.start if ki_filing else None,
        preview=preview,
    )


def render_objection_receipt(objection: Objection, *, viewer=None, preview: bool = False) -> bytes:
    """Tanda terima keberatan: registration number, request number, identity, grounds, the Atasan's due date
    and the rights that follow (UU 14/2008 Pasal 35-37)."""
    return _render_pdf(
        "ppid/letters/objection_receipt.html",
        objection.identity,
        viewer=viewer,
        objection=objection,
        preview=preview,
    )


@dataclass(frozen=True)
class _Ground:
    """One Pasal 17 ground; the text is read at render time, so under the letter's locale."""

    letter: str

    @property
    def text(self) -> str:
        # The choice label reads "h. mengungkap rahasia pribadi"; the letter is printed on its own.
        return str(ExemptionGround(self.letter).label).removeprefix(f"{self.letter}. ")


def _rupiah(amount: Decimal | int) -> str:
    # Indonesian groups thousands with a dot: Rp 1.250.000, kept on one line.
    return "Rp\u00a0" + f"{int(amount):,}".replace(",", ".")


def _render_pdf(
    template: str, request: InformationRequest, *, viewer, preview: bool = False, **context
) -> bytes:
    """`preview` marks every page as not issued (see ppid.previews). The contacts are shown only to a viewer
    the rule allows."""
    agency = request.agency
    show_contact = viewer is not None and rules.may_see_requester_contact(request, viewer)
    with translation.override("id"), timezone.override(agency.tzinfo):
        html = render_to_string(
            template,
            {
                "info_request": request,
                "agency": agency,
                "tz_label": agency.time_zone_label,
                "cuti_bersama_skipped": not agency.cuti_bersama_is_working_day,
                "preview": preview,
                "show_contact": show_contact,
                **context,
            },
        )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
