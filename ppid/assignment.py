"""Who works on a case (issue 16 point 2), the part requests, objections and complaints share: an officer who may
handle the case claims it while nobody has it, the unit head (role `ppid`, of the case's unit or of the PPID Utama)
assigns it to such an officer or releases it, and moving it away from someone needs a reason. The case apps' services
lock the row (404 for what the caller cannot see) and check that the case is still open; this module checks the
rest, saves, audits in the same transaction and tells the new and the former assignee."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from audit.services import audit_record
from notifications.services import notify, queue_changed

from .errors import InvalidTransition, PermissionDenied, ValidationError
from .rules import is_handling_officer, is_unit_head

if TYPE_CHECKING:
    import datetime as dt

    from accounts.models import User
    from agencies.models import Agency, Unit


class Assignable(Protocol):
    """A request, an objection or a complaint (read-only members: each model narrows them its own way)."""

    @property
    def pk(self) -> Any: ...
    @property
    def agency(self) -> Agency: ...
    @property
    def agency_id(self) -> int: ...
    @property
    def unit(self) -> Unit | None: ...
    @property
    def unit_id(self) -> int | None: ...
    @property
    def state(self) -> str: ...

    assigned_to: User | None
    assigned_to_id: int | None
    assigned_at: dt.datetime | None

    def save(self, *, update_fields: list[str]) -> None: ...
    def get_absolute_url(self) -> str: ...


@dataclass(frozen=True)
class AssignmentCodes:
    """A case type's codes (defined in its events.py)."""

    action: str  # the audit event of every change
    assigned: str  # the notification to the new assignee
    unassigned: str  # the notification to the former assignee


def may_be_assigned(case: Assignable, user: User) -> bool:
    """An active officer or unit head of the case's unit, or of the agency's PPID Utama."""
    return user.is_active and is_handling_officer(case, user)


def check_may_assign(case: Assignable, actor: User) -> None:
    """Only officers who may handle the case take part in its assignment (the API asks before the payload)."""
    if not may_be_assigned(case, actor):
        raise PermissionDenied(
            _(
                "Hanya petugas unit yang menangani perkara ini atau PPID Utama yang dapat mengambil perkara ini."
            )
        )


def check_open(case: Assignable, open_states: tuple[str, ...] | list[str] | frozenset[str]) -> None:
    if case.state not in open_states:
        raise InvalidTransition(_("Perkara yang sudah selesai tidak dapat ditugaskan."), state=case.state)


def _officer(case: Assignable, officer_id: int | None) -> User | None:
    if officer_id is None:
        return None
    officer = get_user_model().objects.filter(pk=officer_id).first()
    # One answer for a stranger, a citizen, another agency's officer and an id that does not exist.
    if officer is None or not may_be_assigned(case, officer):
        raise ValidationError(
            {
                "officer": [
                    _(
                        "Petugas ini tidak dapat menangani perkara ini: pilih petugas aktif dari unit perkara "
                        "atau PPID Utama."
                    )
                ]
            }
        )
    return officer


def change_assignee(
    case: Assignable, *, actor: User, officer_id: int | None, reason: str, codes: AssignmentCodes
) -> Assignable:
    """Claim (`officer_id` is the actor's own, by an officer of the case) or assign (the unit head: anyone who may
    handle the case, or None to release it). The case is locked and open. Audited with the former and the new
    assignee; both are notified (never the actor), the unit's queues refresh after commit."""
    check_may_assign(case, actor)
    head = is_unit_head(case, actor)
    claim = officer_id is not None and officer_id == actor.pk
    if not head and not claim:
        raise PermissionDenied(
            _("Hanya kepala unit (PPID) yang dapat menugaskan perkara kepada petugas lain atau melepasnya.")
        )
    if not head and case.assigned_to_id not in (None, actor.pk):
        raise InvalidTransition(
            _("Perkara ini sudah ditangani petugas lain; hanya kepala unit yang dapat mengalihkannya."),
            state=case.state,
        )
    officer = _officer(case, officer_id)
    if case.assigned_to_id == officer_id:
        message = (
            _("Perkara ini sudah ditugaskan kepada petugas tersebut.")
            if officer_id is not None
            else _("Perkara ini belum ditugaskan kepada siapa pun.")
        )
        raise ValidationError({"officer": [message]})
    reason = (reason or "").strip()
    if case.assigned_to_id is not None and not reason:
        raise ValidationError({"reason": [_("Pengalihan atau pelepasan penugasan wajib disertai alasan.")]})
    former = case.assigned_to
    case.assigned_to, case.assigned_at = officer, (timezone.now() if officer is not None else None)
    case.save(update_fields=["assigned_to", "assigned_at"])
    audit_record(
        actor=actor,
        obj=case,  # type: ignore[arg-type]  # every Assignable is a model
        agency=case.agency,
        action=codes.action,
        from_state=case.state,
        to_state=case.state,
        reason=reason,
        details={
            "from_assignee": former.pk if former is not None else None,
            "to_assignee": officer.pk if officer is not None else None,
            "claim": claim and former is None,
        },
    )
    common: dict[str, Any] = {
        "obj": case,
        "agency": case.agency,
        "state": case.state,
        "url": case.get_absolute_url(),
        "exclude": actor,
    }
    notify(recipients=[officer], kind=codes.assigned, **common)
    notify(recipients=[former], kind=codes.unassigned, **common)
    queue_changed(unit_ids=[case.unit_id], obj=case, state=case.state)  # type: ignore[arg-type]
    return case


def assigned_reminder_recipients(
    case: Assignable, threshold: str, *, agency_wide: tuple[str, ...] = ()
) -> list[User] | None:
    """Who is reminded of an assigned case: the assignee first; from "due in 1" the unit head too; once overdue
    the Atasan PPID as well. `agency_wide` roles (the Atasan of an objection) are reminded at every threshold.
    None when the case has no assignee who may still handle it: the case app's reminders for unassigned cases
    apply."""
    assignee = case.assigned_to
    if assignee is None or not may_be_assigned(case, assignee):
        return None
    people: list[User] = [assignee]
    if agency_wide:
        people += staff_with_roles(agency=case.agency, roles=agency_wide)
        return people
    if threshold != "due_in_3":
        people += _heads(case)
    if threshold == "overdue":
        people += staff_with_roles(agency=case.agency, roles=[StaffRole.ATASAN])
    return people


def _heads(case: Assignable) -> list[User]:
    """The unit's heads; a unit without one, or a complaint before its disposition, falls to the PPID Utama's."""
    if case.unit is not None:
        heads = staff_with_roles(unit=case.unit, roles=[StaffRole.PPID])
        if heads:
            return heads
    return [u for u in staff_with_roles(agency=case.agency, roles=[StaffRole.PPID]) if is_unit_head(case, u)]
