"""Reading the audit trail, scoped to what the viewer may see."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from .models import Event

if TYPE_CHECKING:
    from accounts.types import AnyUser

# Who reaches an agency's whole trail is agencies' rule (`agencies.selectors.agency_ids_in_full_reach`).
# Every agencies service writes the trail, so agencies sits below audit and registers the rule from
# `AppConfig.ready`; with none registered nobody but a superuser reads the trail.
TrailReach = Callable[[object], Iterable[int]]
_trail_reach: list[TrailReach] = []


def register_trail_reach(rule: TrailReach) -> None:
    """Called by agencies from `AppConfig.ready`: `rule(user)` gives the agencies whose whole trail user reads."""
    _trail_reach.append(rule)


def events_visible_to(user: AnyUser) -> QuerySet[Event]:
    """Staff who reach every unit of their agency (agency-wide roles, PPID Utama staff) see its trail; a PPID
    Pelaksana's officers see their own cases' events on the case pages only. Superusers see everything; nobody
    else sees the raw trail."""
    qs = Event.objects.select_related("actor", "content_type", "agency")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(agency_id__in={agency_id for rule in _trail_reach for agency_id in rule(user)})


# Reasons written for colleagues, not for the person the case is about: an officer's stated purpose for
# viewing personal data, and the actions other apps register (a forward note, also kept as an internal note;
# an internal note's own row, `casenotes`).
# Every output of a case's events (pages, API) reads them through event_reason.
STAFF_ONLY_REASON_PREFIXES = ("personal_data.",)
_staff_only_actions: set[str] = set()


def register_staff_only_reason(*actions: str) -> None:
    """Called by case apps from `AppConfig.ready`: the reasons of these actions are for staff only."""
    _staff_only_actions.update(actions)


def event_reason(event: Event, *, staff_view: bool) -> str:
    """The reason of `event` as this viewer may read it: staff read every reason; others read it unless it
    is one of the staff-only kinds above."""
    if staff_view or not (
        event.action.startswith(STAFF_ONLY_REASON_PREFIXES) or event.action in _staff_only_actions
    ):
        return event.reason
    return ""
