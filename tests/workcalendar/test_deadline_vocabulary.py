"""One deadline vocabulary for every case type: the status of a due date and the step a deadline log keeps."""

import ast
import datetime as dt
import pathlib
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tests.factories import AgencyFactory
from workcalendar.calendar import WorkingCalendar
from workcalendar.deadlines import DeadlineStatus, as_step, deadline_status, due_soon_until, step_display
from workcalendar.models import Holiday
from workcalendar.seed import seed_holidays

D = dt.date
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def calendar(db):
    seed_holidays(Holiday, years=[2026])
    return WorkingCalendar(AgencyFactory())


def at(*args):
    return dt.datetime(*args, tzinfo=WIB)


def test_a_due_date_is_on_time_then_due_soon_then_overdue_after_its_last_minute(calendar):
    due = D(2026, 4, 6)  # Monday after Good Friday
    assert deadline_status(due, calendar=calendar, now=at(2026, 3, 30, 9)).code == DeadlineStatus.ON_TIME
    soon = deadline_status(
        due, calendar=calendar, now=at(2026, 4, 1, 9)
    )  # 2, 6 April left (3 is Good Friday)
    assert (soon.code, soon.working_days_left) == (DeadlineStatus.DUE_SOON, 2)
    last = deadline_status(due, calendar=calendar, now=at(2026, 4, 6, 23, 59))
    assert (last.code, last.working_days_left) == (DeadlineStatus.DUE_SOON, 0)
    late = deadline_status(due, calendar=calendar, now=at(2026, 4, 7, 0, 1))
    assert (late.code, late.working_days_left) == (DeadlineStatus.OVERDUE, None)


def test_the_api_counts_as_due_soon_up_to_the_third_working_day(calendar):
    assert due_soon_until(D(2026, 4, 1), calendar=calendar) == D(2026, 4, 7)  # 2, 6, 7 April


def test_request_and_complaint_steps_have_one_shape_and_are_worded_in_the_viewers_language(calendar):
    due = calendar.add_working_days(D(2026, 11, 2), 3)
    request_step, complaint_step = as_step("initial", due), as_step("verify", due)
    assert set(request_step) == set(complaint_step)
    with translation.override("en"):
        shown = step_display(complaint_step)
    assert shown["label"] == "Verification and disposition by the complaint administrator"
    assert shown["due_date"] == D(2026, 11, 5)
    assert "5 November 2026" in shown["explanation"] and "2026-11-05" not in shown["explanation"]


def test_a_complaint_step_stored_in_the_old_shape_is_still_shown(calendar):
    due = calendar.add_working_days(D(2026, 11, 2), 5)
    old = {
        "step": "followup",
        "computed_at": "2026-11-02T03:00:00+00:00",
        **due.as_dict(),
        "explanation": "x",
    }
    shown = step_display(old)
    assert shown["due_date"] == D(2026, 11, 9)
    assert shown["explanation"].startswith("Diterima 2 November 2026 (hari ke-0). Dihitung 5 hari kerja")


def test_a_calendar_day_step_shows_its_stored_explanation(calendar):
    due = calendar.add_calendar_days(D(2026, 11, 2), 60)
    step = as_step("resolution", due, explanation="60 hari kalender sejak diterima")
    assert step_display(step)["explanation"] == "60 hari kalender sejak diterima"
    assert step_display(step)["label"] == "Penyelesaian pengaduan"


def test_notifications_import_no_case_app():
    """The shared notifications app serves the case apps; they call it, never the other way round."""
    root = pathlib.Path(__file__).resolve().parents[2] / "notifications"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in {"ppid", "complaints"}, f"{path.name} imports {name}"
