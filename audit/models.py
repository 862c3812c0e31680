"""The one audit trail that every workflow writes, in the same transaction as the change it records."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImmutableEventError(Exception):
    """Raised when code tries to change or delete an audit event."""


class EventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableEventError("Audit events cannot be changed.")

    def delete(self):
        raise ImmutableEventError("Audit events cannot be deleted.")

    def for_object(self, obj: models.Model) -> "EventQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class Event(models.Model):
    """Who did what to which object, when, from which state to which, and why.

    Rows are append-only: the model, its queryset and a database trigger (see the migration) refuse
    updates, and deletes are refused by the application.
    """

    created_at = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    # PROTECT: an actor who appears in the trail is deactivated, never deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Scope: the agency whose trail this is (null for platform-wide events such as national holidays).
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("badan publik"), null=True, blank=True, on_delete=models.PROTECT
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("objek"), max_length=255)
    action = models.CharField(_("tindakan"), max_length=64)
    from_state = models.CharField(_("dari status"), max_length=64, blank=True)
    to_state = models.CharField(_("ke status"), max_length=64, blank=True)
    reason = models.TextField(_("alasan"), blank=True)
    details = models.JSONField(_("rincian"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("peristiwa audit")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableEventError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEventError("Audit events cannot be deleted.")
