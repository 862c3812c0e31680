"""Internal notes on a case (an information request, an objection, a complaint): written by staff, read by the
staff who may see the case, never by the requester or the reporter. Append-only, like the audit trail."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseNote(models.Model):
    # The case by content type and id, as audit knows objects: casenotes sits above the case apps.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    agency = models.ForeignKey("agencies.Agency", verbose_name=_("badan publik"), on_delete=models.PROTECT)
    # PROTECT: an author who wrote a note is deactivated, never deleted.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penulis"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("catatan"))
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)

    class Meta:
        verbose_name = _("catatan internal")
        verbose_name_plural = _("catatan internal")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        # Never the text: this is the audit row's object_repr.
        return _("Catatan internal #%(id)s") % {"id": self.pk}
