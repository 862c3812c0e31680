"""Who is told of a change to a complaint. Messages hold the tracking number and state only, so an anonymous
reporter's identity never travels in a notification to staff."""

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from notifications.services import notify, queue_changed

from .events import (
    COMPLAINT_ARRIVED,
    COMPLAINT_AWAITS_VERIFICATION,
    COMPLAINT_REOPEN,
    COMPLAINT_SUBMITTED,
    COMPLAINT_VERIFY,
)
from .rules import UNIT_ROLES


def complaint_changed(complaint, action: str, actor) -> None:
    url = complaint.get_absolute_url()
    common = {"obj": complaint, "agency": complaint.agency, "state": complaint.state, "url": url}
    reporter = complaint.reporter
    if action == COMPLAINT_SUBMITTED:
        notify(recipients=[reporter], kind=action, **common)
        notify(
            recipients=staff_with_roles(agency=complaint.agency, roles=[StaffRole.ADMIN]),
            kind=COMPLAINT_AWAITS_VERIFICATION,
            exclude=actor,
            **common,
        )
        return
    notify(recipients=[reporter], kind=action, exclude=actor, **common)
    if action in (COMPLAINT_VERIFY, COMPLAINT_REOPEN) and complaint.unit_id:
        notify(
            recipients=staff_with_roles(unit=complaint.unit, roles=UNIT_ROLES),
            kind=COMPLAINT_ARRIVED,
            exclude=actor,
            **common,
        )
        queue_changed(unit_ids=[complaint.unit_id], obj=complaint, state=complaint.state)
