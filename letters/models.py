"""Issued letters (naskah dinas, issue 17): each one numbered in its unit's series, with the letterhead and the
signatory it was issued with, kept as the exact PDF that was sent, its SHA-256 and a public verification code.
The case is known by content type and id, as audit knows objects: letters sits below the case apps."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.numbering import NUMBER_MAX_LENGTH

from .kinds import LetterKind

# Verification codes: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 60 bits: not
# guessable, short enough to type from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def letter_path(instance, filename: str) -> str:
    return f"letters/{instance.issued_at:%Y}/{uuid.uuid4().hex}.pdf"


class IssuedLetter(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("badan publik"), on_delete=models.PROTECT)
    unit = models.ForeignKey(
        "agencies.Unit", verbose_name=_("unit penerbit"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("jenis surat"), max_length=32, choices=LetterKind.choices)
    number = models.CharField(_("nomor surat"), max_length=NUMBER_MAX_LENGTH)
    classification = models.CharField(_("kode klasifikasi"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    subject = models.CharField(_("hal"), max_length=200)
    nature = models.CharField(_("sifat"), max_length=40, default="Biasa")
    issued_at = models.DateTimeField(_("tanggal surat"), default=timezone.now)
    # Nobody for a letter the system makes by itself (the receipt of an online filing).
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disiapkan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What the letter prints, as it was when issued: a later change of kop or position holder changes no letter.
    letterhead = models.JSONField(default=dict)
    signatory = models.JSONField(default=dict)
    # The recipient's name for the SRIKANDI metadata (personal data: never on the verification page or the API's
    # public answer).
    recipient = models.CharField(max_length=300, blank=True)
    template_version = models.ForeignKey(
        "letters.LetterTemplate", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    code = models.CharField(_("kode verifikasi"), max_length=CODE_LENGTH, unique=True, default=new_code)
    pdf = models.FileField(upload_to=letter_path, max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    signed = models.BooleanField(_("ditandatangani secara elektronik"), default=False)
    signer_name = models.CharField(max_length=300, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("surat terbit")
        verbose_name_plural = _("surat terbit")
        ordering = ["issued_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "issued_at"])]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "sequence"], name="letter_number_unique_in_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def get_verification_url(self) -> str:
        return reverse("frontend:letter_verify", args=[self.code])

    @property
    def absolute_verification_url(self) -> str:
        return settings.SITE_URL.rstrip("/") + self.get_verification_url()


class LetterTemplate(models.Model):
    """One version of an agency's fixed texts of one letter kind (issue 17 point 6). The newest version is in
    force; every letter records the version it used."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="letter_templates")
    kind = models.CharField(_("jenis surat"), max_length=32, choices=LetterKind.choices)
    version = models.PositiveIntegerField()
    texts = models.JSONField(default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("templat surat")
        verbose_name_plural = _("templat surat")
        ordering = ["agency", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "version"], name="letter_template_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"
