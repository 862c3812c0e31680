"""`make run` has no Celery beat: its embedded scheduler runs every case app's deadline job by name."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from complaints import services as c
from notifications import embedded
from notifications.models import Notification

WIB = ZoneInfo("Asia/Jakarta")


def at(*args):
    return time_machine.travel(dt.datetime(*args, tzinfo=WIB), tick=False)


def file_complaint_on_monday_30_march(world):
    """Its verification is due Thursday 2 April: due in 1 working day on 1 April."""
    with at(2026, 3, 30, 10):
        c.complaint_file(
            reporter=None,
            agency=world.agency,
            title="Pungli",
            description="d",
            category="other",
            anonymous=True,
        )


def test_one_tick_reminds_of_requests_and_of_complaints(world, file_request, settings):
    # The whole list, pinned: a job added or dropped shows here (the register's clocks joined in issue 18).
    assert settings.DEADLINE_JOBS == [
        "ppid.tasks.run_deadline_jobs",
        "complaints.tasks.run_deadline_jobs",
        "dip.tasks.run_deadline_jobs",
    ]
    with at(2026, 3, 13, 10):
        file_request()  # due Monday 6 April
    file_complaint_on_monday_30_march(world)
    with at(2026, 4, 1, 9):
        embedded.run_once()
    reminders = Notification.objects.filter(kind__startswith="reminder.")
    assert set(reminders.values_list("recipient__username", "kind")) == {
        ("petugas", "reminder.due_in_3"),
        ("kepala", "reminder.due_in_3"),
        ("admin", "reminder.due_in_1"),
    }


def test_a_failing_job_does_not_stop_the_next(world, settings, caplog):
    settings.DEADLINE_JOBS = ["ppid.tasks.no_such_job", "complaints.tasks.run_deadline_jobs"]
    file_complaint_on_monday_30_march(world)
    with at(2026, 4, 1, 9):
        embedded.run_once()
    assert "ppid.tasks.no_such_job failed" in caplog.text
    assert Notification.objects.filter(kind="reminder.due_in_1", recipient=world.admin).exists()
