"""Badan Publik (agencies), their tree of PPID units, and staff memberships with roles."""

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def logo_path(instance, filename: str) -> str:
    # Never the uploader's file name on disk.
    return f"logos/{uuid.uuid4().hex}"


# Day counts of the agency's clocks: at least one day (a zero-day clock cannot be computed) and at most a year.
DAY_COUNT_VALIDATORS = [
    MinValueValidator(1, _("Paling sedikit 1 hari.")),
    MaxValueValidator(365, _("Paling banyak 365 hari.")),
]


class AgencyTimeZone(models.TextChoices):
    # Due dates end at the end of the working day in the agency's own zone.
    WIB = "Asia/Jakarta", _("WIB (UTC+7)")
    WITA = "Asia/Makassar", _("WITA (UTC+8)")
    WIT = "Asia/Jayapura", _("WIT (UTC+9)")


class Agency(models.Model):
    name = models.CharField(_("nama badan publik"), max_length=200)
    slug = models.SlugField(_("kode singkat"), max_length=60, unique=True)
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=32,
        choices=AgencyTimeZone.choices,
        default=AgencyTimeZone.WIB,
        error_messages={"invalid_choice": _("Zona waktu tidak dikenal: pilih WIB, WITA, atau WIT.")},
    )
    province_code = models.CharField(
        _("kode provinsi"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^\d{2}$", _("Kode provinsi terdiri dari 2 angka."))],
        help_text=_("Kode wilayah Kemendagri; menentukan hari libur daerah yang berlaku."),
    )
    # Letterhead data for official letters.
    address = models.TextField(_("alamat"), blank=True)
    city = models.CharField(_("kota"), max_length=100, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    # Policy settings: where the law is unclear, the cautious default.
    # Cuti bersama is leave, not a holiday (the SKB reduces annual leave): the cautious reading differs by party.
    cuti_bersama_agency_working_day = models.BooleanField(
        _("cuti bersama dihitung sebagai hari kerja untuk tenggat badan publik"),
        default=True,
        help_text=_(
            "Bawaan: ya. Pemberitahuan tertulis, perpanjangan, tanggapan Atasan PPID, dan tindak lanjut pengaduan."
        ),
    )
    cuti_bersama_requester_working_day = models.BooleanField(
        _("cuti bersama dihitung sebagai hari kerja untuk tenggat pemohon"),
        default=False,
        help_text=_("Bawaan: tidak. Pengajuan keberatan dan pengajuan sengketa ke Komisi Informasi."),
    )
    pause_on_clarification = models.BooleanField(
        _("tenggat berhenti selama menunggu klarifikasi pemohon"),
        default=False,
        help_text=_("Bawaan: tidak. Undang-undang tidak mengatur jeda; jeda dicatat agar dapat diaudit."),
    )
    approval_before_issue = models.BooleanField(
        _("persetujuan kepala unit sebelum surat diterbitkan"),
        default=True,
        help_text=_(
            "Bawaan: ya. Pemberitahuan tertulis (termasuk penolakan) dan perpanjangan yang disusun petugas "
            "menunggu persetujuan kepala unit (PPID) sebelum diterbitkan dan dikirim kepada pemohon."
        ),
    )
    registration_number_format = models.CharField(
        _("format nomor registrasi"),
        max_length=100,
        default="{seq:04d}/PPID/{month_roman}/{year}",
        help_text=_(
            "Unsur: {seq} nomor urut (mis. {seq:04d}), {year}, {month}, {month_roman}, {unit}, {agency}. "
            "Wajib memuat {seq} dan {year}."
        ),
    )
    objection_number_format = models.CharField(
        _("format nomor registrasi keberatan"),
        max_length=100,
        default="{seq:04d}/KEB/{month_roman}/{year}",
        help_text=_("Unsur sama dengan nomor permohonan. Wajib memuat {seq} dan {year}."),
    )
    auto_complete_working_days = models.PositiveSmallIntegerField(
        _("selesai otomatis setelah (hari kerja)"),
        default=10,
        help_text=_("Permohonan yang sudah dijawab dianggap selesai setelah sekian hari kerja."),
        validators=DAY_COUNT_VALIDATORS,
    )
    # Complaint clocks (SP4N-LAPOR! practice; PermenPANRB 5/2025 not seen): settings with these defaults.
    complaint_verify_working_days = models.PositiveSmallIntegerField(
        _("verifikasi dan disposisi pengaduan (hari kerja)"),
        default=3,
        validators=DAY_COUNT_VALIDATORS,
    )
    complaint_followup_working_days = models.PositiveSmallIntegerField(
        _("tindak lanjut unit atas pengaduan (hari kerja)"),
        default=5,
        validators=DAY_COUNT_VALIDATORS,
    )
    complaint_auto_close_working_days = models.PositiveSmallIntegerField(
        _("pengaduan ditutup otomatis tanpa balasan pelapor (hari kerja)"),
        default=10,
        validators=DAY_COUNT_VALIDATORS,
    )
    complaint_resolution_days = models.PositiveSmallIntegerField(
        _("batas penyelesaian pengaduan (hari)"),
        default=60,
        validators=DAY_COUNT_VALIDATORS,
    )
    complaint_resolution_in_working_days = models.BooleanField(
        _("batas penyelesaian dihitung dalam hari kerja"),
        default=False,
        help_text=_("Bawaan: hari kalender, pembacaan yang lebih ketat atas UU 25/2009 Pasal 50."),
    )
    complaint_number_format = models.CharField(
        _("format nomor pengaduan"),
        max_length=100,
        default="ADU/{year}/{seq:05d}",
        help_text=_("Unsur sama dengan nomor permohonan. Wajib memuat {seq} dan {year}."),
    )
    # Official letters (issue 17): the Pemda the kop names above every unit, its logo, and the letter numbers.
    letterhead_parent = models.CharField(
        _("nama pemerintah daerah pada kop"),
        max_length=200,
        blank=True,
        help_text=_("Baris pertama kop surat, mis. PEMERINTAH PROVINSI JAWA BARAT."),
    )
    logo = models.FileField(_("logo kop surat"), upload_to=logo_path, max_length=255, blank=True)
    letter_number_format = models.CharField(
        _("format nomor surat"),
        max_length=100,
        default="{klasifikasi}/{seq}/{unit}/{year}",
        help_text=_(
            "Unsur: {klasifikasi} (kode klasifikasi arsip jenis surat), {seq}, {unit}, {year}, {month}, "
            "{month_roman}, {agency}. Wajib memuat {seq} dan {year}. Nomor berurutan per unit dan tahun."
        ),
    )
    letter_classification_codes = models.JSONField(
        _("kode klasifikasi arsip per jenis surat"),
        default=dict,
        blank=True,
        help_text=_(
            "Kode klasifikasi arsip (Permendagri 83/2022 atau pola klasifikasi instansi) per jenis surat."
        ),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("badan publik")
        verbose_name_plural = _("badan publik")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from .numbering import NUMBER_FORMAT_SETTINGS, validate_number_format

        for setting in NUMBER_FORMAT_SETTINGS:  # each against the field its numbers are stored in
            validate_number_format(getattr(self, setting), setting, agency_slug=self.slug)

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def time_zone_label(self) -> str:
        return self.get_time_zone_display().split(" ")[0]

    @property
    def cuti_bersama_is_working_day(self) -> bool:
        """The single switch of before (API field kept): now the rule for the agency's own deadlines."""
        return self.cuti_bersama_agency_working_day

    @property
    def main_unit(self) -> "Unit | None":
        return self.units.filter(kind=UnitKind.UTAMA).first()


# The settings an agency's administrator changes (the settings form shows them, agency_update_settings writes
# and audits them); the slug and the active switch are not among them.
AGENCY_SETTINGS_FIELDS = (
    "name",
    "time_zone",
    "province_code",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "cuti_bersama_agency_working_day",
    "cuti_bersama_requester_working_day",
    "pause_on_clarification",
    "approval_before_issue",
    "registration_number_format",
    "objection_number_format",
    "complaint_verify_working_days",
    "complaint_followup_working_days",
    "complaint_auto_close_working_days",
    "complaint_resolution_days",
    "complaint_resolution_in_working_days",
    "complaint_number_format",
    "auto_complete_working_days",
    "letterhead_parent",
    "letter_number_format",
)


# A unit's own kop (issue 17): what the unit form's kop section shows and `unit_update_letterhead` writes; the
# logo has its own service (checked by content).
UNIT_LETTERHEAD_FIELDS = ("letterhead_name", "address", "city", "postal_code", "phone", "email", "website")


class UnitKind(models.TextChoices):
    UTAMA = "utama", _("PPID Utama")
    PELAKSANA = "pelaksana", _("PPID Pelaksana")


class Unit(models.Model):
    """A PPID unit: the agency's one PPID Utama or a PPID Pelaksana of a perangkat daerah under it."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("badan publik"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("nama unit"), max_length=200)
    code = models.CharField(
        _("kode unit"),
        max_length=20,
        validators=[RegexValidator(r"^[A-Za-z0-9-]+$", _("Kode unit hanya huruf, angka, dan tanda hubung."))],
        help_text=_("Dipakai dalam nomor registrasi, mis. PPID atau DISKES."),
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    # The unit's own kop (issue 17): what a unit leaves empty comes from its agency.
    letterhead_name = models.CharField(
        _("nama perangkat daerah pada kop"),
        max_length=200,
        blank=True,
        help_text=_("Mis. DINAS KESEHATAN. Kosong: nama unit."),
    )
    address = models.TextField(_("alamat"), blank=True)
    city = models.CharField(_("kota"), max_length=100, blank=True)
    postal_code = models.CharField(_("kode pos"), max_length=10, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    logo = models.FileField(_("logo kop surat"), upload_to=logo_path, max_length=255, blank=True)

    class Meta:
        verbose_name = _("unit PPID")
        verbose_name_plural = _("unit PPID")
        ordering = ["agency", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency"], condition=Q(kind="utama"), name="one_ppid_utama_per_agency"
            ),
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == UnitKind.UTAMA and self.parent_id:
            raise ValidationError({"parent": _("PPID Utama tidak memiliki unit induk.")})
        if self.kind == UnitKind.PELAKSANA:
            if not self.parent_id:
                raise ValidationError({"parent": _("PPID Pelaksana harus berada di bawah PPID Utama.")})
            if self.parent.agency_id != self.agency_id:
                raise ValidationError({"parent": _("Unit induk harus dari badan publik yang sama.")})


class StaffRole(models.TextChoices):
    OFFICER = "officer", _("Petugas")
    PPID = "ppid", _("PPID (kepala unit)")
    ATASAN = "atasan", _("Atasan PPID")
    AUDITOR = "auditor", _("Auditor")
    ADMIN = "agency_admin", _("Administrator badan publik")


# Roles whose reach is the whole agency rather than one unit.
AGENCY_WIDE_ROLES = frozenset({StaffRole.ATASAN, StaffRole.AUDITOR, StaffRole.ADMIN})


class Membership(models.Model):
    """A staff member's role in one unit. All of a person's memberships are in one agency."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("peran"), max_length=20, choices=StaffRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keanggotaan staf")
        verbose_name_plural = _("keanggotaan staf")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class PositionKind(models.TextChoices):
    """The positions the law names as signatories of the letters (issue 17 point 3)."""

    PPID = "ppid", _("PPID unit")
    ATASAN = "atasan", _("Atasan PPID")


class SignatoryPosition(models.Model):
    """Who holds a signing position: the PPID of a unit (notices, extensions, receipts) or the Atasan PPID
    (decisions on objections; kept on the PPID Utama's unit). Administrators keep the holder current; an
    acting official signs as Plt."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="positions")
    kind = models.CharField(_("jabatan penanda tangan"), max_length=16, choices=PositionKind.choices)
    title = models.CharField(
        _("nama jabatan"), max_length=200, help_text=_("Mis. Kepala Dinas Kesehatan selaku PPID Pelaksana.")
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pejabat"),
        on_delete=models.PROTECT,
        related_name="signatory_positions",
    )
    acting = models.BooleanField(_("pelaksana tugas (Plt.)"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jabatan penanda tangan")
        verbose_name_plural = _("jabatan penanda tangan")
        constraints = [models.UniqueConstraint(fields=["unit", "kind"], name="one_signatory_per_unit_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.unit}"


class StaffProfile(models.Model):
    """What a letter prints of its signatory: NIP (18 digits), rank (pangkat/golongan), and the initials on the
    line of who prepared it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[RegexValidator(r"^\d{18}$", _("NIP terdiri atas 18 angka."))],
    )
    rank = models.CharField(
        _("pangkat/golongan"), max_length=100, blank=True, help_text=_("Mis. Pembina, IV/a.")
    )
    initials = models.CharField(_("paraf/inisial"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("profil pegawai")
        verbose_name_plural = _("profil pegawai")

    def __str__(self) -> str:
        return str(self.user)


class RegistrationCounter(models.Model):
    """The last number issued in a series (requests, objections, ...) for one agency and year."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    series = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "series", "year"], name="registration_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.series}/{self.year}: {self.last_value}"
