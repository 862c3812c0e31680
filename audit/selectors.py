"""Reading the audit trail, scoped to what the viewer may see."""

from django.db.models import QuerySet

from agencies.selectors import staff_agency_ids

from .models import Event


def events_visible_to(user) -> QuerySet[Event]:
    """Staff see their own agency's trail; superusers see everything; nobody else sees the raw trail."""
    qs = Event.objects.select_related("actor", "content_type", "agency")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in=staff_agency_ids(user))
