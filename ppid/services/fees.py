"""Fees and handover of a granted request (issue 19 point 3): the officer records the payment of the fee the
written notice asked for (paid with its date and proof, or waived with a reason), and the handover of the
information, which issues the receipt of handover (`handover` letter, signed by the unit's PPID like the
notice). Checks in the house order: visibility (404), permission (403), state (409), payload (400)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agencies.uploads import inspect_upload, removes_files_it_wrote, store_file
from audit.services import audit_record
from letters.kinds import LetterKind
from letters.services import letter_issue
from workcalendar.calendar import WorkingCalendar

from .. import rules
from ..errors import InvalidTransition, PermissionDenied, ValidationError
from ..events import REQUEST_HANDOVER, REQUEST_PAYMENT
from ..models import Decision, DeliveryMethod, InformationRequest, PaymentStatus, RequestResponse
from .requests import _lock_visible

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from accounts.models import User

__all__ = ["information_request_record_handover", "information_request_record_payment"]

REASON_MAX_LENGTH = 2000
NAME_MAX_LENGTH = 255
_HANDOVER_DECISIONS = (Decision.GRANTED, Decision.PARTIALLY_GRANTED)


def _response_of(info_request: InformationRequest) -> RequestResponse | None:
    return RequestResponse.objects.select_for_update().filter(request=info_request).first()


def _check_officer(info_request: InformationRequest, actor: User, message: str) -> None:
    if not rules.is_handling_officer(info_request, actor):
        raise PermissionDenied(message)


@removes_files_it_wrote
def information_request_record_payment(
    *,
    request_id: int,
    actor: User,
    status: str,
    paid_on: dt.date | None = None,
    proof: UploadedFile[bytes] | None = None,
    waived_reason: str = "",
) -> InformationRequest:
    """Record the payment of the notice's fee: `paid` on a day not before the notice and not in the future
    (with an optional proof, a PDF, PNG or JPEG checked by content), `waived` with a reason, or back to
    `unpaid`. Only when the notice asks for a fee, and not after the information was handed over."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        _check_officer(
            info_request,
            actor,
            _("Hanya petugas yang menangani permohonan ini yang dapat mencatat pembayaran."),
        )
        response = _response_of(info_request)
        if response is None:
            raise InvalidTransition(_("Pemberitahuan tertulis belum diterbitkan."))
        if response.fee_amount <= 0 or response.payment_status == PaymentStatus.NONE:
            raise InvalidTransition(_("Pemberitahuan tertulis ini tidak memungut biaya."))
        if response.handed_over_on is not None:
            raise InvalidTransition(_("Informasi sudah diserahkan; pembayaran tidak dapat diubah lagi."))
        errors: dict[str, list[str]] = {}
        if status not in (PaymentStatus.UNPAID, PaymentStatus.PAID, PaymentStatus.WAIVED):
            raise ValidationError({"status": [_("Pilih status pembayaran.")]})
        waived_reason = (waived_reason or "").strip()
        calendar = WorkingCalendar(info_request.agency)
        noticed = calendar.local_date(response.responded_at)
        if status == PaymentStatus.PAID:
            if not isinstance(paid_on, dt.date):
                errors["paid_on"] = [_("Isi tanggal pembayaran (format TTTT-BB-HH).")]
            elif paid_on > calendar.local_date(timezone.now()):
                errors["paid_on"] = [_("Tanggal pembayaran tidak boleh di masa depan.")]
            elif paid_on < noticed:
                errors["paid_on"] = [
                    _("Pembayaran tidak mungkin sebelum pemberitahuan tertulis (%(date)s).")
                    % {"date": date_format(noticed, "j F Y")}
                ]
            if proof is not None:
                try:
                    inspect_upload(proof)
                except ValidationError as exc:
                    errors["proof"] = list(exc.messages)
        elif proof is not None:
            errors["proof"] = [_("Bukti pembayaran hanya untuk biaya yang sudah dibayar.")]
        if status == PaymentStatus.WAIVED and not waived_reason:
            errors["waived_reason"] = [_("Sebutkan alasan pembebasan biaya.")]
        elif len(waived_reason) > REASON_MAX_LENGTH:
            errors["waived_reason"] = [_("Alasan paling panjang 2000 karakter.")]
        if errors:
            raise ValidationError(errors)
        before = response.payment_status
        response.payment_status = status
        response.paid_on = paid_on if status == PaymentStatus.PAID else None
        response.waived_reason = waived_reason if status == PaymentStatus.WAIVED else ""
        if status != PaymentStatus.PAID:
            response.payment_proof = None
        elif proof is not None:
            store_file(response, "payment_proof", proof)
        response.save(update_fields=["payment_status", "paid_on", "waived_reason", "payment_proof"])
        audit_record(
            actor=actor,
            obj=info_request,
            agency=info_request.agency,
            action=REQUEST_PAYMENT,
            reason=waived_reason,
            details={
                "before": before,
                "after": status,
                "paid_on": response.paid_on.isoformat() if response.paid_on else None,
                "proof": bool(response.payment_proof),
            },
        )
    return info_request


