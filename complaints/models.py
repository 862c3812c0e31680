"""Public-service complaints (pengaduan pelayanan publik), modelled on SP4N-LAPOR! (ppid-law.md part 9)."""

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from agencies.numbering import NUMBER_MAX_LENGTH
from ppid.models.assignment import AssignedCase

from . import rules

# UU 25/2009 Pasal 42: a complaint is filed within 30 days of the service; a later one is accepted and flagged.
INCIDENT_FILING_DAYS = 30


class ComplaintState(models.TextChoices):
    SUBMITTED = "submitted", _("Menunggu verifikasi")
    DISPOSITIONED = "dispositioned", _("Diteruskan ke unit")
    RESPONDED = "responded", _("Sudah ditindaklanjuti")
    COMPLETED = "completed", _("Selesai")
    ARCHIVED = "archived", _("Diarsipkan")


OPEN_COMPLAINT_STATES = (ComplaintState.SUBMITTED, ComplaintState.DISPOSITIONED, ComplaintState.RESPONDED)


class ComplaintCategory(models.TextChoices):
    ADMINISTRATION = "administration", _("Pelayanan administrasi")
    HEALTH = "health", _("Kesehatan")
    EDUCATION = "education", _("Pendidikan")
    INFRASTRUCTURE = "infrastructure", _("Infrastruktur dan fasilitas umum")
    PERMITS = "permits", _("Perizinan")
    SOCIAL = "social", _("Bantuan sosial")
    STAFF_CONDUCT = "staff_conduct", _("Perilaku petugas")
    OTHER = "other", _("Lainnya")


class ArchiveReason(models.TextChoices):
    NOT_A_COMPLAINT = "not_a_complaint", _("Bukan pengaduan")
    NOT_OUR_AUTHORITY = "not_our_authority", _("Bukan kewenangan badan publik ini")
    DUPLICATE = "duplicate", _("Duplikat pengaduan lain")
    SPAM = "spam", _("Spam")
    CONVERTED = "converted", _("Dialihkan menjadi permohonan informasi")


