"""Who is told of a change to a request or an objection (notifications know cases only by reference)."""

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from notifications.services import notify, queue_changed

from .events import (
    CONTRIBUTION_ASKED_OF_YOU,
    OBJECTION_ARRIVED,
    OBJECTION_REGISTERED,
    REQUEST_ARRIVED,
    REQUEST_CLARIFY,
    REQUEST_FORWARD,
    REQUEST_FORWARDED_TO_YOU,
    REQUEST_REGISTERED,
)
from .rules import OFFICER_ROLES


def _request_url(request) -> str:
    return request.get_absolute_url()


def request_registered(request, actor) -> None:
    # The requester always gets the receipt of their own filing; the unit's officers see a new case.
    notify(
        recipients=[request.requester],
        kind=REQUEST_REGISTERED,
        obj=request,
        agency=request.agency,
        state=request.state,
        url=_request_url(request),
    )
    notify(
        recipients=staff_with_roles(unit=request.unit, roles=OFFICER_ROLES),
        kind=REQUEST_ARRIVED,
        obj=request,
        agency=request.agency,
        state=request.state,
        url=_request_url(request),
        exclude=actor,
    )
    queue_changed(unit_ids=[request.unit_id], obj=request, state=request.state)


def request_changed(request, action: str, actor, *, old_unit_id=None) -> None:
    kind = action  # e.g. request.extend
    notify(
        recipients=[request.requester],
        kind=kind,
        obj=request,
        agency=request.agency,
        state=request.state,
        url=_request_url(request),
        exclude=actor,
    )
    if action == REQUEST_FORWARD:
        notify(
            recipients=staff_with_roles(unit=request.unit, roles=OFFICER_ROLES),
            kind=REQUEST_FORWARDED_TO_YOU,
            obj=request,
            agency=request.agency,
            state=request.state,
            url=_request_url(request),
            exclude=actor,
        )
    if action == REQUEST_CLARIFY:
        notify(
            recipients=staff_with_roles(unit=request.unit, roles=OFFICER_ROLES),
            kind=kind,
            obj=request,
            agency=request.agency,
            state=request.state,
            url=_request_url(request),
            exclude=actor,
        )
    queue_changed(unit_ids=[request.unit_id, old_unit_id], obj=request, state=request.state)


def _objection_url(objection) -> str:
    return objection.get_absolute_url()


def objection_registered(objection, actor) -> None:
    # The requester's mail carries the number, the Atasan's due date and the tanda terima as a PDF (ppid.apps).
    notify(
        recipients=[objection.requester],
        kind=OBJECTION_REGISTERED,
        obj=objection,
        agency=objection.agency,
        state=objection.state,
        url=_objection_url(objection),
        due=objection.due_date,
    )
    notify(
        recipients=staff_with_roles(agency=objection.agency, roles=[StaffRole.ATASAN]),
        kind=OBJECTION_ARRIVED,
        obj=objection,
        agency=objection.agency,
        state=objection.state,
        url=_objection_url(objection),
        exclude=actor,
    )


def objection_changed(objection, action: str, actor) -> None:
    notify(
        recipients=[objection.requester],
        kind=action,
        obj=objection,
        agency=objection.agency,
        state=objection.state,
        url=_objection_url(objection),
        exclude=actor,
    )


# --- contributions across units (issue 16 point 4) -------------------------------------------------------------
def contribution_asked(contribution, actor) -> None:
    """The asked unit's officers and head are told; the link is the contribution's page, never the request's."""
    notify(
        recipients=staff_with_roles(unit=contribution.unit, roles=OFFICER_ROLES),
        kind=CONTRIBUTION_ASKED_OF_YOU,
        obj=contribution,
        agency=contribution.agency,
        state=contribution.state,
        url=contribution.get_absolute_url(),
        exclude=actor,
        number=contribution.request.registration_number,
        due=contribution.due_date,
    )


def contribution_replied(contribution, action: str, actor) -> None:
    """The officer who asked and the request's assignee hear of the answer or the refusal, on the request page."""
    notify(
        recipients=[contribution.asked_by, contribution.request.assigned_to],
        kind=action,
        obj=contribution,
        agency=contribution.agency,
        state=contribution.state,
        url=contribution.request.get_absolute_url(),
        exclude=actor,
        number=contribution.request.registration_number,
        unit=contribution.unit.name,
    )
