"""Who works on a case (issue 16 point 2), the fields requests, objections and complaints share."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignedCase(models.Model):
    """Empty until an officer claims the case or the unit head assigns it (`ppid.assignment`). Each model indexes
    (assigned_to, state, ...) for "my open cases" and the queue's assignee filter, so the key has no index alone."""

    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditangani oleh"),
        null=True,
        blank=True,
        db_index=False,
        on_delete=models.PROTECT,
        related_name="assigned_%(class)ss",
    )
    assigned_at = models.DateTimeField(_("ditugaskan pada"), null=True, blank=True)

    class Meta:
        abstract = True
