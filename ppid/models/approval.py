"""Approval before issue (issue 16 point 5): with the agency's `approval_before_issue` on, an officer's written
notice (a refusal or partial grant included) or extension is kept as a draft until the unit head (role `ppid` of
the request's unit, or of the PPID Utama) approves it, which issues it, or returns it to its drafter with a reason.
Drafts and their staged files are internal: the requester never sees them (`ppid.approval`)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import InformationRequest


class DraftKind(models.TextChoices):
    RESPOND = "respond", _("Pemberitahuan tertulis")
    EXTEND = "extend", _("Perpanjangan batas waktu")


class DraftState(models.TextChoices):
    PENDING = "pending", _("Menunggu persetujuan kepala unit")
    APPROVED = "approved", _("Disetujui dan diterbitkan")
    RETURNED = "returned", _("Dikembalikan kepada petugas")
    # The head issued the same kind of letter directly while this draft waited.
    SUPERSEDED = "superseded", _("Digantikan surat yang diterbitkan langsung")


class ResponseDraft(models.Model):
    """A notice or an extension as its officer wrote it, validated as the issuing service validates it, waiting
    for the unit head. `payload` is the service's keyword arguments in JSON (dates ISO, the fee a string)."""

    request = models.ForeignKey(InformationRequest, on_delete=models.PROTECT, related_name="drafts")
    kind = models.CharField(_("jenis"), max_length=16, choices=DraftKind.choices)
    payload = models.JSONField(default=dict)
    state = models.CharField(
        _("status"), max_length=16, choices=DraftState.choices, default=DraftState.PENDING
    )
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(_("alasan dikembalikan"), blank=True)

    class Meta:
        verbose_name = _("rancangan surat")
        verbose_name_plural = _("rancangan surat")
        ordering = ["drafted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(state="pending"), name="one_pending_draft_per_request"
            ),
        ]
        indexes = [models.Index(fields=["state", "request"], name="draft_state_idx")]

    def __str__(self) -> str:
        return str(self.request)

    def get_absolute_url(self) -> str:
        return f"{self.request.get_absolute_url()}#persetujuan-h"

    @property
    def agency(self):  # what reminders and notifications read of a case
        return self.request.agency


def draft_file_path(instance: "DraftFile", filename: str) -> str:
    # Like RequestDocument: a random name under the request's folder, never the uploader's.
    return f"requests/{instance.draft.request.public_id}/{uuid.uuid4().hex}"


class DraftFile(models.Model):
    """A response file staged with a draft: private, listed for staff only; approving the draft attaches it to the
    request as a RequestDocument over the same stored file."""

    draft = models.ForeignKey(ResponseDraft, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to=draft_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
