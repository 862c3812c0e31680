"""Reading the audit trail, scoped to what the viewer may see."""

from django.db.models import QuerySet

from agencies.selectors import agency_ids_in_full_reach

from .models import Event


def events_visible_to(user) -> QuerySet[Event]:
    """Staff who reach every unit of their agency (agency-wide roles, PPID Utama staff) see its trail; a PPID
    Pelaksana's officers see their own cases' events on the case pages only. Superusers see everything; nobody
    else sees the raw trail."""
    qs = Event.objects.select_related("actor", "content_type", "agency")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in=agency_ids_in_full_reach(user))
