"""Deadline reminders, the generic part: which threshold is due (due in 3 working days, due in 1, overdue) and
`remind_once`, which sends it once per case, threshold and due date (an extension re-arms them), even if the
job runs twice at the same time. What is due and who is reminded is the case apps' (`ppid/reminders.py`,
`complaints/reminders.py`); their jobs are listed by name in `settings.DEADLINE_JOBS`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DUE_SOON_WORKING_DAYS, DeadlineStatus, deadline_status

from .models import ReminderSent
from .services import notify

# A due date more than this many calendar days ahead is never within DUE_SOON_WORKING_DAYS working days.
HORIZON_DAYS = 10
# The codes are notification kinds (`reminder.due_in_3`, worded "dalam 3 hari kerja" in messages.py).
THRESHOLDS = (("due_in_1", 1), ("due_in_3", DUE_SOON_WORKING_DAYS))


def reminder_horizon(now: dt.datetime) -> dt.date:
    """The latest due date a reminder run needs to look at."""
    return now.date() + dt.timedelta(days=HORIZON_DAYS)


def threshold_for(
    due_date: dt.date, now: dt.datetime, calendar: WorkingCalendar, *, started: dt.datetime | None = None
) -> str | None:
    """The reminder due now: overdue after the due date's end; "due_in_1" / "due_in_3" when at most 1 / 3
    working days follow today up to the due date. `started` is when the clock began: a threshold the clock
    was already within when it began is no news (a 3-working-day verification clock does not warn "due in 3
    working days" a minute after filing; its arrival notice just said it)."""
    status = deadline_status(due_date, calendar=calendar, now=now)
    if status.code == DeadlineStatus.OVERDUE:
        return "overdue"
    remaining = status.working_days_left
    at_start = (
        None if started is None else calendar.working_days_between(calendar.local_date(started), due_date)
    )
    for threshold, bound in THRESHOLDS:
        if remaining <= bound:
            return threshold if at_start is None or at_start > bound else None
    return None


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


def claim_once(obj, threshold: str, due_date: dt.date) -> bool:
    """True for the one run that records this reminder of `obj` first (`ReminderSent` is unique per case,
    threshold and due date): for apps whose clocks are not in working days and send through their own kinds (the
    register's six-monthly updates, `dip/reminders.py`). Call it inside the transaction that notifies."""
    return _claim(obj, threshold, due_date)


@dataclass(frozen=True)
class Due:
    """A case's running clock, as a case app's reminders see it."""

    obj: object  # a case with `agency` and `get_absolute_url()`
    due_date: dt.date
    recipients: Callable[[str], list]  # who is reminded of a threshold
    started: dt.datetime | None = None  # when the clock began (see threshold_for)


def remind_all(dues: Callable[[dt.date], Iterable[Due]], *, now: dt.datetime | None = None) -> int:
    """Send what is due now of the clocks `dues(horizon)` yields (those due by `horizon`); the count sent."""
    now = now or timezone.now()
    calendars: dict = {}
    return sum(
        remind_once(
            due.obj,
            agency=due.obj.agency,
            due_date=due.due_date,
            recipients=due.recipients,
            now=now,
            calendars=calendars,
            started=due.started,
        )
        for due in dues(reminder_horizon(now))
    )


def remind_once(obj, *, agency, due_date, recipients, now, calendars, started=None) -> int:
    """Notify `recipients(threshold)` of the threshold `obj` (a case with `get_absolute_url()`) has reached,
    unless that reminder was recorded already for this due date. `calendars` caches one calendar per agency
    over a run. Returns 1 if it was sent."""
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
            url=obj.get_absolute_url(),
            due=due_date,  # written in each recipient's language by notifications.messages.render
        )
    return 1


def run_deadline_jobs(*, now: dt.datetime | None = None) -> dict:
    """Every case app's deadline job (`settings.DEADLINE_JOBS`, by name) in turn, their counts added up (tests,
    the shell). Celery beat runs each job as its own task; the embedded scheduler runs each on its own."""
    now = now or timezone.now()
    total: dict = {}
    for name in settings.DEADLINE_JOBS:
        for key, value in import_string(name)(now=now).items():
            total[key] = total.get(key, 0) + value
    return total
