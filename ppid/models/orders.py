"""The Atasan PPID's order carried out (issue 16 point 6): a granted or partly granted objection obliges the unit
whose case it is to provide what the Atasan ordered by the comply-by date. The obligation is a row of its own, opened
by `objection_decide` in the same transaction, so that it has a deadline, reminders and a record of compliance
(Perki 1/2021 Pasal 56(d): objections "dengan pelaksanaannya")."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from .. import rules
from .objections import Objection
from .requests import InformationRequest

if TYPE_CHECKING:
    from workcalendar.calendar import WorkingCalendar
    from workcalendar.deadlines import Status


class OrderState(models.TextChoices):
    OPEN = "open", _("Belum dilaksanakan")
    COMPLIED = "complied", _("Sudah dilaksanakan")


class ObjectionOrder(FSMModelMixin, models.Model):
    """What the PPID must provide after a granted (or partly granted) objection, by when, and by which unit."""

    objection = models.OneToOneField(Objection, on_delete=models.PROTECT, related_name="order_obligation")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="objection_orders")
    # Empty for an objection without a request (ground b, Pasal 35(1)b).
    request = models.ForeignKey(
        InformationRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="objection_orders"
    )
    # The objection's unit: the one that must comply (the PPID Utama's officers may act for it).
    unit = models.ForeignKey(
        "agencies.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="objection_orders"
    )
    what = models.TextField(_("yang wajib dipenuhi PPID"))
    due_date = models.DateField(_("paling lambat dipenuhi pada"))
    state = FSMField(_("status"), default=OrderState.OPEN, choices=OrderState.choices, protected=True)
    opened_at = models.DateTimeField(_("dibuka pada"), default=timezone.now)
    complied_at = models.DateTimeField(_("dilaksanakan pada"), null=True, blank=True)
    complied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the unit sent to the requester: read by the requester with the files.
    statement = models.TextField(_("keterangan pelaksanaan"), blank=True)

    class Meta:
        verbose_name = _("pelaksanaan putusan atasan")
        verbose_name_plural = _("pelaksanaan putusan atasan")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["agency", "state", "due_date"], name="order_agency_state_idx"),
            models.Index(fields=["unit", "state", "due_date"], name="order_unit_state_idx"),
        ]

    def __str__(self) -> str:
        return str(_("Putusan keberatan %(number)s") % {"number": self.objection.registration_number})

    def get_absolute_url(self) -> str:
        return reverse("frontend:objection_detail", args=[self.objection_id]) + "#pelaksanaan-h"

    @property
    def is_open(self) -> bool:
        return self.state == OrderState.OPEN

    @property
    def due_at(self) -> dt.datetime:
        return dt.datetime.combine(self.due_date, dt.time(23, 59, 59, 999999), tzinfo=self.agency.tzinfo)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.due_at

    @property
    def complied_late(self) -> bool | None:
        """None while open; else whether it was carried out after the comply-by date's end."""
        return None if self.complied_at is None else self.complied_at > self.due_at

    def deadline(self, calendar: WorkingCalendar | None = None) -> Status | None:
        """On time, due soon or overdue (`workcalendar.deadlines.deadline_status`); None once complied."""
        from workcalendar.calendar import WorkingCalendar
        from workcalendar.deadlines import deadline_status

        if not self.is_open:
            return None
        return deadline_status(self.due_date, calendar=calendar or WorkingCalendar(self.agency))

    # -- transitions: fields only ---------------------------------------------------------------------
    @transition(
        field=state,
        source=OrderState.OPEN,
        target=OrderState.COMPLIED,
        permission=rules.is_handling_officer,
    )
    def comply(self, *, by, at: dt.datetime, statement: str) -> None:
        self.complied_by, self.complied_at, self.statement = by, at, statement


def order_file_path(instance: ObjectionOrderFile, filename: str) -> str:
    # Never the uploader's file name on disk: a random name under the objection's folder.
    return f"orders/{instance.order.objection.public_id}/{uuid.uuid4().hex}"


class ObjectionOrderFile(models.Model):
    """A file the unit sent in carrying out the order: the information the Atasan ordered, so it is the
    requester's to read, like a request's response files. Stored under PRIVATE_MEDIA_ROOT, served by a view that
    checks and records."""

    order = models.ForeignKey(ObjectionOrder, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to=order_file_path, max_length=255)
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

    def get_absolute_url(self) -> str:
        return reverse("frontend:order_file", args=[self.pk])
