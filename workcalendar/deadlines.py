"""The deadline vocabulary every case type shares: the step a deadline log keeps (`as_step`, one shape for
requests, objections and complaints, worded in the viewer's language when shown) and a due date's status (on
time, due soon, overdue) that pages, API filters and reminders read alike."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy

from .calendar import DueDate, WorkingCalendar, explain_step, step_start_label

# "Due soon": at most this many working days follow today up to the due date (the pages' badge, the API's
# `due_soon` filter, the "due in 3 working days" reminder).
DUE_SOON_WORKING_DAYS = 3


class DeadlineStatus(enum.StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Status:
    code: DeadlineStatus
    working_days_left: int | None  # None once overdue


def deadline_status(
    due_date: dt.date, *, calendar: WorkingCalendar, now: dt.datetime | None = None
) -> Status:
    """Overdue after the end of the due date in the agency's zone; due soon when at most
    DUE_SOON_WORKING_DAYS working days follow today up to it; else on time. Callers decide first whether a
    clock runs at all (an open case, not paused)."""
    now = now or timezone.now()
    if now > calendar.end_of_day(due_date):
        return Status(DeadlineStatus.OVERDUE, None)
    left = calendar.working_days_between(calendar.local_date(now), due_date)
    return Status(DeadlineStatus.DUE_SOON if left <= DUE_SOON_WORKING_DAYS else DeadlineStatus.ON_TIME, left)


def due_soon_until(today: dt.date, *, calendar: WorkingCalendar) -> dt.date:
    """The latest due date a query counts as due soon on `today`."""
    return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS).due_date


# --- deadline log steps -----------------------------------------------------------------------------------
STEP_LABELS = {
    # Information requests and objections
    "initial": gettext_lazy("Batas waktu awal (10 hari kerja)"),
    "pause": gettext_lazy("Jeda selama menunggu klarifikasi"),
    "extension": gettext_lazy("Perpanjangan (7 hari kerja)"),
    # Complaints
    "verify": gettext_lazy("Verifikasi dan disposisi oleh admin pengaduan"),
    "followup": gettext_lazy("Tindak lanjut oleh unit"),
    "auto_close": gettext_lazy("Balasan pelapor (setelah itu ditutup otomatis)"),
    "resolution": gettext_lazy("Penyelesaian pengaduan"),
}


def as_step(step: str, due, *, start_label: str | None = None, **extra) -> dict:
    """One deadline_log entry: the step's code, when it was computed, the structured deadline (`as_record()` of
    a DueDate; `as_dict()` of a calendar-day limit), what its start date is, and the explanation in the active
    language (kept for the API and the audit trail; pages word it again with `step_display`). `extra` adds
    step data (`paused_working_days`, `reason`) or replaces the explanation."""
    record = due.as_record() if isinstance(due, DueDate) else due.as_dict()
    return {
        "step": step,
        "computed_at": timezone.now().isoformat(),
        **record,
        "start_label": start_label or step_start_label(step),
        "explanation": due.explanation(),
        **extra,
    }


def step_label(step) -> str:
    code = step.get("step") if isinstance(step, dict) else step
    return str(STEP_LABELS.get(code, code or ""))


def step_display(step: dict) -> dict:
    """A stored step as pages show it, in the viewer's language: its label, due date and explanation (entries
    stored before the structured fields were kept show their stored text)."""
    due = step.get("due_date") if isinstance(step, dict) else None
    try:
        due_date = dt.date.fromisoformat(due) if due else None
    except (TypeError, ValueError):
        due_date = None
    return {**step, "label": step_label(step), "due_date": due_date, "explanation": explain_step(step)}
