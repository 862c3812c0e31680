"""Issuing letters (issue 17). `letter_issue` runs inside the case service's transaction: it takes the next
number of the issuing unit's series (a counter row locked until commit, so numbers are gapless per unit and
year), snapshots the kop and the signatory, records `letter.issued` on the case (its timeline shows the number)
and queues the rendering in the outbox. The worker renders, signs and stores the PDF once
(`letter_render`); whoever asks for the PDF before that gets it rendered then, under the letter's row lock, so
it is made exactly once and every copy is byte-identical to the one stored."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency, Unit
from agencies.numbering import issue_number
from audit.services import audit_record
from notifications.outbox import outbox_add

from . import events
from .kinds import RULES
from .letterhead import letterhead_for, signatory_for
from .models import IssuedLetter, LetterTemplate
from .rendering import html_to_pdf, renderer_for
from .signing import get_signer

RENDER_AFTER = dt.timedelta(seconds=5)


def series_for(unit: Unit) -> str:
    return f"letter.{unit.pk}"


def current_template(agency: Agency, kind: str) -> LetterTemplate | None:
    return LetterTemplate.objects.filter(agency=agency, kind=kind).order_by("-version").first()


def letter_issue(
    *,
    kind: str,
    case: models.Model,
    unit: Unit,
    prepared_by: User | None,
    approver: User | None = None,
    signer_title: str = "",
    recipient: str = "",
    at: dt.datetime | None = None,
) -> IssuedLetter:
    """Issue one letter of `kind` for `case` from `unit`. Call inside the case service's transaction.
    `approver` signs (approval before issue; the receiving officer of a desk receipt with `signer_title`)."""
    rules = RULES[kind]
    agency = unit.agency
    at = at or timezone.now()
    klasifikasi = str((agency.letter_classification_codes or {}).get(kind, "")).strip()
    number, year, seq = issue_number(
        agency=agency,
        series=series_for(unit),
        fmt=agency.letter_number_format,
        at=at,
        unit_code=unit.code,
        klasifikasi=klasifikasi,
    )
    letter = IssuedLetter.objects.create(
        content_type=ContentType.objects.get_for_model(case),
        object_id=case.pk,
        agency=agency,
        unit=unit,
        kind=kind,
        number=number,
        classification=klasifikasi,
        year=year,
        sequence=seq,
        subject=rules.subject,
        nature=rules.nature,
        issued_at=at,
        prepared_by=prepared_by,
        letterhead=letterhead_for(unit),
        signatory=signatory_for(
            unit, rules.signed_by, approver=approver, actor=prepared_by, title=signer_title
        ),
        recipient=recipient[:300],
        template_version=current_template(agency, kind),
    )
    audit_record(
        actor=prepared_by,
        obj=case,
        agency=agency,
        action=events.LETTER_ISSUED,
        details={"letter": letter.pk, "kind": kind, "number": number, "code": letter.code},
    )
    # Rendered by the next periodic drain (or at once by whoever asks for the PDF first): never on the request.
    outbox_add(kind=events.OUTBOX_RENDER, payloads=[{"letter": letter.pk}], after=RENDER_AFTER)
    return letter


def letters_of(case: models.Model) -> list[IssuedLetter]:
    return list(
        IssuedLetter.objects.filter(
            content_type=ContentType.objects.get_for_model(case), object_id=case.pk
        ).order_by("issued_at", "pk")
    )


def letter_of(case: models.Model, kind: str) -> IssuedLetter | None:
    """The newest letter of `kind` for the case (inside a preview's transaction, the one just issued)."""
    return (
        IssuedLetter.objects.filter(
            content_type=ContentType.objects.get_for_model(case), object_id=case.pk, kind=kind
        )
        .order_by("-issued_at", "-pk")
        .first()
    )


def render_html(letter: IssuedLetter, **options: Any) -> str:
    return renderer_for(letter.kind)(letter, **options)


def letter_render(letter_id: int) -> IssuedLetter:
    """Render, sign and store the PDF of an issued letter, once. Safe to call any number of times, from any
    process: the row is locked while it is made, and a stored PDF is never made again."""
    with transaction.atomic():
        letter = IssuedLetter.objects.select_for_update().get(pk=letter_id)
        if letter.pdf:
            return letter
        signer = get_signer()
        html = render_html(letter, viewer=None, preview=False, signing=signer.will_sign(letter))
        result = signer.sign(html_to_pdf(html), letter=letter)
        letter.sha256 = hashlib.sha256(result.pdf).hexdigest()
        letter.signed = result.signed
        letter.signer_name = result.signer_name[:300]
        letter.rendered_at = timezone.now()
        letter.pdf.save(letter_file_name(letter), ContentFile(result.pdf), save=False)
        letter.save(update_fields=["sha256", "signed", "signer_name", "rendered_at", "pdf"])
        return letter


def letter_pdf(letter: IssuedLetter) -> bytes:
    """The issued PDF, byte for byte (rendered now if the worker has not done it yet)."""
    if not letter.pdf:
        letter = letter_render(letter.pk)
    with letter.pdf.open("rb") as fh:
        data: bytes = fh.read()
    return data


def letter_file_name(letter: IssuedLetter) -> str:
    import re

    number = re.sub(r"[^A-Za-z0-9]+", "-", letter.number).strip("-") or str(letter.pk)
    return f"{letter.kind.replace('_', '-')}-{number}.pdf"


def outbox_render_letter(payload: dict[str, Any]) -> None:
    letter_render(int(payload["letter"]))


def letter_by_code(code: str) -> IssuedLetter | None:
    code = (code or "").strip().upper()
    if not code or len(code) > 32:
        return None
    return IssuedLetter.objects.select_related("unit", "agency").filter(code=code).first()


def letter_matches(letter: IssuedLetter, data: bytes) -> bool:
    """Whether `data` is byte-identical to the issued PDF."""
    if not letter.sha256:
        letter = letter_render(letter.pk)
    return hashlib.sha256(data).hexdigest() == letter.sha256
