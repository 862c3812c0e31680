"""Contributions across units (permintaan bahan, issue 16 point 4): the unit handling a request asks another unit
of the agency for material, with instructions and an internal due date; the asked unit answers with a message
and files, or declines with a reason. Internal: never the requester's, until the handling officer copies a file
into the request as a response file (`ppid.services.contributions`)."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from .. import rules
from .requests import InformationRequest


class ContributionState(models.TextChoices):
    ASKED = "asked", _("Diminta")
    ANSWERED = "answered", _("Dijawab")
    DECLINED = "declined", _("Ditolak")


class Contribution(FSMModelMixin, models.Model):
    request = models.ForeignKey(
        InformationRequest,
        verbose_name=_("permohonan"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    # The request's agency, kept on the row: scoping and reminders read it without the request.
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "agencies.Unit",
        verbose_name=_("unit yang dimintai bahan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(_("diminta pada"), default=timezone.now)
    instructions = models.TextField(_("petunjuk"))
    # Internal: by when the handling unit needs the material (before the statutory due date of the request).
    due_date = models.DateField(_("batas waktu internal"))
    state = FSMField(
        _("status"), default=ContributionState.ASKED, choices=ContributionState.choices, protected=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    message = models.TextField(_("jawaban"), blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declined_at = models.DateTimeField(_("ditolak pada"), null=True, blank=True)
    decline_reason = models.TextField(_("alasan penolakan"), blank=True)

    class Meta:
        verbose_name = _("permintaan bahan")
        verbose_name_plural = _("permintaan bahan")
        ordering = ["asked_at", "id"]
        indexes = [
            # "Asked of my unit" (open first, by due date) and the reminders' "asked, due by".
            models.Index(fields=["unit", "state", "due_date"], name="contribution_unit_idx"),
            models.Index(fields=["state", "due_date"], name="contribution_due_idx"),
        ]

    def __str__(self) -> str:
        # Never the instructions or the answer: this is the audit row's object_repr and the notification's label.
        return _("Permintaan bahan %(number)s · %(unit)s") % {
            "number": self.request.registration_number,
            "unit": self.unit.code,
        }

    def get_absolute_url(self) -> str:
        return reverse("frontend:contribution_detail", args=[self.pk])

    # -- derived ------------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.state == ContributionState.ASKED

    @property
    def due_at(self) -> dt.datetime:
        return dt.datetime.combine(self.due_date, dt.time(23, 59, 59, 999999), tzinfo=self.agency.tzinfo)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.due_at

    @property
    def answered_late(self) -> bool:
        """Answered after the end of the internal due date in the agency's zone."""
        return self.answered_at is not None and self.answered_at > self.due_at

    # -- transitions: fields only -------------------------------------------------------------------
    @transition(
        field=state,
        source=ContributionState.ASKED,
        target=ContributionState.ANSWERED,
        permission=rules.may_answer_contribution,
    )
    def answer(self, *, by, at: dt.datetime, message: str) -> None:
        self.answered_by, self.answered_at, self.message = by, at, message

    @transition(
        field=state,
        source=ContributionState.ASKED,
        target=ContributionState.DECLINED,
        permission=rules.may_answer_contribution,
    )
    def decline(self, *, by, at: dt.datetime, reason: str) -> None:
        self.declined_by, self.declined_at, self.decline_reason = by, at, reason


def contribution_file_path(instance, filename: str) -> str:
    # Never the uploader's file name on disk: a random name under the request's folder.
    return f"contributions/{instance.contribution.request.public_id}/{uuid.uuid4().hex}"


class ContributionFile(models.Model):
    """A file of an answer, stored under PRIVATE_MEDIA_ROOT, served only to those who see the contribution."""

    contribution = models.ForeignKey(Contribution, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to=contribution_file_path, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    # The response file it was copied to, once the handling officer attached it (then the requester sees the copy).
    attached_as = models.ForeignKey(
        "ppid.RequestDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
