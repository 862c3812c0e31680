"""What is due on the clocks of requests, objections, contributions and the Atasan's orders, and who is reminded
of it (the generic sending, once per case, threshold and due date, is `notifications.reminders.remind_once`), and the
periodic job that runs it and then completes answered requests through the same service the pages call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType

from agencies.models import StaffRole
from agencies.selectors import staff_with_roles
from notifications.models import ReminderSent
from notifications.reminders import Due, remind_all

from .approval import approvers
from .assignment import assigned_reminder_recipients, may_be_assigned
from .rules import OFFICER_ROLES
from .selectors import contributions_due_by, drafts_due_by, objections_due_by, orders_due_by, requests_due_by


def _unit_and_atasan(request):
    """An assigned request: its officer, then the unit head, then the Atasan (`assigned_reminder_recipients`).
    Unassigned: the unit's officers and head; once overdue, the Atasan PPID too."""

    def recipients(threshold):
        assigned = assigned_reminder_recipients(request, threshold)
        if assigned is not None:
            return assigned
        people = staff_with_roles(unit=request.unit, roles=OFFICER_ROLES)
        if threshold == "overdue":
            people += staff_with_roles(agency=request.agency, roles=[StaffRole.ATASAN])
        return people

    return recipients


def _atasan(objection):
    """The Atasan PPID, who decides; an assigned objection's officer too."""

    def recipients(threshold):
        assigned = assigned_reminder_recipients(objection, threshold, agency_wide=(StaffRole.ATASAN,))
        if assigned is not None:
            return assigned
        return staff_with_roles(agency=objection.agency, roles=[StaffRole.ATASAN])

    return recipients


def _order_unit(order):
    """The unit that must carry out the Atasan's order: its officers and head and the request's assignee, at every
    threshold (a unit without officers falls to the PPID Utama's); once overdue the Atasan PPID too."""

    def recipients(threshold):
        people = staff_with_roles(unit=order.unit, roles=OFFICER_ROLES)
        if not people and order.agency.main_unit is not None:
            people = staff_with_roles(unit=order.agency.main_unit, roles=OFFICER_ROLES)
        assignee = getattr(order.request, "assigned_to", None)
        if assignee is not None and may_be_assigned(order.request, assignee):
            people.append(assignee)
        if threshold == "overdue":
            people += staff_with_roles(agency=order.agency, roles=[StaffRole.ATASAN])
        return people

    return recipients


def _asked_unit(contribution):
    """A contribution's internal due date: the asked unit's officers and head (issue 16 point 4)."""

    def recipients(threshold):
        return staff_with_roles(unit=contribution.unit, roles=OFFICER_ROLES)

    return recipients


def _heads_once(draft):
    """A pending draft near its request's due date warns the heads who may approve it, once (the first threshold
    it reaches; `remind_once` records each, so a later threshold finds one recorded and sends nothing)."""

    def recipients(threshold):
        already = ReminderSent.objects.filter(
            content_type=ContentType.objects.get_for_model(draft), object_id=str(draft.pk)
        ).exists()
        return [] if already else approvers(draft.request)

    return recipients


def running_clocks(horizon: dt.date) -> Iterator[Due]:
    for request in requests_due_by(horizon):
        yield Due(request, request.due_date, _unit_and_atasan(request))
    for objection in objections_due_by(horizon):
        yield Due(objection, objection.due_date, _atasan(objection))
    for order in orders_due_by(horizon):
        yield Due(order, order.due_date, _order_unit(order), started=order.opened_at)
    for contribution in contributions_due_by(horizon):
        # Asked with less than 3 working days left, "due in 3" is no news: the ask itself said the date.
        yield Due(
            contribution, contribution.due_date, _asked_unit(contribution), started=contribution.asked_at
        )
    for draft in drafts_due_by(horizon):
        yield Due(draft, draft.request.due_date, _heads_once(draft))


def send_deadline_reminders(*, now: dt.datetime | None = None) -> int:
    return remind_all(running_clocks, now=now)


def run_deadline_jobs(*, now: dt.datetime | None = None) -> dict:
    """Reminders, then the automatic completion of answered requests."""
    from .services import information_request_auto_complete_due

    return {
        "reminders": send_deadline_reminders(now=now),
        "requests_completed": information_request_auto_complete_due(now=now),
    }
