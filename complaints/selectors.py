"""Reads of complaints, scoped to what the viewer may see. Anonymity and confidentiality are enforced here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from agencies.models import AGENCY_WIDE_ROLES, UnitKind
from agencies.selectors import memberships_of
from ppid.search import SearchFields

from .models import Complaint, ComplaintState

if TYPE_CHECKING:
    from accounts.types import AnyUser


def complaints_visible_to(user: AnyUser | None) -> QuerySet[Complaint]:
    """Reporters: their own. The agency's administrators, Utama staff, Atasan and auditors: the agency's.
    A unit's officers: what was dispositioned to their unit."""
    qs = Complaint.objects.select_related("agency", "unit")
    if user is None or not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    scope = Q(reporter=user)
    for m in memberships_of(user):
        if m.role in AGENCY_WIDE_ROLES or m.unit.kind == UnitKind.UTAMA:
            scope |= Q(agency_id=m.unit.agency_id)
        else:
            scope |= Q(unit_id=m.unit_id)
    return qs.filter(scope)


def complaints_seen_as_staff(user: AnyUser | None) -> QuerySet[Complaint]:
    """The complaints a user sees as staff, never their own reports: whose internal notes they read and write."""
    if user is None or not user.is_authenticated:
        return Complaint.objects.none()
    return complaints_visible_to(user).exclude(reporter=user)


# The queue's search (`ppid.search.search_cases`): the tracking number, title and account of the complaint, and the
# notes for staff. Never the reporter's name: an anonymous reporter must not be found by it.
COMPLAINT_SEARCH = SearchFields(
    number="tracking_number",
    text=("title", "description"),
    name=None,
    own=lambda user: Q(reporter=user) if user.is_authenticated else Q(pk__in=[]),
)


def public_complaints() -> QuerySet[Complaint]:
    """What anyone may read: never a confidential report, never an archived one."""
    return (
        Complaint.objects.select_related("agency", "unit")
        .filter(confidential=False)
        .exclude(state=ComplaintState.ARCHIVED)
    )


def reporter_display(complaint: Complaint, viewer: AnyUser | None) -> str:
    """The reporter as a viewer may see them: anonymous reporters are 'Anonim' to everyone but themselves."""
    is_self = complaint.reporter_id is not None and complaint.reporter_id == getattr(viewer, "pk", None)
    if complaint.anonymous and not is_self:
        return _("Anonim")
    if complaint.reporter is None:
        return _("Anonim")
    profile = getattr(complaint.reporter, "citizen_profile", None)
    return profile.name if profile else complaint.reporter.get_full_name() or complaint.reporter.username


def complaints_with_running_clock() -> QuerySet[Complaint]:
    """Complaints waiting for verification or for the unit's follow-up (`Complaint.current_due` is their clock):
    the reminders'."""
    return Complaint.objects.select_related("agency", "unit").filter(
        state__in=[ComplaintState.SUBMITTED, ComplaintState.DISPOSITIONED]
    )


def due_for_auto_close() -> QuerySet[Complaint]:
    return Complaint.objects.select_related("agency").filter(
        state=ComplaintState.RESPONDED, auto_close_on__isnull=False
    )
