"""Issuing letters (issue 17). `letter_issue` runs inside the case service's transaction: it takes the next
number of the issuing unit's series (a counter row locked until commit, so numbers are gapless per unit and
year), snapshots the kop and the signatory, records `letter.issued` on the case (its timeline shows the number)
and queues the rendering in the outbox. The worker renders, signs and stores the PDF once
(`letter_render`); whoever asks for the PDF before that gets it rendered then, under the letter's row lock, so
it is made exactly once and every copy is byte-identical to the one stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from agencies.models import Agency, Unit
from agencies.numbering import issue_number
from agencies.selectors import administers
from audit.services import audit_record
from notifications.outbox import outbox_add

from . import events
from .kinds import RULES
from .letterhead import letterhead_for, signatory_for
from .models import IssuedLetter, LetterTemplate
from .rendering import html_to_pdf, renderer_for
from .signing import SignResult, get_signer
from .templates_text import clean_texts, default_texts, kind_texts

log = logging.getLogger(__name__)
RENDER_AFTER = dt.timedelta(seconds=5)
REASON_MAX_LENGTH = 500


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
        letterhead=letterhead_for(unit, embed_logo=False),
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
        signing = signer.will_sign(letter)
        html = render_html(letter, viewer=None, preview=False, signing=signing)
        try:
            result = signer.sign(html_to_pdf(html), letter=letter)
        except Exception:  # noqa: BLE001 - a failing signer (a broken key, a remote TTE timing out) never stops a letter
            if not signing:
                raise
            log.exception("signing letter %s failed; it is issued unsigned and says so", letter.pk)
            unsigned = render_html(letter, viewer=None, preview=False, signing=False)
            result = SignResult(html_to_pdf(unsigned), signed=False)
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


# -- templates per agency (issue 17 point 6) -------------------------------------------------------------------


def letter_template_texts(letter: IssuedLetter) -> dict[str, str]:
    """The texts `letter` prints: those of the template version it recorded at issue, else the built-in
    defaults. A later version changes no letter issued before it."""
    defaults = default_texts(letter.kind)
    version = letter.template_version
    if version is None:
        return defaults
    return {
        **defaults,
        **{k: v for k, v in (version.texts or {}).items() if k in defaults and isinstance(v, str)},
    }


def template_texts_in_force(agency: Agency, kind: str) -> dict[str, str]:
    """The texts the next letter of `kind` will print."""
    version = current_template(agency, kind)
    defaults = default_texts(kind)
    if version is None:
        return defaults
    return {
        **defaults,
        **{k: v for k, v in (version.texts or {}).items() if k in defaults and isinstance(v, str)},
    }


def letter_template_save(
    *, agency: Agency, kind: str, texts: dict[str, object], actor: User, reason: str
) -> LetterTemplate:
    """Store the agency's texts of `kind` as its next version (1 for the first). Agency administrators only
    (else PermissionDenied); the texts must keep what the law requires (else ValidationError, nothing stored)."""
    if not administers(actor, agency):
        raise PermissionDenied(_("Hanya administrator badan publik yang dapat mengubah templat surat."))
    kind_texts(kind)
    reason = (reason or "").strip()
    errors: dict[str, list[str]] = {}
    if not reason:
        errors["reason"] = [_("Tuliskan alasan perubahan.")]
    elif len(reason) > REASON_MAX_LENGTH:
        errors["reason"] = [_("Alasan paling panjang %(max)d karakter.") % {"max": REASON_MAX_LENGTH}]
    try:
        cleaned = clean_texts(kind, texts)
    except ValidationError as exc:
        if not errors:
            raise
        raise ValidationError({**errors, **exc.message_dict}) from exc
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        # The agency's row orders concurrent saves: each one reads the version the previous one wrote.
        Agency.objects.select_for_update().filter(pk=agency.pk).first()
        in_force = template_texts_in_force(agency, kind)
        if cleaned == in_force:
            raise ValidationError(_("Teks sama dengan yang berlaku sekarang; tidak ada yang disimpan."))
        previous = current_template(agency, kind)
        template = LetterTemplate.objects.create(
            agency=agency,
            kind=kind,
            version=(previous.version if previous else 0) + 1,
            texts=cleaned,
            created_by=actor,
            reason=reason,
        )
        audit_record(
            actor=actor,
            obj=template,
            agency=agency,
            action=events.LETTER_TEMPLATE_SAVED,
            reason=reason,
            details={
                "kind": kind,
                "version": template.version,
                "changed": sorted(k for k in cleaned if cleaned[k] != in_force.get(k)),
            },
        )
    return template


def template_versions(agency: Agency, kind: str) -> list[LetterTemplate]:
    return list(
        LetterTemplate.objects.filter(agency=agency, kind=kind)
        .select_related("created_by")
        .order_by("-version")
    )