def information_request_record_handover(
    *,
    request_id: int,
    actor: User,
    handed_over_on: dt.date | None,
    method: str,
    received_by: str,
) -> InformationRequest:
    """Record that the information of a granted or partly granted notice was handed over (on a day not before
    the notice and not in the future, how, to whom) and issue the receipt of handover. Refused while the fee is
    unpaid (paid or waived first), and once it was recorded."""
    with transaction.atomic():
        info_request = _lock_visible(request_id, actor)
        _check_officer(
            info_request,
            actor,
            _("Hanya petugas yang menangani permohonan ini yang dapat mencatat penyerahan informasi."),
        )
        response = _response_of(info_request)
        if response is None or response.decision not in _HANDOVER_DECISIONS:
            raise InvalidTransition(
                _(
                    "Penyerahan informasi hanya dicatat setelah pemberitahuan tertulis yang memberikan informasi."
                )
            )
        if response.handed_over_on is not None:
            raise InvalidTransition(_("Penyerahan informasi sudah dicatat."))
        if response.payment_status == PaymentStatus.UNPAID:
            raise InvalidTransition(
                _(
                    "Biaya belum dibayar: catat pembayaran atau pembebasan biaya sebelum menyerahkan informasi."
                )
            )
        calendar = WorkingCalendar(info_request.agency)
        noticed = calendar.local_date(response.responded_at)
        errors: dict[str, list[str]] = {}
        if not isinstance(handed_over_on, dt.date):
            errors["handed_over_on"] = [_("Isi tanggal penyerahan (format TTTT-BB-HH).")]
        elif handed_over_on > calendar.local_date(timezone.now()):
            errors["handed_over_on"] = [_("Tanggal penyerahan tidak boleh di masa depan.")]
        elif handed_over_on < noticed:
            errors["handed_over_on"] = [
                _("Penyerahan tidak mungkin sebelum pemberitahuan tertulis (%(date)s).")
                % {"date": date_format(noticed, "j F Y")}
            ]
        if method not in DeliveryMethod.values:
            errors["method"] = [_("Pilih cara penyerahan.")]
        received_by = (received_by or "").strip()
        if not received_by:
            errors["received_by"] = [_("Sebutkan nama penerima informasi.")]
        elif len(received_by) > NAME_MAX_LENGTH:
            errors["received_by"] = [_("Nama paling panjang 255 karakter.")]
        if errors:
            raise ValidationError(errors)
        response.handed_over_on = handed_over_on
        response.handover_method = method
        response.handover_received_by = received_by
        response.save(update_fields=["handed_over_on", "handover_method", "handover_received_by"])
        audit_record(
            actor=actor,
            obj=info_request,
            agency=info_request.agency,
            action=REQUEST_HANDOVER,
            details={
                "handed_over_on": handed_over_on.isoformat() if handed_over_on else None,
                "method": method,
            },
        )
        letter_issue(
            kind=LetterKind.HANDOVER,
            case=info_request,
            unit=info_request.unit,
            prepared_by=actor,
            recipient=info_request.requester_name,
        )
    return info_request
