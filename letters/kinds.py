"""The kinds of official letters (naskah dinas) the system issues, with what each one is by the tata naskah
dinas: its subject line (hal), its nature (sifat) and which position signs it (issue 17 point 3). The codes are
API contract (`letters[].kind`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import PositionKind


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Tanda bukti penerimaan permohonan")
    EXTENSION = "extension", _("Pemberitahuan perpanjangan waktu")
    NOTICE = "notice", _("Pemberitahuan tertulis")
    OBJECTION_RECEIPT = "objection_receipt", _("Tanda terima keberatan")
    OBJECTION_DECISION = "objection_decision", _("Tanggapan atas keberatan")
    HANDOVER = "handover", _("Tanda bukti penyerahan informasi")


@dataclass(frozen=True)
class KindRules:
    subject: str  # hal, always in Indonesian: letters are official documents
    signed_by: str  # a PositionKind
    nature: str = "Biasa"  # sifat


RULES: dict[str, KindRules] = {
    LetterKind.RECEIPT: KindRules("Tanda Bukti Penerimaan Permohonan Informasi Publik", PositionKind.PPID),
    LetterKind.EXTENSION: KindRules("Pemberitahuan Perpanjangan Jangka Waktu", PositionKind.PPID),
    LetterKind.NOTICE: KindRules(
        "Pemberitahuan Tertulis atas Permohonan Informasi Publik", PositionKind.PPID
    ),
    # The PPID (of the Utama, which registers objections) gives the receipt; the Atasan answers the objection.
    LetterKind.OBJECTION_RECEIPT: KindRules("Tanda Terima Pengajuan Keberatan", PositionKind.PPID),
    LetterKind.OBJECTION_DECISION: KindRules("Tanggapan atas Keberatan", PositionKind.ATASAN),
    LetterKind.HANDOVER: KindRules("Tanda Bukti Penyerahan Informasi Publik", PositionKind.PPID),
}
