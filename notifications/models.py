"""Notifications (the truth; websocket messages are only hints), reminder bookkeeping and e-mail preferences."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=64)
    # The case, by reference only (notifications know no case model).
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    case_label = models.CharField(max_length=120)  # a registration or tracking number: no personal data
    state = models.CharField(max_length=32, blank=True)
    message = models.TextField()  # in the recipient's language, written at creation
    params = models.JSONField(
        default=dict, blank=True
    )  # to say it again in another language (case numbers, dates)
    url = models.CharField(max_length=255, blank=True)
    is_read = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "is_read", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.recipient_id} · {self.kind} · {self.case_label}"

    @property
    def case_type(self) -> str:
        return self.content_type.model


class ReminderSent(models.Model):
    """One row per case, threshold and due date: a reminder goes out once, even if the job runs twice or two
    schedulers overlap (the unique constraint decides)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    threshold = models.CharField(max_length=16)  # due_in_3, due_in_1, overdue
    due_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "threshold", "due_date"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.object_id} {self.threshold} {self.due_date}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Segera")
    DIGEST = "digest", _("Ringkasan harian")
    OFF = "off", _("Tidak")


class EmailPreference(models.Model):
    """Officers choose how they get e-mail; citizens always get the mails about their own case."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    mode = models.CharField(
        _("e-mail notifikasi"), max_length=16, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.mode}"


class OutboxMessage(models.Model):
    """A side effect that must not be lost (an e-mail, later a webhook), written in the transaction of the change
    that causes it and carried out by the worker: a broker outage delays it, never loses it, and a rollback
    leaves no row. The payload holds ids, never personal data: the handler reads the rest when it runs."""

    kind = models.CharField(max_length=64)  # a handler registered in notifications.outbox
    payload = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the next try is due; null once sent or given up (after OUTBOX_MAX_ATTEMPTS).
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["next_attempt_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"
