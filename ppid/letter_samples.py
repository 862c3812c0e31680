"""A sample letter of each kind, to preview an agency's letter texts before they are saved (issue 17 point 6).

The sample case is made of unsaved model instances with invented data (no requester's data is ever shown, and
nothing is written); the letter is an unsaved `IssuedLetter` with the agency's PPID Utama's kop and signatory as
`letter_issue` would take them, its number marked as a preview. The texts are checked as saving checks them
(ValidationError otherwise) and printed the way an issued letter prints them, on pages marked PRATINJAU."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.models import RequesterType
from agencies.models import Agency
from letters.kinds import RULES, LetterKind
from letters.letterhead import letterhead_for, signatory_for
from letters.models import IssuedLetter
from letters.rendering import html_to_pdf, letter_context
from letters.templates_text import clean_texts
from workcalendar.calendar import REQUESTER, compute_due_date

from .letters import _KINDS, _render_html
from .models import (
    Channel,
    Decision,
    DeliveryMethod,
    InformationRequest,
    Objection,
    ObjectionOutcome,
    ObtainMethod,
    RequestResponse,
)
from .windows import KI_FILING_DAYS

SAMPLE_NUMBER = "PRATINJAU"
# The sample objects are never saved; a primary key only makes them read as a case that has a request.
_SAMPLE_PK = 999_999_999


def _sample_request(agency: Agency, unit, actor, now: dt.datetime) -> InformationRequest:
    received = now - dt.timedelta(days=14)
    due = compute_due_date(start=received, working_days=10, agency=agency).due_date
    return InformationRequest(
        pk=_SAMPLE_PK,
        agency=agency,
        unit=unit,
        requester_type=RequesterType.INDIVIDUAL,
        requester_name="Nama Pemohon (contoh)",
        requester_address="Alamat pemohon (contoh)",
        requester_phone="0800000000",
        requester_email="pemohon@contoh.invalid",
        information_requested="Rincian informasi yang dibutuhkan (contoh)",
        purpose="Tujuan penggunaan informasi (contoh)",
        obtain_method=ObtainMethod.SOFTCOPY,
        delivery_method=DeliveryMethod.EMAIL,
        channel=Channel.ONLINE,
        received_at=received,
        submitted_by=actor,
        registration_number="CONTOH/0001",
        registration_year=received.year,
        registration_sequence=1,
        due_date=due,
        original_due_date=due,
        extended_at=now,
        extended_by=actor,
        extension_reason="Alasan perpanjangan (contoh)",
        deadline_log=[],
    )


def _sample_objection(
    agency: Agency, unit, actor, request: InformationRequest, now: dt.datetime
) -> Objection:
    received = now - dt.timedelta(days=7)
    return Objection(
        pk=_SAMPLE_PK,
        agency=agency,
        request=request,
        unit=unit,
        submitted_by=actor,
        channel=Channel.ONLINE,
        received_at=received,
        registration_number="KEB/CONTOH/0001",
        registration_year=received.year,
        registration_sequence=1,
        grounds=["c"],
        reason="Uraian keberatan (contoh)",
        due_date=compute_due_date(start=received, working_days=30, agency=agency).due_date,
        decided_at=now,
        decided_by=actor,
        outcome=ObjectionOutcome.UPHELD,
        reasons="Alasan tertulis Atasan PPID (contoh)",
    )


def render_template_preview(*, agency: Agency, kind: str, texts: dict[str, object], actor) -> bytes:
    """The PDF of a sample letter of `kind` printed with `texts` (not saved), marked PRATINJAU on every page."""
    cleaned = clean_texts(kind, texts)
    unit = agency.main_unit or agency.units.order_by("pk").first()
    now = timezone.now()
    request = _sample_request(agency, unit, actor, now)
    objection = _sample_objection(agency, unit, actor, request, now)
    rules = RULES[kind]
    letter = IssuedLetter(
        agency=agency,
        unit=unit,
        kind=kind,
        number=SAMPLE_NUMBER,
        year=now.year,
        sequence=0,
        subject=rules.subject,
        nature=rules.nature,
        issued_at=now,
        letterhead=letterhead_for(unit),
        signatory=signatory_for(unit, rules.signed_by, actor=actor),
    )
    template, identity, _context = _KINDS[kind]
    if kind == LetterKind.RECEIPT:
        extra: dict = {"working_days": 10, "due_date": request.original_due_date}
    elif kind == LetterKind.EXTENSION:
        new_due = compute_due_date(start=request.original_due_date, working_days=7, agency=agency).due_date
        extra = {"working_days": 7, "previous_due_date": request.original_due_date, "new_due_date": new_due}
    elif kind == LetterKind.NOTICE:
        response = RequestResponse(
            request=request,
            decision=Decision.GRANTED,
            provided_information="Materi informasi yang diberikan (contoh)",
            obtain_method=ObtainMethod.SOFTCOPY,
            delivery_method=DeliveryMethod.EMAIL,
            fee_amount=Decimal(0),
            responded_by=actor,
            responded_at=now,
        )
        extra = {"response": response, "grounds": [], "fee": "Rp\u00a00"}
    elif kind == LetterKind.HANDOVER:
        response = RequestResponse(
            request=request,
            decision=Decision.GRANTED,
            provided_information="Materi informasi yang diberikan (contoh)",
            fee_amount=Decimal(0),
            responded_by=actor,
            responded_at=now,
            handed_over_on=timezone.localdate(now, timezone=agency.tzinfo),
            handover_method=DeliveryMethod.PICKUP,
            handover_received_by="Nama Penerima (contoh)",
        )
        extra = {"response": response, "fee_items": [], "fee": "Rp\u00a00"}
    elif kind == LetterKind.OBJECTION_RECEIPT:
        extra = {"objection": objection}
    else:
        extra = _decision_context_sample(objection, agency)
    case = objection if kind in (LetterKind.OBJECTION_RECEIPT, LetterKind.OBJECTION_DECISION) else request
    html = _render_html(
        template,
        identity(case),
        viewer=None,
        show_contact=True,
        preview=True,
        kind=kind,
        raw_texts=cleaned,
        **letter_context(letter, preview=True),
        **extra,
    )
    return html_to_pdf(html)


def _decision_context_sample(objection: Objection, agency: Agency) -> dict:
    # As `_decision_context` words it, without the windows (they read the case's stored rows).
    received = timezone.localdate(objection.decided_at, timezone=agency.tzinfo)
    due = compute_due_date(
        start=received, working_days=KI_FILING_DAYS, agency=agency, party=REQUESTER
    ).due_date
    return {
        "objection": objection,
        "ki_filing_days": KI_FILING_DAYS,
        "ki_filing_due": due,
        "ki_filing_from": received,
    }
