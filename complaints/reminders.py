"""What is due on the complaints' clocks and who is reminded of it (the generic sending, once per case, threshold
and due date, is `notifications.reminders.remind_once`), and the periodic job that runs it and then closes
answered complaints the reporter left unanswered, through the same service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from notifications.reminders import Due, remind_all
from ppid.assignment import assigned_reminder_recipients

from .models import Complaint, ComplaintState
from .rules import UNIT_ROLES
from .selectors import complaints_with_running_clock


def clock_start(complaint: Complaint) -> dt.datetime | None:
    """When the complaint's running clock began: receipt for verification, the disposition (or the reopening)
    for the unit's follow-up, read from the step that set the current due date."""
    name = "verify" if complaint.state == ComplaintState.SUBMITTED else "followup"
    due = complaint.current_due.isoformat()
    for step in reversed(complaint.deadline_log or []):
        if isinstance(step, dict) and step.get("step") == name and step.get("due_date") == due:
            try:
                day = dt.date.fromisoformat(step["start"])
            except (KeyError, TypeError, ValueError):
                break
            return dt.datetime.combine(day, dt.time(12), tzinfo=complaint.agency.tzinfo)
    return complaint.received_at if name == "verify" else complaint.dispositioned_at


def _handlers(complaint: Complaint):
    """An assigned complaint: its officer, then the unit head, then the Atasan (`assigned_reminder_recipients`).
    Unassigned: the complaint administrators while it awaits verification, then the unit it was given to."""

    def recipients(threshold):
        assigned = assigned_reminder_recipients(complaint, threshold)
        if assigned is not None:
            return assigned
        if complaint.state == ComplaintState.SUBMITTED:
            return staff_with_roles(agency=complaint.agency, roles=[StaffRole.ADMIN])
        return staff_with_roles(unit=complaint.unit, roles=UNIT_ROLES)

    return recipients


def running_clocks(horizon: dt.date) -> Iterator[Due]:
    for complaint in complaints_with_running_clock():
        due = complaint.current_due
        if due is not None and due <= horizon:
            yield Due(complaint, due, _handlers(complaint), started=clock_start(complaint))


def send_deadline_reminders(*, now: dt.datetime | None = None) -> int:
    return remind_all(running_clocks, now=now)


def run_deadline_jobs(*, now: dt.datetime | None = None) -> dict:
    """Reminders, then the automatic closing of answered complaints."""
    from .services import complaint_auto_close_due

    return {
        "reminders": send_deadline_reminders(now=now),
        "complaints_closed": complaint_auto_close_due(now=now),
    }
