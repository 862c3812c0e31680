"""Information requests (permohonan informasi publik) under UU 14/2008 and Perki 1/2021.

State codes and transition names are part of the API contract. Transition methods only change fields;
services in ppid/services.py lock, check, save, audit and schedule side effects.
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

from accounts import crypto
from accounts.models import RequesterType
from accounts.nik import mask_nik
from agencies.numbering import NUMBER_MAX_LENGTH
from dip.models import ExemptionGround  # one list of Pasal 17 grounds: the register's

from .. import rules
from .assignment import AssignedCase


class RequestState(models.TextChoices):
    REGISTERED = "registered", _("Terdaftar")
    AWAITING_CLARIFICATION = "awaiting_clarification", _("Menunggu klarifikasi pemohon")
    IN_PROCESS = "in_process", _("Sedang diproses")
    RESPONDED = "responded", _("Sudah dijawab")
    COMPLETED = "completed", _("Selesai")
    WITHDRAWN = "withdrawn", _("Dicabut")


OPEN_STATES = (RequestState.REGISTERED, RequestState.AWAITING_CLARIFICATION, RequestState.IN_PROCESS)


class Channel(models.TextChoices):
    ONLINE = "online", _("Daring (laman PPID)")
    WALK_IN = "walk_in", _("Datang langsung")
    POST = "post", _("Pos/kurir")
    EMAIL = "email", _("E-mail")
    FAX = "fax", _("Faksimili")
    PHONE = "phone", _("Telepon (lisan, dicatat petugas)")


class ObtainMethod(models.TextChoices):
    VIEW = "view", _("Melihat/membaca/mendengarkan/mencatat")
    SOFTCOPY = "softcopy", _("Salinan elektronik (softcopy)")
    HARDCOPY = "hardcopy", _("Salinan cetak (hardcopy)")


class DeliveryMethod(models.TextChoices):
    PICKUP = "pickup", _("Mengambil langsung")
    COURIER = "courier", _("Kurir")
    POST = "post", _("Pos")
    FAX = "fax", _("Faksimili")
    EMAIL = "email", _("E-mail")


class Decision(models.TextChoices):
    GRANTED = "granted", _("Diterima seluruhnya")
    PARTIALLY_GRANTED = "partially_granted", _("Diterima sebagian")
    REJECTED = "rejected", _("Ditolak")
    NOT_HELD = "not_held", _("Informasi tidak dikuasai")
    NOT_DOCUMENTED = "not_documented", _("Informasi belum didokumentasikan")
    # The information is already published in the register (DIP): the notice points at the item, UU 14/2008
    # Pasal 22(7), and the request is completed as it is answered.
    ALREADY_PUBLISHED = "already_published", _("Informasi sudah diumumkan")


class InformationRequest(FSMModelMixin, AssignedCase, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="requests")
    unit = models.ForeignKey(
        "agencies.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="information_requests",
    )
    # Identity snapshot at filing (Permendes 12/2025 Pasal 31(2) form fields). The NIK stays encrypted.
    requester_type = models.CharField(_("jenis pemohon"), max_length=16, choices=RequesterType.choices)
    requester_name = models.CharField(_("nama pemohon"), max_length=200)
    requester_nik_encrypted = models.TextField(blank=True, editable=False)
    requester_nik_last4 = models.CharField(max_length=4, blank=True, editable=False)
    requester_entity_number = models.CharField(_("nomor SK badan hukum"), max_length=100, blank=True)
    requester_address = models.TextField(_("alamat"))
    requester_phone = models.CharField(_("telepon"), max_length=30, blank=True)
    requester_email = models.EmailField(_("e-mail"), blank=True)
    requester_occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)

    information_requested = models.TextField(_("rincian informasi yang dibutuhkan"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain_method = models.CharField(
        _("cara memperoleh informasi"), max_length=16, choices=ObtainMethod.choices
    )
    delivery_method = models.CharField(
        _("cara mendapatkan salinan"), max_length=16, choices=DeliveryMethod.choices
    )

    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices, default=Channel.ONLINE)
    received_at = models.DateTimeField(_("diterima pada"))
    # Who entered it: the requester online, the officer for offline intake.
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registration_number = models.CharField(_("nomor registrasi"), max_length=NUMBER_MAX_LENGTH)
    registration_year = models.PositiveSmallIntegerField()
    registration_sequence = models.PositiveIntegerField()
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    state = FSMField(
        _("status"), default=RequestState.REGISTERED, choices=RequestState.choices, protected=True
    )
    due_date = models.DateField(_("batas waktu pemberitahuan tertulis"))
    original_due_date = models.DateField(_("batas waktu awal"))
    # Each step of the deadline as computed at the time: initial, pauses, extension. Auditable as it was.
    deadline_log = models.JSONField(default=list, editable=False)
    extended_at = models.DateTimeField(null=True, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    extension_reason = models.TextField(_("alasan perpanjangan"), blank=True)
    # With approval before issue (issue 16 point 5): the unit head who approved the extension.
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    extension_approved_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # When the requester received the written notice (UU 14/2008 Pasal 36(1): the objection window runs from when
    # the ground is found). Online: the day it was issued and notified; by post or by hand, the day an officer
    # records. Empty on rows from before: the issue date.
    notice_received_by_requester_on = models.DateField(
        _("pemberitahuan tertulis diterima pemohon pada"), null=True, blank=True
    )
    auto_complete_on = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdraw_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "registration_number"], name="request_number_unique"),
            models.UniqueConstraint(
                fields=["agency", "registration_year", "registration_sequence"],
                name="request_sequence_unique",
            ),
            models.UniqueConstraint(
                fields=["submitted_by", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="request_submission_once",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "unit", "state", "due_date"]),
            models.Index(fields=["requester", "created_at"]),
            # "My open cases by due date" and the queue's assignee filter.
            models.Index(fields=["assigned_to", "state", "due_date"], name="request_assignee_idx"),
        ]

    def __str__(self) -> str:
        return self.registration_number

    def get_absolute_url(self) -> str:
        return reverse("frontend:request_detail", args=[self.pk])

    # -- derived ------------------------------------------------------------------------------------
    @property
    def extended(self) -> bool:
        return self.extended_at is not None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def clock_paused(self) -> bool:
        return self.state == RequestState.AWAITING_CLARIFICATION and self.agency.pause_on_clarification

    @property
    def due_at(self) -> dt.datetime:
        return dt.datetime.combine(self.due_date, dt.time(23, 59, 59, 999999), tzinfo=self.agency.tzinfo)

    @property
    def is_overdue(self) -> bool:
        """Derived, never stored: an open request whose notice is past its due moment."""
        return self.is_open and not self.clock_paused and timezone.now() > self.due_at

    @property
    def requester_nik_masked(self) -> str:
        return mask_nik(self.requester_nik_last4)

    def set_requester_nik(self, nik: str) -> None:
        self.requester_nik_encrypted = crypto.encrypt(nik)
        self.requester_nik_last4 = nik[-4:] if nik else ""

    # -- transitions: fields only -------------------------------------------------------------------
    @transition(
        field=state,
        source=RequestState.REGISTERED,
        target=RequestState.IN_PROCESS,
        permission=rules.is_handling_officer,
    )
    def process(self, *, by) -> None:
        pass

    @transition(
        field=state,
        source=[RequestState.REGISTERED, RequestState.IN_PROCESS],
        target=RequestState.REGISTERED,
        permission=rules.is_handling_officer,
    )
    def forward(self, *, unit) -> None:
        # The clock does not restart: due_date is untouched.
        self.unit = unit

    @transition(
        field=state,
        source=RequestState.IN_PROCESS,
        target=RequestState.AWAITING_CLARIFICATION,
        permission=rules.is_handling_officer,
    )
    def ask_clarification(self, *, message: str) -> None:
        pass

    @transition(
        field=state,
        source=RequestState.AWAITING_CLARIFICATION,
        target=RequestState.IN_PROCESS,
        permission=rules.is_requester,
    )
    def clarify(self, *, message: str, new_due_date: dt.date | None) -> None:
        if new_due_date is not None:
            self.due_date = new_due_date

    @transition(
        field=state,
        source=list(OPEN_STATES),
        target=None,
        permission=rules.is_handling_officer,
        conditions=[rules.can_still_extend],
    )
    def extend(self, *, reason: str, new_due_date: dt.date, at: dt.datetime, by) -> None:
        self.extended_at = at
        self.extended_by = by
        self.extension_reason = reason
        self.due_date = new_due_date

    @transition(
        field=state,
        source=RequestState.IN_PROCESS,
        target=RequestState.RESPONDED,
        permission=rules.is_handling_officer,
    )
    def respond(self, *, at: dt.datetime, auto_complete_on: dt.date) -> None:
        self.responded_at = at
        self.auto_complete_on = auto_complete_on

    @transition(
        field=state,
        source=RequestState.RESPONDED,
        target=RequestState.COMPLETED,
        permission=rules.is_handling_officer_or_requester,
    )
    def complete(self, *, at: dt.datetime) -> None:
        self.completed_at = at

    @transition(
        field=state,
        source=list(OPEN_STATES),
        target=RequestState.WITHDRAWN,
        permission=rules.is_handling_officer,
    )
    def convert(self, *, at: dt.datetime) -> None:
        """The request is really a service complaint: it ends here and continues as a complaint."""
        self.withdrawn_at = at
        self.withdraw_reason = "converted_to_complaint"

    @transition(
        field=state, source=list(OPEN_STATES), target=RequestState.WITHDRAWN, permission=rules.is_requester
    )
    def withdraw(self, *, reason: str, at: dt.datetime) -> None:
        self.withdrawn_at = at
        self.withdraw_reason = reason


class Clarification(models.Model):
    """A question to the requester and the answer; with the pause it caused, if the agency pauses."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="clarifications")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField()
    question = models.TextField(_("pertanyaan"))
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    clock_paused = models.BooleanField(default=False)
    paused_working_days = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"{self.request} · {self.asked_at:%Y-%m-%d}"


