"""Who is told of a change to a request or an objection (notifications know cases only by reference)."""

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from notifications.services import notify, queue_changed

from .assignment import may_be_assigned
from .events import (
    CONTRIBUTION_ASKED_OF_YOU,
    OBJECTION_ARRIVED,
    OBJECTION_DECIDED_FOR_UNIT,
    OBJECTION_REGISTERED,
    ORDER_COMPLIED,
    ORDER_OPENED_FOR_UNIT,
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
    # The Atasan, who decides, and the staff who must answer for the case: one notice each (notify skips repeats).
    notify(
        recipients=[
            *staff_with_roles(agency=objection.agency, roles=[StaffRole.ATASAN]),
            *objection_staff(objection),
        ],
        kind=OBJECTION_ARRIVED,
        obj=objection,
        agency=objection.agency,
        state=objection.state,
        url=_objection_url(objection),
        exclude=actor,
    )


def objection_staff(objection) -> list:
    """Who answers for an objection besides the Atasan (issue 16 point 6): the PPID Utama's officers and head, the
    officers and head of the objection's unit, the request's assignee and the objection's own, if any. May repeat a
    person (the Utama is often the unit); `notify` tells each once."""
    people = list(staff_with_roles(unit=objection.unit, roles=OFFICER_ROLES))
    main_unit = objection.agency.main_unit
    if main_unit is not None and main_unit.pk != objection.unit_id:
        people += staff_with_roles(unit=main_unit, roles=OFFICER_ROLES)
    for case in (objection.request, objection):
        assignee = getattr(case, "assigned_to", None)
        if assignee is not None and may_be_assigned(case, assignee):  # one who may still handle it
            people.append(assignee)
    return people


def objection_decided(objection, actor, order=None) -> None:
    """The staff who answer for the case learn of the decision; with an order, that their unit must carry it out
    and by when (the requester is told by `objection_changed`)."""
    if order is not None:
        notify(
            recipients=objection_staff(objection),
            kind=ORDER_OPENED_FOR_UNIT,
            obj=objection,
            agency=objection.agency,
            state=objection.state,
            url=order.get_absolute_url(),
            exclude=actor,
            due=order.due_date,
        )
    else:
        notify(
            recipients=objection_staff(objection),
            kind=OBJECTION_DECIDED_FOR_UNIT,
            obj=objection,
            agency=objection.agency,
            state=objection.state,
            url=_objection_url(objection),
            exclude=actor,
        )


def order_complied(order, actor) -> None:
    """The requester (whose information it is), the Atasan who ordered it and the unit's staff."""
    objection = order.objection
    notify(
        recipients=[
            objection.requester,
            *staff_with_roles(agency=order.agency, roles=[StaffRole.ATASAN]),
            *objection_staff(objection),
        ],
        kind=ORDER_COMPLIED,
        obj=objection,
        agency=order.agency,
        state=order.state,
        url=order.get_absolute_url(),
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
