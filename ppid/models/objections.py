"""Objections (keberatan) to the Atasan PPID and information disputes (sengketa) at the Komisi Informasi.

UU 14/2008 Pasal 35-38 and 47-50; Perki 1/2013 for mediation. See ppid-law.md parts 5 and 6.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from accounts.models import RequesterType
from agencies.numbering import NUMBER_MAX_LENGTH

from .. import rules
from .assignment import AssignedCase
from .requests import Channel, InformationRequest


class ObjectionGround(models.TextChoices):
    """UU 14/2008 Pasal 35 ayat 1."""

    A = "a", _("a. penolakan atas permohonan berdasarkan alasan pengecualian Pasal 17")
    B = "b", _("b. tidak disediakannya informasi berkala")
    C = "c", _("c. tidak ditanggapinya permohonan informasi")
    D = "d", _("d. permohonan ditanggapi tidak sebagaimana yang diminta")
    E = "e", _("e. tidak dipenuhinya permohonan informasi")
    F = "f", _("f. pengenaan biaya yang tidak wajar")
    G = "g", _("g. penyampaian informasi melebihi waktu yang diatur")


# Grounds b-g may be settled by agreement (musyawarah), Pasal 35 ayat 2.
AGREEABLE_GROUNDS = frozenset("bcdefg")


class ObjectionState(models.TextChoices):
    REGISTERED = "registered", _("Terdaftar")
    UNDER_REVIEW = "under_review", _("Sedang diperiksa Atasan PPID")
    DECIDED = "decided", _("Sudah ditanggapi")
    WITHDRAWN = "withdrawn", _("Dicabut")


OPEN_OBJECTION_STATES = (ObjectionState.REGISTERED, ObjectionState.UNDER_REVIEW)


class ObjectionOutcome(models.TextChoices):
    GRANTED = "granted", _("Keberatan diterima: PPID wajib memenuhi")
    UPHELD = "upheld", _("Keputusan PPID dikuatkan")
    # Granted in part: `order` says what the PPID must provide, `upheld_part` what of its decision stands.
    PARTIALLY_GRANTED = "partially_granted", _("Keberatan diterima sebagian: PPID wajib memenuhi sebagian")
    # Filed after the 30 working days of Pasal 36(1): registered all the same, and the Atasan rules on it.
    INADMISSIBLE = "inadmissible", _("Keberatan tidak dapat diterima (diajukan setelah batas waktu)")


class Objection(FSMModelMixin, AssignedCase, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="objections")
    # Empty only for ground b (Pasal 35(1)b, periodic information not published), which needs no request: the
    # objection then names the information and carries the objector's identity itself.
    request = models.ForeignKey(
        InformationRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="objections"
    )
    # The unit whose case it is: the request's unit, or for ground b the unit that should publish the information.
    unit = models.ForeignKey(
        "agencies.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="objections"
    )
    information = models.TextField(_("informasi berkala yang tidak disediakan"), blank=True)
    # Ground b: the berkala DIP item concerned, or the objector's word that it is absent from the DIP.
    dip_item = models.ForeignKey(
        "dip.DipItem",
        verbose_name=_("informasi berkala dalam DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="objections",
    )
    dip_item_absent = models.BooleanField(_("tidak tercantum dalam DIP"), default=False)
    requester_type = models.CharField(
        _("jenis pemohon"), max_length=16, choices=RequesterType.choices, blank=True
    )
    requester_name = models.CharField(_("nama pemohon"), max_length=200, blank=True)
    requester_address = models.TextField(_("alamat"), blank=True)
    requester_phone = models.CharField(_("telepon"), max_length=30, blank=True)
    requester_email = models.EmailField(_("e-mail"), blank=True)
    requester_occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="objections"
    )
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proxy_name = models.CharField(_("nama kuasa pemohon (jika diwakili)"), max_length=200, blank=True)
    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices, default=Channel.ONLINE)
    received_at = models.DateTimeField(_("diterima pada"))
    registration_number = models.CharField(_("nomor registrasi keberatan"), max_length=NUMBER_MAX_LENGTH)
    registration_year = models.PositiveSmallIntegerField()
    registration_sequence = models.PositiveIntegerField()
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    grounds = models.JSONField(_("alasan keberatan (Pasal 35 ayat 1)"), default=list)
    # For each ground: the day it arose and the last day of its 30-working-day filing window.
    ground_windows = models.JSONField(default=dict, editable=False)
    # A late objection is never refused at registration: it is marked, with the working days after the window.
    filed_after_window = models.BooleanField(_("diajukan setelah batas waktu"), default=False)
    working_days_late = models.PositiveIntegerField(_("hari kerja setelah batas waktu"), default=0)
    reason = models.TextField(_("uraian keberatan"))

    state = FSMField(
        _("status"), default=ObjectionState.REGISTERED, choices=ObjectionState.choices, protected=True
    )
    due_date = models.DateField(_("batas waktu tanggapan Atasan PPID"))
    deadline_log = models.JSONField(default=list, editable=False)
    review_started_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # When the requester received the Atasan's answer: the KI filing window runs from it (UU 14/2008 Pasal 37(2)).
    # The day of the answer unless an officer records a later receipt by post or by hand.
    decision_received_by_requester_on = models.DateField(
        _("tanggapan Atasan diterima pemohon pada"), null=True, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("tanggapan"), max_length=24, choices=ObjectionOutcome.choices, blank=True)
    reasons = models.TextField(_("alasan tertulis"), blank=True)
    order = models.TextField(_("yang wajib dipenuhi PPID"), blank=True)
    upheld_part = models.TextField(_("bagian keputusan PPID yang dikuatkan"), blank=True)
    comply_by = models.DateField(_("paling lambat dipenuhi pada"), null=True, blank=True)
    settled_by_agreement = models.BooleanField(_("diselesaikan secara musyawarah"), default=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdraw_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "registration_number"], name="objection_number_unique"),
            models.UniqueConstraint(
                fields=["submitted_by", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="objection_submission_once",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "state", "due_date"]),
            models.Index(fields=["assigned_to", "state", "due_date"], name="objection_assignee_idx"),
        ]
        constraints += [
            models.CheckConstraint(
                condition=Q(request__isnull=False) | (~Q(information="") & ~Q(requester_name="")),
                name="objection_request_or_information",
            )
        ]

    def __str__(self) -> str:
        return self.registration_number

    def get_absolute_url(self) -> str:
        return reverse("frontend:objection_detail", args=[self.pk])

    @property
    def identity(self):
        """Who objects, as the letters print it: the request's identity snapshot, or the objection's own for an
        objection without a request. Both carry the same requester_* fields."""
        return self.request if self.request_id else self

    @property
    def requester_nik_masked(self) -> str:
        # An objection without a request asks for no NIK (the keberatan form of Perki 1/2021 has none).
        return ""

    @property
    def requester_entity_number(self) -> str:
        return ""

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_OBJECTION_STATES

    @property
    def due_at(self) -> dt.datetime:
        return dt.datetime.combine(self.due_date, dt.time(23, 59, 59, 999999), tzinfo=self.agency.tzinfo)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.due_at

    def ground_labels(self) -> list[str]:
        labels = dict(ObjectionGround.choices)
        return [str(labels[g]) for g in self.grounds if g in labels]

    # -- transitions: fields only ---------------------------------------------------------------------
    @transition(
        field=state,
        source=ObjectionState.REGISTERED,
        target=ObjectionState.UNDER_REVIEW,
        permission=rules.is_atasan,
    )
    def review(self, *, at: dt.datetime) -> None:
        self.review_started_at = at

    @transition(
        field=state,
        source=list(OPEN_OBJECTION_STATES),
        target=ObjectionState.DECIDED,
        permission=rules.is_atasan,
    )
    def decide(
        self, *, by, at, outcome, reasons, order, comply_by, settled_by_agreement, upheld_part=""
    ) -> None:
        self.decided_by, self.decided_at = by, at
        self.outcome, self.reasons, self.order, self.comply_by = outcome, reasons, order, comply_by
        self.upheld_part = upheld_part
        self.settled_by_agreement = settled_by_agreement

    @transition(
        field=state,
        source=list(OPEN_OBJECTION_STATES),
        target=ObjectionState.WITHDRAWN,
        permission=rules.is_requester,
    )
    def withdraw(self, *, reason: str, at) -> None:
        self.withdrawn_at, self.withdraw_reason = at, reason


class MediationResult(models.TextChoices):
    AGREED = "agreed", _("Mediasi berhasil (kesepakatan)")
    FAILED = "failed", _("Mediasi gagal, lanjut ajudikasi")


class DisputeResult(models.TextChoices):
    REQUESTER_WON = "requester_won", _("Permohonan sengketa dikabulkan")
    PARTIAL = "partial", _("Dikabulkan sebagian")
    AGENCY_WON = "agency_won", _("Permohonan sengketa ditolak")
    SETTLED = "settled", _("Selesai melalui mediasi")
    WITHDRAWN = "withdrawn", _("Dicabut pemohon")


class Court(models.TextChoices):
    PTUN = "ptun", _("Pengadilan Tata Usaha Negara")
    PN = "pn", _("Pengadilan Negeri")


class Dispute(models.Model):
    """The dispute the requester brought to the Komisi Informasi, as the agency (termohon) records it."""

    objection = models.OneToOneField(Objection, on_delete=models.PROTECT, related_name="dispute")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="disputes")
    commission = models.CharField(_("Komisi Informasi"), max_length=200)
    ki_register_number = models.CharField(_("nomor register sengketa di KI"), max_length=100)
    filed_on = models.DateField(_("tanggal permohonan sengketa diterima KI"))
    notice_received_on = models.DateField(
        _("tanggal pemberitahuan KI diterima badan publik"), null=True, blank=True
    )
    first_hearing_on = models.DateField(_("sidang pertama"), null=True, blank=True)
    mediation_started_on = models.DateField(_("pertemuan mediasi pertama"), null=True, blank=True)
    mediation_extended = models.BooleanField(_("mediasi diperpanjang 7 hari kerja"), default=False)
    mediation_result = models.CharField(
        _("hasil mediasi"), max_length=16, choices=MediationResult.choices, blank=True
    )
    adjudication_started_on = models.DateField(_("ajudikasi dimulai"), null=True, blank=True)
    decision_on = models.DateField(_("tanggal putusan KI"), null=True, blank=True)
    decision_received_on = models.DateField(_("tanggal putusan KI diterima"), null=True, blank=True)
    result = models.CharField(_("putusan"), max_length=16, choices=DisputeResult.choices, blank=True)
    obligations = models.TextField(_("kewajiban badan publik menurut putusan"), blank=True)
    complied_on = models.DateField(_("putusan dilaksanakan pada"), null=True, blank=True)
    compliance_note = models.TextField(_("catatan pelaksanaan putusan"), blank=True)
    appeal_court = models.CharField(
        _("keberatan diajukan ke"), max_length=8, choices=Court.choices, blank=True
    )
    appeal_filed_on = models.DateField(_("tanggal keberatan ke pengadilan"), null=True, blank=True)
    appeal_filed_by = models.CharField(_("diajukan oleh"), max_length=100, blank=True)
    court_decision_received_on = models.DateField(_("putusan pengadilan diterima"), null=True, blank=True)
    court_decision = models.TextField(_("putusan pengadilan"), blank=True)
    kasasi_filed_on = models.DateField(_("tanggal kasasi"), null=True, blank=True)
    kasasi_decision = models.TextField(_("putusan kasasi"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sengketa informasi")
        verbose_name_plural = _("sengketa informasi")
        constraints = [
            models.UniqueConstraint(fields=["agency", "ki_register_number"], name="dispute_register_unique")
        ]

    def __str__(self) -> str:
        return self.ki_register_number

    def get_absolute_url(self) -> str:
        return reverse("frontend:objection_detail", args=[self.objection_id])  # shown on its objection's page


class DisputeHearing(models.Model):
    class Kind(models.TextChoices):
        PRELIMINARY = "preliminary", _("Pemeriksaan awal")
        MEDIATION = "mediation", _("Mediasi")
        ADJUDICATION = "adjudication", _("Ajudikasi")
        DECISION = "decision", _("Pembacaan putusan")

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="hearings")
    held_on = models.DateField(_("tanggal"))
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    notes = models.TextField(_("catatan"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"{self.dispute} · {self.held_on}"