class Complaint(FSMModelMixin, AssignedCase, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="complaints")
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    tracking_number = models.CharField(_("nomor pelacakan"), max_length=NUMBER_MAX_LENGTH)
    registration_year = models.PositiveSmallIntegerField()
    registration_sequence = models.PositiveIntegerField()
    # Anonymous complaints filed without an account are followed with a secret code; only its hash is kept.
    tracking_code_hash = models.CharField(max_length=128, blank=True, editable=False)
    # Never shown to staff when the complaint is anonymous (see selectors.reporter_display).
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="complaints"
    )
    anonymous = models.BooleanField(_("anonim (identitas dirahasiakan)"), default=False)
    confidential = models.BooleanField(_("rahasia (isi tidak dipublikasikan)"), default=False)

    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("uraian kejadian"))
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    location = models.CharField(_("lokasi"), max_length=255, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    service = models.CharField(_("layanan yang diadukan"), max_length=200, blank=True)
    category = models.CharField(_("kategori"), max_length=24, choices=ComplaintCategory.choices)
    received_at = models.DateTimeField(_("diterima pada"), default=timezone.now)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    state = FSMField(
        _("status"), default=ComplaintState.SUBMITTED, choices=ComplaintState.choices, protected=True
    )
    verify_due = models.DateField(_("batas verifikasi"))
    resolution_due = models.DateField(_("batas penyelesaian"))
    followup_due = models.DateField(_("batas tindak lanjut unit"), null=True, blank=True)
    auto_close_on = models.DateField(_("ditutup otomatis setelah"), null=True, blank=True)
    deadline_log = models.JSONField(default=list, editable=False)
    dispositioned_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    archive_reason = models.CharField(
        _("alasan pengarsipan"), max_length=24, choices=ArchiveReason.choices, blank=True
    )
    archive_note = models.TextField(_("keterangan untuk pelapor"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("penilaian"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    rating_comment = models.TextField(_("komentar penilaian"), blank=True)

    # Across the boundary
    converted_request = models.OneToOneField(
        "ppid.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="from_complaint",
    )
    from_request = models.OneToOneField(
        "ppid.InformationRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="to_complaint",
    )
    ombudsman_reference = models.CharField(_("nomor laporan Ombudsman"), max_length=100, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    lapor_tracking_number = models.CharField(_("nomor pelacakan SP4N-LAPOR!"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["received_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "tracking_number"], name="complaint_number_unique"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="complaint_rating_1_to_5",
            ),
            models.UniqueConstraint(
                fields=["submitted_by", "submission_key"],
                condition=Q(submission_key__isnull=False, submitted_by__isnull=False),
                name="complaint_submission_once",
            ),
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=Q(submission_key__isnull=False, submitted_by__isnull=True),
                name="complaint_visitor_submission_once",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "unit", "state"]),
            models.Index(fields=["assigned_to", "state"], name="complaint_assignee_idx"),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    def get_absolute_url(self) -> str:
        return reverse("frontend:complaint_detail", args=[self.pk])

    # -- derived --------------------------------------------------------------------------------------------
    @property
    def filed_after_incident_window(self) -> bool:
        """Filed more than 30 days after the incident (UU 25/2009 Pasal 42): accepted, with a warning to staff."""
        if self.occurred_on is None or self.received_at is None:
            return False
        received = timezone.localtime(self.received_at, self.agency.tzinfo).date()
        return (received - self.occurred_on).days > INCIDENT_FILING_DAYS

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_COMPLAINT_STATES

    def _end(self, day: dt.date | None) -> dt.datetime | None:
        if day is None:
            return None
        return dt.datetime.combine(day, dt.time(23, 59, 59, 999999), tzinfo=self.agency.tzinfo)

    @property
    def current_due(self) -> dt.date | None:
        """The clock running now: verification, the unit's follow-up, or the reporter's reply."""
        return {
            ComplaintState.SUBMITTED: self.verify_due,
            ComplaintState.DISPOSITIONED: self.followup_due,
            ComplaintState.RESPONDED: self.auto_close_on,
        }.get(self.state)

    @property
    def is_overdue(self) -> bool:
        """Verification or follow-up past its day, or the whole complaint past its 60 days (derived)."""
        now = timezone.now()
        if self.state in (ComplaintState.SUBMITTED, ComplaintState.DISPOSITIONED):
            if now > self._end(self.current_due):
                return True
        return self.is_open and now > self._end(self.resolution_due)

    # -- transitions: fields only ---------------------------------------------------------------------------
    @transition(
        field=state,
        source=ComplaintState.SUBMITTED,
        target=ComplaintState.DISPOSITIONED,
        permission=rules.is_complaint_admin,
    )
    def verify(self, *, unit, at, followup_due) -> None:
        self.unit, self.dispositioned_at, self.followup_due = unit, at, followup_due

    @transition(
        field=state,
        source=[ComplaintState.SUBMITTED, ComplaintState.DISPOSITIONED],
        target=ComplaintState.ARCHIVED,
        permission=rules.is_complaint_admin,
    )
    def archive(self, *, reason: str, note: str, at) -> None:
        self.archive_reason, self.archive_note, self.archived_at = reason, note, at

    @transition(
        field=state,
        source=ComplaintState.DISPOSITIONED,
        target=ComplaintState.RESPONDED,
        permission=rules.is_unit_officer,
    )
    def respond(self, *, at, auto_close_on) -> None:
        self.responded_at, self.auto_close_on = at, auto_close_on

    @transition(
        field=state,
        source=ComplaintState.RESPONDED,
        target=ComplaintState.DISPOSITIONED,
        permission=rules.is_reporter,
    )
    def reopen(self, *, followup_due) -> None:
        self.followup_due, self.auto_close_on = followup_due, None

    @transition(
        field=state,
        source=ComplaintState.RESPONDED,
        target=ComplaintState.COMPLETED,
        permission=rules.is_reporter,
    )
    def confirm(self, *, rating: int, comment: str, at) -> None:
        self.rating, self.rating_comment, self.completed_at = rating, comment, at

    @transition(
        field=state, source=ComplaintState.RESPONDED, target=ComplaintState.COMPLETED, permission=rules.nobody
    )
    def auto_close(self, *, at) -> None:
        """Run by the system only (complaint_auto_close_due), never offered to a person."""
        self.completed_at = at


class ComplaintMessage(models.Model):
    """The unit's follow-ups and the reporter's replies, in order."""

    class Author(models.TextChoices):
        UNIT = "unit", _("Unit")
        REPORTER = "reporter", _("Pelapor")
        ADMIN = "admin", _("Admin pengaduan")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=16, choices=Author.choices)
    # Staff authors only: a reporter's account is never linked here (anonymity).
    staff_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("isi"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint} · {self.author_kind}"


def _attachment_path(instance, filename: str) -> str:
    return f"complaints/{instance.complaint.public_id}/{uuid.uuid4().hex}"


class ComplaintAttachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