class PaymentStatus(models.TextChoices):
    NONE = "none", _("Tanpa biaya")
    UNPAID = "unpaid", _("Belum dibayar")
    PAID = "paid", _("Sudah dibayar")
    WAIVED = "waived", _("Dibebaskan")


def payment_proof_path(instance, filename: str) -> str:
    # Never the uploader's file name on disk: a random name under the request's folder.
    return f"requests/{instance.request.public_id}/{uuid.uuid4().hex}"


class RequestResponse(models.Model):
    """The written notice (pemberitahuan tertulis), UU 14/2008 Pasal 22(7)."""

    request = models.OneToOneField(InformationRequest, on_delete=models.PROTECT, related_name="response")
    decision = models.CharField(_("keputusan"), max_length=24, choices=Decision.choices)
    information_held = models.BooleanField(_("informasi dikuasai"), default=True)
    holding_body = models.CharField(_("badan publik yang menguasai informasi"), max_length=255, blank=True)
    exemption_grounds = models.JSONField(_("alasan pengecualian (Pasal 17)"), default=list, blank=True)
    consequence_test = models.TextField(_("ringkasan uji konsekuensi"), blank=True)
    provided_information = models.TextField(_("materi informasi yang diberikan"), blank=True)
    redactions = models.TextField(_("bagian yang dihitamkan dan alasannya"), blank=True)
    obtain_method = models.CharField(
        _("bentuk informasi"), max_length=16, choices=ObtainMethod.choices, blank=True
    )
    delivery_method = models.CharField(
        _("cara penyampaian"), max_length=16, choices=DeliveryMethod.choices, blank=True
    )
    fee_amount = models.DecimalField(_("biaya (Rp)"), max_digits=12, decimal_places=0, default=0)
    fee_details = models.TextField(_("rincian biaya dan cara pembayaran"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    # Waktu penyediaan informasi: by when the information is handed over (granted, partly granted); for "not yet
    # documented", by when it will be.
    provision_on = models.DateField(_("waktu penyediaan informasi"), null=True, blank=True)
    documented_by = models.DateField(_("informasi didokumentasikan paling lambat"), null=True, blank=True)
    # A refusal on Pasal 17 huruf j names the other law and its article.
    other_law = models.CharField(
        _("undang-undang dan pasal lain (Pasal 17 huruf j)"), max_length=255, blank=True
    )
    exemption_period = models.CharField(_("jangka waktu pengecualian"), max_length=255, blank=True)
    # Decision `already_published`: the published DIP item that answers the request.
    dip_item = models.ForeignKey(
        "dip.DipItem",
        verbose_name=_("informasi dalam DIP"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_requests",
    )
    # A refusal or partial grant citing an in-force DIK entry of the agency instead of retyping its test.
    dik_entry = models.ForeignKey(
        "dip.DikEntry",
        verbose_name=_("penetapan informasi yang dikecualikan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cited_by_responses",
    )
    # Granted files offered to the register: the draft DIP item made from this answer (`ppid.publication`).
    published_as = models.ForeignKey(
        "dip.DipItem", null=True, blank=True, on_delete=models.PROTECT, related_name="made_from_responses"
    )
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField()
    # With approval before issue (issue 16 point 5): the unit head who approved it (themselves when they issued
    # it); empty when the agency issues without approval.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Fees and handover (issue 19 point 3): the fee items from the agency's published schedule, each
    # {name, unit, amount, quantity} with amount*quantity summing to fee_amount; the payment as the officer
    # records it; the handover of the information (its receipt is the `handover` letter).
    fee_items = models.JSONField(_("rincian biaya"), default=list, blank=True)
    payment_status = models.CharField(
        _("status pembayaran"), max_length=8, choices=PaymentStatus.choices, default=PaymentStatus.NONE
    )
    paid_on = models.DateField(_("tanggal pembayaran"), null=True, blank=True)
    payment_proof = models.FileField(
        _("bukti pembayaran"), upload_to=payment_proof_path, max_length=255, blank=True
    )
    waived_reason = models.TextField(_("alasan pembebasan biaya"), blank=True)
    handed_over_on = models.DateField(_("tanggal penyerahan informasi"), null=True, blank=True)
    handover_method = models.CharField(
        _("cara penyerahan"), max_length=16, choices=DeliveryMethod.choices, blank=True
    )
    handover_received_by = models.CharField(_("diterima oleh"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("pemberitahuan tertulis")
        verbose_name_plural = _("pemberitahuan tertulis")

    def __str__(self) -> str:
        return f"{self.request} · {self.get_decision_display()}"

    def exemption_labels(self) -> list[str]:
        labels = dict(ExemptionGround.choices)
        return [str(labels[g]) for g in self.exemption_grounds if g in labels]


class DocumentKind(models.TextChoices):
    POWER_OF_ATTORNEY = "power_of_attorney", _("Surat kuasa")
    LEGAL_ENTITY_DEED = "legal_entity_deed", _("Pengesahan badan hukum")
    IDENTITY = "identity", _("Identitas pemohon")
    RESPONSE_FILE = "response_file", _("Berkas jawaban")


def document_path(instance, filename: str) -> str:
    # Never the uploader's file name on disk: a random name under the request's folder.
    return f"requests/{instance.request.public_id}/{uuid.uuid4().hex}"


class RequestDocument(models.Model):
    """An uploaded file, stored under PRIVATE_MEDIA_ROOT and served only by a view that checks and records."""

    request = models.ForeignKey(InformationRequest, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("jenis dokumen"), max_length=24, choices=DocumentKind.choices)
    file = models.FileField(upload_to=document_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
