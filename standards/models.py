"""The agency's standar layanan informasi publik (issue 19 point 1; Perki 1/2021): one draft per agency, kept as
structured fields (never free HTML), and the published versions, each a numbered, kept snapshot of the draft
with who published it and when. The public reads the latest published version only.

The deadlines the maklumat states are not stored: they are rendered from the agency's settings and the engine's
constants each time (`standards.selectors.maklumat_deadlines`), so the text never contradicts the behaviour."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency


class SopKind(models.TextChoices):
    REQUEST = "permohonan", _("SOP pelayanan permohonan informasi publik")
    OBJECTION = "keberatan", _("SOP penanganan keberatan")
    DISPUTE = "sengketa", _("SOP penanganan sengketa informasi publik")
    DOCUMENTATION = "pendokumentasian", _("SOP pendokumentasian informasi publik")
    CONSEQUENCE_TEST = "uji_konsekuensi", _("SOP uji konsekuensi")


def standard_file_path(instance: StandardFile, filename: str) -> str:
    # Never the uploader's file name on disk.
    return f"standards/{instance.agency_id}/{uuid.uuid4().hex}"


class StandardFile(models.Model):
    """An uploaded file of a standard (an SOP, the PPID's structure chart or SK), checked by content and kept
    under PRIVATE_MEDIA_ROOT. Never changed or removed: a published version refers to it by id."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=standard_file_path, max_length=255)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class ServiceStandard(models.Model):
    """The agency's draft standard: what the next publication will publish."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="service_standard")
    # The maklumat pelayanan.
    promise = models.TextField(_("janji layanan (maklumat)"), blank=True)
    signatory_name = models.CharField(_("nama pimpinan badan publik"), max_length=200, blank=True)
    signatory_position = models.CharField(_("jabatan pimpinan"), max_length=200, blank=True)
    place = models.CharField(_("tempat penetapan"), max_length=100, blank=True)
    signed_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    # Schedule and channels.
    service_days = models.CharField(_("hari layanan"), max_length=200, blank=True)
    service_hours = models.CharField(_("jam layanan"), max_length=200, blank=True)
    desk_address = models.TextField(_("alamat meja layanan"), blank=True)
    online_channels = models.TextField(
        _("saluran daring"),
        blank=True,
        help_text=_("Satu saluran per baris, mis. situs web, e-mail, WhatsApp."),
    )
    # The PPID.
    ppid_profile = models.TextField(_("profil PPID"), blank=True)
    ppid_structure = models.TextField(_("struktur PPID"), blank=True)
    structure_chart = models.ForeignKey(
        StandardFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ppid_sk_number = models.CharField(_("nomor SK PPID"), max_length=100, blank=True)
    ppid_sk_date = models.DateField(_("tanggal SK PPID"), null=True, blank=True)
    ppid_sk_file = models.ForeignKey(
        StandardFile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("standar layanan")
        verbose_name_plural = _("standar layanan")

    def __str__(self) -> str:
        return str(self.agency)


class FeeItem(models.Model):
    """A row of the fee schedule (draft)."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="fees")
    name = models.CharField(_("jenis layanan"), max_length=200)
    unit = models.CharField(_("satuan"), max_length=100)
    amount = models.PositiveIntegerField(_("biaya (Rp)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class SopDocument(models.Model):
    """The draft's SOP of one kind: the PDF and its SK."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="sops")
    kind = models.CharField(max_length=30, choices=SopKind.choices)
    sk_number = models.CharField(_("nomor SK"), max_length=100)
    sk_date = models.DateField(_("tanggal SK"))
    file = models.ForeignKey(StandardFile, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["standard", "kind"], name="standards_one_sop_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sk_number}"


def audio_path(instance: StandardVersion, filename: str) -> str:
    return f"standards/{instance.standard.agency_id}/audio/{uuid.uuid4().hex}.wav"


class StandardVersion(models.Model):
    """A publication: the draft as it was, numbered 1, 2, ... per agency; append-only. `audio` is the maklumat
    read aloud, generated on first request and kept while the text it was made from (`audio_sha256`, of the
    text with the deadlines of the settings at the time) stays the same."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    audio = models.FileField(upload_to=audio_path, max_length=255, blank=True)
    audio_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "number"], name="standards_one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.standard_id} v{self.number}"


class EvidenceKind(models.TextChoices):
    """What the system holds that can back an SAQ item (standards.emonev.PROVIDERS maps each to a PDF)."""

    ANNUAL_REPORT = "annual_report", _("Laporan tahunan layanan informasi publik")
    REQUEST_REGISTER = "request_register", _("Buku register permohonan informasi")
    OBJECTION_REGISTER = "objection_register", _("Buku register keberatan")
    DIP_LIST = "dip_list", _("Daftar Informasi Publik")
    DIP_SK = "dip_sk", _("SK penetapan DIP")
    DIK_LIST = "dik_list", _("Daftar informasi yang dikecualikan")
    MAKLUMAT = "maklumat", _("Maklumat pelayanan informasi publik")
    SOP = "sop", _("SOP layanan informasi publik")
    SKM = "skm", _("Hasil survei kepuasan masyarakat (IKM)")
    STATISTICS = "statistics", _("Statistik layanan informasi publik")
    PAGE_REGISTER = "page_register", _("Tampilan halaman publik daftar informasi")
    PAGE_MAKLUMAT = "page_maklumat", _("Tampilan halaman publik maklumat")


class SaqYear(models.Model):
    """One year's e-Monev self-assessment questionnaire (SAQ); the administrator edits it each year."""

    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("SAQ e-Monev")
        verbose_name_plural = _("SAQ e-Monev")

    def __str__(self) -> str:
        return str(self.year)


class SaqIndicator(models.Model):
    """An aspect of the SAQ; the weights of a year add up to 100."""

    saq = models.ForeignKey(SaqYear, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("kode"), max_length=20)
    title = models.CharField(_("indikator"), max_length=300)
    weight = models.DecimalField(_("bobot (%)"), max_digits=5, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["saq", "code"], name="standards_one_indicator_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class SaqItem(models.Model):
    """A question of an indicator, answered by the evidence of one kind."""

    indicator = models.ForeignKey(SaqIndicator, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("kode"), max_length=20)
    text = models.CharField(_("pertanyaan"), max_length=500)
    evidence = models.CharField(_("data dukung"), max_length=30, choices=EvidenceKind.choices)
    max_score = models.PositiveSmallIntegerField(_("skor maksimal"), default=1)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class SubmissionWhat(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("Laporan tahunan")
    EVIDENCE_PACK = "evidence_pack", _("Data dukung e-Monev")


class SubmissionChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PORTAL = "portal", _("Portal e-Monev")
    LETTER = "letter", _("Surat")


def submission_path(instance: KiSubmission, filename: str) -> str:
    return f"standards/{instance.agency_id}/ki/{uuid.uuid4().hex}"


class KiSubmission(models.Model):
    """When and how the annual report or the evidence pack was sent to the Komisi Informasi (append-only)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("tahun"))
    what = models.CharField(_("yang dikirim"), max_length=20, choices=SubmissionWhat.choices)
    sent_on = models.DateField(_("tanggal kirim"))
    channel = models.CharField(_("cara kirim"), max_length=10, choices=SubmissionChannel.choices)
    reference = models.CharField(_("nomor/referensi"), max_length=200, blank=True)
    file = models.FileField(upload_to=submission_path, max_length=255, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.what}"
