"""Writing the audit trail. Call inside the service's transaction, next to the change it records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import Event

if TYPE_CHECKING:
    from accounts.types import AnyUser
    from agencies.models import Agency


def audit_record(
    *,
    actor: AnyUser | None,
    obj: models.Model,
    action: str,
    agency: Agency | None = None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    details: dict[str, Any] | None = None,
) -> Event:
    """Append one event. `actor` is a user or None for the system; `details` must hold no personal data."""
    return Event.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        agency=agency,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        action=action,
        from_state=from_state or "",
        to_state=to_state or "",
        reason=reason or "",
        details=details or {},
    )
