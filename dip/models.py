"""The register of public information (issue 18): the Daftar Informasi Publik (DIP) and the Daftar Informasi yang
Dikecualikan (DIK), UU 14/2008 Pasal 9-11 and 17-20, Perki 1/2010 Lampiran II as used under Perki 1/2021.

A `DipItem` is one entry of a unit's part of the DIP. Its content fields are what the public reads once it is
published; a change to a published item waits in `pending` (a revision) until the PPID Utama publishes it, so a
published item is never silently edited. Every save and publication is a `DipVersion` (what changed, who, when).
Codes (categories, formats, states, grounds) are API contract."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    BERKALA = "berkala", _("Informasi berkala")
    SERTA_MERTA = "serta_merta", _("Informasi serta merta")
    SETIAP_SAAT = "setiap_saat", _("Informasi tersedia setiap saat")


class Format(models.TextChoices):
    SOFTCOPY = "softcopy", _("Softcopy")
    HARDCOPY = "hardcopy", _("Hardcopy")


class ItemState(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Diumumkan")
    WITHDRAWN = "withdrawn", _("Ditarik")


# The content fields of an item: what a version records and a revision may change (documents apart).
CONTENT_FIELDS = (
    "title",
    "summary",
    "category",
    "responsible",
    "made_on",
    "made_at",
    "format",
    "retention",
    "tags",
    "year",
    "update_interval_months",
)

# Informasi berkala: at least every six months (UU 14/2008 Pasal 9(4)); an item may ask for less.
MAX_UPDATE_INTERVAL_MONTHS = 6


class DipItem(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="dip_items")
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit yang menguasai"),
        on_delete=models.PROTECT,
        related_name="dip_items",
    )
    state = models.CharField(_("status"), max_length=16, choices=ItemState.choices, default=ItemState.DRAFT)

    title = models.CharField(_("judul informasi"), max_length=300)
    summary = models.TextField(_("ringkasan isi informasi"))
    category = models.CharField(_("kategori"), max_length=16, choices=Category.choices)
    responsible = models.CharField(
        _("pejabat yang bertanggung jawab atas pembuatan"),
        max_length=255,
        help_text=_("Jabatan yang bertanggung jawab atas pembuatan atau penerbitan informasi."),
    )
    made_on = models.DateField(_("waktu pembuatan"), null=True, blank=True)
    made_at = models.CharField(_("tempat pembuatan"), max_length=200, blank=True)
    format = models.CharField(_("bentuk informasi"), max_length=16, choices=Format.choices)
    retention = models.CharField(
        _("jangka waktu penyimpanan (retensi arsip)"), max_length=200, help_text=_("Mis. 5 tahun.")
    )
    tags = models.JSONField(_("kata kunci"), default=list, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun informasi"), null=True, blank=True)
    update_interval_months = models.PositiveSmallIntegerField(
        _("diperbarui setiap (bulan)"), default=MAX_UPDATE_INTERVAL_MONTHS
    )

    # Informasi berkala: when the holding unit must have updated it next (published or last updated + interval).
    next_update_due = models.DateField(_("pembaruan berikutnya paling lambat"), null=True, blank=True)
    # A change to a published item, waiting for the PPID Utama: {field: value}, documents apart.
    pending = models.JSONField(null=True, blank=True, editable=False)
    pending_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    pending_at = models.DateTimeField(null=True, blank=True)
    review_requested_at = models.DateTimeField(null=True, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # First publication, and the last change the public saw (a publication of a revision, a withdrawal).
    published_at = models.DateTimeField(_("diumumkan pada"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("diperbarui pada"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdraw_reason = models.TextField(_("alasan penarikan"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)
    # The words full text searches (dip.search), kept by a PostgreSQL trigger (migration 0002_search) from the
    # title, tags and summary; whatever is written here is replaced. Always empty on SQLite.
    search_document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("informasi publik (DIP)")
        verbose_name_plural = _("daftar informasi publik")
        ordering = ["agency", "category", "title", "id"]
        indexes = [
            models.Index(fields=["agency", "state", "category"], name="dip_agency_state_idx"),
            models.Index(fields=["unit", "state"], name="dip_unit_state_idx"),
            models.Index(fields=["state", "next_update_due"], name="dip_next_update_idx"),
            models.Index(fields=["state", "updated_at"], name="dip_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("frontend:dip_item", args=[self.agency.slug, self.pk])

    @property
    def is_public(self) -> bool:
        return self.state == ItemState.PUBLISHED

    def content(self) -> dict:
        """The content fields as JSON-ready values (a version's snapshot, a revision's base)."""
        return {
            name: (value.isoformat() if hasattr(value, "isoformat") else value)
            for name in CONTENT_FIELDS
            for value in [getattr(self, name)]
        }


def dip_document_path(instance: DipDocument, filename: str) -> str:
    # Never the uploader's file name on disk.
    return f"dip/{instance.item.public_id}/{uuid.uuid4().hex}"


class DipDocument(models.Model):
    """A document of an item: an uploaded file (checked by content, kept under PRIVATE_MEDIA_ROOT and served by a
    view that checks the item is public) or a link. Added to a published item, it waits for the next publication
    (`published` False); removed from one, it goes at the next (`remove_pending`)."""

    item = models.ForeignKey(DipItem, on_delete=models.PROTECT, related_name="documents")
    name = models.CharField(_("nama dokumen"), max_length=255)
    file = models.FileField(upload_to=dip_document_path, max_length=255, blank=True)
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    published = models.BooleanField(default=False)
    remove_pending = models.BooleanField(default=False)
    removed_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(file="") & models.Q(url="")) | (models.Q(file="") & ~models.Q(url="")),
                name="dip_document_file_or_link",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_link(self) -> bool:
        return bool(self.url)

    @property
    def is_public(self) -> bool:
        return self.published and self.removed_at is None and self.item.is_public


class VersionAction(models.TextChoices):
    CREATED = "created", _("Draf dibuat")
    SAVED = "saved", _("Draf diubah")
    PROPOSED = "proposed", _("Perubahan diajukan")
    PUBLISHED = "published", _("Diumumkan")
    WITHDRAWN = "withdrawn", _("Ditarik")


class DipVersion(models.Model):
    """One step of an item's history, append-only: the content as it stood, the fields that changed, who, when."""

    item = models.ForeignKey(DipItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=16, choices=VersionAction.choices)
    data = models.JSONField()
    documents = models.JSONField(default=list)
    changed = models.JSONField(default=list)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["item", "number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="dip_version_unique")]

    def __str__(self) -> str:
        return f"{self.item} · v{self.number}"


def establishment_path(instance: DipEstablishment, filename: str) -> str:
    return f"dip/sk/{instance.agency.slug}/{uuid.uuid4().hex}"


class DipEstablishment(models.Model):
    """The SK penetapan that establishes the agency's DIP as a whole; the latest is in force."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="dip_establishments")
    number = models.CharField(_("nomor SK"), max_length=200)
    decided_on = models.DateField(_("tanggal SK"))
    file = models.FileField(upload_to=establishment_path, max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("SK penetapan DIP")

    def __str__(self) -> str:
        return self.number


class ExemptionGround(models.TextChoices):
    """UU 14/2008 Pasal 17 (the same codes as ppid's refusals)."""

    A = "a", _("a. menghambat proses penegakan hukum")
    B = "b", _("b. mengganggu perlindungan HKI dan persaingan usaha tidak sehat")
    C = "c", _("c. membahayakan pertahanan dan keamanan negara")
    D = "d", _("d. mengungkap kekayaan alam Indonesia")
    E = "e", _("e. merugikan ketahanan ekonomi nasional")
    F = "f", _("f. merugikan kepentingan hubungan luar negeri")
    G = "g", _("g. mengungkap isi akta otentik yang bersifat pribadi dan wasiat")
    H = "h", _("h. mengungkap rahasia pribadi")
    I = "i", _("i. memorandum atau surat antar/intra badan publik yang dirahasiakan")  # noqa: E741
    J = "j", _("j. informasi yang tidak boleh diungkap berdasarkan undang-undang")


# Pasal 20: the exemptions of huruf a-f are not permanent; g and h may be.
PERMANENT_GROUNDS = frozenset({"g", "h"})


class Agreement(models.TextChoices):
    ATASAN = "atasan", _("Atasan PPID")
    TIM_PERTIMBANGAN = "tim_pertimbangan", _("Tim Pertimbangan")


class DikState(models.TextChoices):
    DRAFT = "draft", _("Draf")
    IN_FORCE = "in_force", _("Berlaku")
    REVOKED = "revoked", _("Dicabut")


def dik_sk_path(instance: DikEntry, filename: str) -> str:
    return f"dik/{instance.public_id}/{uuid.uuid4().hex}"


class DikEntry(models.Model):
    """A classification decision (penetapan informasi yang dikecualikan) with its consequence test (lembar uji
    konsekuensi, Perki 1/2021 Pasal 49). The public reads what is exempt, on what ground and until when; the test's
    text is for staff only."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="dik_entries")
    unit = models.ForeignKey(
        "agencies.Unit", verbose_name=_("unit yang menguasai"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("status"), max_length=16, choices=DikState.choices, default=DikState.DRAFT)
    title = models.CharField(_("informasi yang dikecualikan"), max_length=300)
    ground = models.CharField(
        _("dasar pengecualian (Pasal 17)"), max_length=1, choices=ExemptionGround.choices
    )
    other_law = models.CharField(
        _("undang-undang dan pasal lain (Pasal 17 huruf j)"), max_length=255, blank=True
    )
    # The consequence test in its steps (Perki 1/2021 Pasal 49(2)).
    document = models.TextField(_("dokumen yang diuji"))
    exempt_content = models.TextField(_("bagian informasi yang dikecualikan"))
    legal_basis = models.TextField(_("analisis dasar hukum"))
    harm = models.TextField(_("akibat yang timbul apabila informasi dibuka"))
    public_interest = models.TextField(
        _("pertimbangan kepentingan publik"),
        help_text=_("Mengapa menutup informasi melindungi kepentingan yang lebih besar daripada membukanya."),
    )
    agreement = models.CharField(_("persetujuan"), max_length=20, choices=Agreement.choices)
    agreed_by_name = models.CharField(_("nama yang menyetujui"), max_length=200)
    agreed_on = models.DateField(_("tanggal persetujuan"))
    sk_number = models.CharField(_("nomor SK penetapan"), max_length=200, blank=True)
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    sk_file = models.FileField(upload_to=dik_sk_path, max_length=255, blank=True)
    # Jangka waktu pengecualian: until a date, or permanent (only huruf g and h).
    period_until = models.DateField(_("dikecualikan sampai"), null=True, blank=True)
    permanent = models.BooleanField(_("dikecualikan tanpa batas waktu"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("informasi yang dikecualikan (DIK)")
        verbose_name_plural = _("daftar informasi yang dikecualikan")
        ordering = ["agency", "title", "id"]
        indexes = [models.Index(fields=["agency", "state", "period_until"], name="dik_agency_state_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.state == DikState.IN_FORCE
