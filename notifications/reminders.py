"""Deadline reminders: cases due in 3 working days, due in 1, and overdue. Each reminder goes out once per
case, threshold and due date (an extension re-arms them), even if the job runs twice at the same time."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from workcalendar.calendar import WorkingCalendar

from .models import ReminderSent
from .services import notify

UNIT_ROLES = (StaffRole.OFFICER, StaffRole.PPID)


def threshold_for(
    due_date: dt.date, now: dt.datetime, calendar: WorkingCalendar, *, started: dt.datetime | None = None
) -> str | None:
    """The reminder due now: overdue after the due date's end; "due_in_1" / "due_in_3" when at most 1 / 3
    working days follow today up to the due date. `started` is when the clock began: a threshold the clock
    was already within when it began is no news (a 3-working-day verification clock does not warn "due in 3
    working days" a minute after filing; its arrival notice just said it)."""
    today = calendar.local_date(now)
    if now > calendar.end_of_day(due_date):
        return "overdue"
    remaining = calendar.working_days_between(today, due_date)
    at_start = (
        None if started is None else calendar.working_days_between(calendar.local_date(started), due_date)
    )
    for threshold, bound in (("due_in_1", 1), ("due_in_3", 3)):
        if remaining <= bound:
            return threshold if at_start is None or at_start > bound else None
    return None


def _complaint_clock_start(complaint) -> dt.datetime | None:
    """When the complaint's running clock began: receipt for verification, the disposition (or the reopening)
    for the unit's follow-up, read from the step that set the current due date."""
    from complaints.models import ComplaintState

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


def _claim(obj, threshold: str, due_date: dt.date) -> bool:
    """True for the one run that records this reminder first."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                content_type=ContentType.objects.get_for_model(obj),
                object_id=str(obj.pk),
                threshold=threshold,
                due_date=due_date,
            )
        return True
    except IntegrityError:
        return False


def _remind(obj, *, agency, due_date, recipients, url, now, calendars, started=None) -> int:
    calendar = calendars.setdefault(agency.pk, WorkingCalendar(agency))
    threshold = threshold_for(due_date, now, calendar, started=started)
    if threshold is None:
        return 0
    recipient_list = recipients(threshold)
    if not recipient_list:
        return 0
    with transaction.atomic():
        if not _claim(obj, threshold, due_date):
            return 0
        notify(
            recipients=recipient_list,
            kind=f"reminder.{threshold}",
            obj=obj,
            agency=agency,
            url=url,
            due=due_date,  # written in each recipient's language by notifications.messages.render
        )
    return 1


def send_deadline_reminders(*, now: dt.datetime | None = None) -> int:
    """Remind the assigned officers and the unit head; for overdue cases the Atasan PPID too."""
    from django.urls import reverse

    from complaints.models import Complaint, ComplaintState
    from ppid.models import OPEN_OBJECTION_STATES, OPEN_STATES, InformationRequest, Objection, RequestState

    now = now or timezone.now()
    horizon = now.date() + dt.timedelta(days=10)  # 3 working days ahead never reach further than this
    calendars: dict = {}
    sent = 0
    requests = (
        InformationRequest.objects.select_related("agency", "unit")
        .filter(state__in=OPEN_STATES, due_date__lte=horizon)
        .exclude(state=RequestState.AWAITING_CLARIFICATION, agency__pause_on_clarification=True)
    )
    for request in requests:

        def recipients(threshold, request=request):
            people = staff_with_roles(unit=request.unit, roles=UNIT_ROLES)
            if threshold == "overdue":
                people += staff_with_roles(agency=request.agency, roles=[StaffRole.ATASAN])
            return people

        sent += _remind(
            request,
            agency=request.agency,
            due_date=request.due_date,
            recipients=recipients,
            url=reverse("frontend:request_detail", args=[request.pk]),
            now=now,
            calendars=calendars,
        )
    for objection in Objection.objects.select_related("agency").filter(
        state__in=OPEN_OBJECTION_STATES, due_date__lte=horizon
    ):

        def atasan(threshold, objection=objection):
            return staff_with_roles(agency=objection.agency, roles=[StaffRole.ATASAN])

        sent += _remind(
            objection,
            agency=objection.agency,
            due_date=objection.due_date,
            recipients=atasan,
            url=reverse("frontend:objection_detail", args=[objection.pk]),
            now=now,
            calendars=calendars,
        )
    complaints = Complaint.objects.select_related("agency", "unit").filter(
        state__in=[ComplaintState.SUBMITTED, ComplaintState.DISPOSITIONED]
    )
    for complaint in complaints:
        due = complaint.current_due
        if due is None or due > horizon:
            continue

        def handlers(threshold, complaint=complaint):
            if complaint.state == ComplaintState.SUBMITTED:
                return staff_with_roles(agency=complaint.agency, roles=[StaffRole.ADMIN])
            return staff_with_roles(unit=complaint.unit, roles=UNIT_ROLES)

        sent += _remind(
            complaint,
            agency=complaint.agency,
            due_date=due,
            recipients=handlers,
            url=reverse("frontend:complaint_detail", args=[complaint.pk]),
            now=now,
            calendars=calendars,
            started=_complaint_clock_start(complaint),
        )
    return sent


def run_deadline_jobs(*, now: dt.datetime | None = None) -> dict:
    """The periodic job: reminders, then the time-driven transitions through the same services."""
    from complaints.services import complaint_auto_close_due
    from ppid.services import information_request_auto_complete_due

    return {
        "reminders": send_deadline_reminders(now=now),
        "requests_completed": information_request_auto_complete_due(now=now),
        "complaints_closed": complaint_auto_close_due(now=now),
    }
